/**
 * Findings of the backdrop analysis, in the studio-wide shape (src/shared/findings.ts:
 * {rule, severity, section, start, end, message, value?}) plus where it is and what to do. `message` and
 * `action` are English (CLI, logs, reports); the UI translates by `rule` and `kind` with `values`.
 */
import { z } from 'zod';
import { FindingSchema } from '../findings';

export const KEY_RULES = ['key.backdrop-uneven', 'key.non-backdrop-edge', 'key.spill', 'key.holes', 'key.distance-hint'] as const;
export type KeyRule = (typeof KEY_RULES)[number];

export const EDGES = ['top', 'bottom', 'left', 'right'] as const;
export type Edge = (typeof EDGES)[number];

export const BoxSchema = z.object({
  x: z.number().int().nonnegative(),
  y: z.number().int().nonnegative(),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
});
export type Box = z.infer<typeof BoxSchema>;

/** The studio-wide finding (src/shared/findings.ts) plus where it is and what to do. */
export const KeyFindingSchema = FindingSchema.extend({
  rule: z.enum(KEY_RULES),
  /** Sub-case for translation, e.g. "black-bar" / "thin" for an edge, "dark" / "shade" / "unkeyed". */
  kind: z.string(),
  /** Frame pixels of the analysed picture (full resolution). */
  where: z.object({
    edge: z.enum(EDGES).optional(),
    /** The main region. */
    bbox: BoxSchema.optional(),
    /** Every region found (the overlay draws them all). */
    regions: z.array(BoxSchema).optional(),
  }),
  /** What to do about it, English. */
  action: z.string(),
  /** The measured numbers the message quotes (for translation placeholders). */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type KeyFinding = z.infer<typeof KeyFindingSchema>;

/** The CLI's exit rule and the UI's colour: the worst severity present. */
export function worstSeverity(findings: readonly KeyFinding[]): 'error' | 'warn' | 'info' | null {
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  return findings.length ? 'info' : null;
}
