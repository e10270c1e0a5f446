import { z } from 'zod';
import { IdSchema, PresetIdSchema } from '../api-schemas';
import { CheckReportSchema } from '../qc/report';
import { LANGS } from '../rules/types';

/** A file on the studio machine: absolute, no NUL; main checks it exists and is a regular file. */
export const LocalPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path on the studio computer');

export const CheckSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('take'), shootId: IdSchema, takeId: IdSchema }).strict(),
  z.object({ kind: z.literal('file'), path: LocalPathSchema }).strict(),
]);
export type CheckSource = z.infer<typeof CheckSourceSchema>;

const JobId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);

/** The acceptance checker (§1.2.5, §7): one job at a time, with progress, ETA and cancel. */
export const checkMethods = {
  'check.start': {
    /** `lang`: the UI's language, which the HTML report is written in (default: the settings' language, else en). */
    input: z.object({ source: CheckSourceSchema, preset: PresetIdSchema, lang: z.enum(LANGS).optional() }).strict(),
    output: z.object({ jobId: JobId }),
  },
  'check.cancel': { input: z.object({ jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const checkEvents = {
  'check.progress': z.object({
    jobId: JobId,
    stage: z.enum(['probe', 'audio', 'video', 'report']),
    fraction: z.number(),
    etaSeconds: z.number().nullable(),
    /** Held while a take records (the recording comes first); it goes on where it stopped. */
    paused: z.boolean(),
  }),
  'check.done': z.object({
    jobId: JobId,
    report: CheckReportSchema.nullable(),
    error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).nullable(),
    /** Where the renderer can play the checked file and open the HTML report (this studio's origin). */
    mediaUrl: z.string().nullable(),
    htmlUrl: z.string().nullable(),
  }),
} as const;
