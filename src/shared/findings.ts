/**
 * A finding: one breach of the collection standard, found live (vision monitor), offline (checker),
 * by keying analysis, by the convert screen's probe (ingest) or by voice QC. ONE shape studio-wide
 * (DESIGN.md "Findings have one shape everywhere"; ADR 0003). Rule ids are stable and dotted
 * (`face.multiple`, `format.fps` …) and each is a line in the rule registry (`src/shared/rules`),
 * which holds its §, default severity, title and message template in en and zh-CN.
 *
 * Times: `start`/`end` are always numbers (media seconds). A finding about the whole file (its
 * container, codec, frame rate …) spans [0, duration]; `isWholeFile()` tells them apart. The ingest
 * shape's `null` times were migrated to this rule; `StoredFindingSchema` still reads them.
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warn', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** `face.multiple`, `lips.open-in-silence`, `format.fps` … */
export const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'must be a dotted rule id');

/** Placeholder values of the rule's message template (`{{fps}}`, `{{count}}` …). */
export const FindingValuesSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type FindingValues = z.infer<typeof FindingValuesSchema>;

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  /** The producer's judgement; the registry holds the usual one (`ruleDef(id).severity`). */
  severity: SeveritySchema,
  /** Where the standard says so: "§1.2.5". */
  section: z.string().max(40),
  /** Media seconds from the first frame of the file or take; end ≥ start (a single frame: end = start). */
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  /** English, for logs and the CLI: the registry's en template filled with `values`. */
  message: z.string().max(500),
  /** The template's placeholders; `renderFinding(f, lang)` words the finding in either language. */
  values: FindingValuesSchema.optional(),
  /** The worst measured value over [start, end] (degrees, a count, a ratio …) for plots and sorting. */
  value: z.number().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * Old rule ids still found in files written before the registry (take.json, check.json): read as
 * the one id used from the live monitor to the report.
 */
export const RULE_ALIASES: Readonly<Record<string, string>> = {
  'silent.lips-open': 'lips.open-in-silence',
  // The checker and the convert screen named the same format problems twice until Nov 2026.
  'format.mov': 'format.container',
  'video.vfr': 'format.vfr',
  'video.fps': 'format.fps',
  'video.resolution': 'format.resolution',
  'video.hdr': 'format.hdr',
  'video.orientation': 'format.landscape',
};

/**
 * A finding as written by an older build (take.json, check.json), in today's shape: an old rule id
 * becomes its current one; null times (the old ingest shape, never stored by it) become numbers.
 */
export function migrateFinding(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const r = raw as Record<string, unknown>;
  return {
    ...r,
    rule: typeof r.rule === 'string' ? (RULE_ALIASES[r.rule] ?? r.rule) : r.rule,
    start: r.start ?? 0,
    end: r.end ?? r.start ?? 0,
  };
}

/** The schema for findings read from disk: `migrateFinding` first, then the one shape. */
export const StoredFindingSchema = z.preprocess(migrateFinding, FindingSchema);

/** True when a finding is about the whole file ([0, duration] within a frame or two). */
export function isWholeFile(f: Pick<Finding, 'start' | 'end'>, durationSec: number): boolean {
  return f.start <= 0 && f.end >= durationSec - 0.05;
}

/** Errors first, then by time. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start || a.rule.localeCompare(b.rule));
}
