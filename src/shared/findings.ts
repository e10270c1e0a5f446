/**
 * A finding: one breach of the collection standard, found live (vision monitor), offline (checker),
 * by keying analysis or by voice QC. One shape studio-wide (DESIGN.md "Findings have one shape
 * everywhere"); rule ids are stable and dotted (`face.multiple`, `video.fps`, `voice.snr` …).
 */
import { z } from 'zod';

export const SeveritySchema = z.enum(['error', 'warn', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** `face.multiple`, `lips.open-in-silence`, `video.fps` … */
export const RuleIdSchema = z.string().regex(/^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/, 'must be a dotted rule id');

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  severity: SeveritySchema,
  /** Where the standard says so: "§1.2.5". */
  section: z.string().max(40),
  /** Media seconds from the first frame of the file or take; end ≥ start (a single frame: end = start). */
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
  /** English, for logs, reports and the CLI; the UI words it from `rule` and `value`. */
  message: z.string().max(500),
  /** The worst measured value over [start, end] (degrees, a count, a ratio …), when there is one. */
  value: z.number().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** Errors first, then by time. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
  return [...findings].sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start || a.rule.localeCompare(b.rule));
}
