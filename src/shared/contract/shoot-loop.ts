import { z } from 'zod';
import { IdSchema } from '../api-schemas';
import { CheckReportSchema, VerdictSchema } from '../qc/report';
import { ChecklistOverrideSchema, IncompleteSchema, RecStatsSchema } from '../take-loop';

/** The live half of RecStats: what the renderer measured; main adds what the raw file holds. */
export const LiveRecStatsSchema = RecStatsSchema.pick({ source: true, seconds: true, deliveredFrames: true, deliveredFps: true, droppedFrames: true, belowStandard: true }).strict();
export type LiveRecStats = z.infer<typeof LiveRecStatsSchema>;

/** A take's last acceptance check, as its card shows it. */
export const TakeVerdictSchema = z.object({
  takeId: IdSchema,
  verdict: VerdictSchema,
  counts: z.object({ error: z.number().int(), warn: z.number().int(), info: z.number().int() }),
  checkedAt: z.string(),
});
export type TakeVerdict = z.infer<typeof TakeVerdictSchema>;

export const AutoCheckStateSchema = z.enum(['queued', 'running', 'paused', 'done', 'failed']);
export type AutoCheckState = z.infer<typeof AutoCheckStateSchema>;

/** The shoot loop (issue #13): facts of a take from the Record screen, and each take's check. */
export const shootLoopMethods = {
  /**
   * Sent at Stop: frames delivered, a checklist override, an incomplete take. Main counts the
   * frames in the raw file too, and adds it all to take.json once the take is saved for the last
   * time (the finalizer saves its own copy until then).
   */
  'take.loop-facts': {
    input: z
      .object({
        shootId: IdSchema,
        takeId: IdSchema,
        recStats: LiveRecStatsSchema.optional(),
        checklistOverride: ChecklistOverrideSchema.optional(),
        incomplete: IncompleteSchema.optional(),
      })
      .strict(),
    output: z.object({ stored: z.enum(['take', 'pending']) }),
  },
  /** Verdicts of the shoot's checked takes (check.json beside each take), and the auto-check queue. */
  'check.take-verdicts': {
    input: z.object({ shootId: IdSchema }).strict(),
    output: z.object({
      verdicts: z.array(TakeVerdictSchema),
      auto: z.array(z.object({ takeId: IdSchema, state: AutoCheckStateSchema, fraction: z.number().nullable() })),
    }),
  },
  /** The last report of a take (check.json), without checking again; null when never checked. */
  'check.take-report': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema }).strict(),
    output: z.object({ report: CheckReportSchema.nullable(), mediaUrl: z.string().nullable(), htmlUrl: z.string().nullable(), checkedAt: z.string().nullable() }),
  },
  /**
   * The shoot's finished takes as files, by name, for the Convert screen's pickers, and the shoot's
   * exports/ folder (made if missing): outputs go there by default, never beside a source.
   */
  'shoot.files': {
    input: z.object({ shootId: IdSchema }).strict(),
    output: z.object({
      shootName: z.string(),
      exportsDir: z.string(),
      takes: z.array(z.object({ takeId: IdSchema, name: z.string(), path: z.string() })),
    }),
  },
  /** Turn checking every finished take on or off (settings.json autoCheck). */
  'check.auto-set': {
    input: z.object({ enabled: z.boolean() }).strict(),
    output: z.object({ enabled: z.boolean() }),
  },
} as const;

export const shootLoopEvents = {
  /** The auto-check of a take moved on (queued → running with fraction → done | failed). */
  'check.auto': z.object({ shootId: IdSchema, takeId: IdSchema, state: AutoCheckStateSchema, fraction: z.number().nullable() }),
} as const;
