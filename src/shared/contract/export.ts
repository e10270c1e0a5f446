/**
 * Export (issue #17): the platform-ready package of a take or a file — the delivery MP4, task.json
 * (§5.3), greenParams.json (§1.3.3), the acceptance report, README.txt — one job at a time with
 * progress, ETA and cancel.
 */
import { z } from 'zod';
import { StudioErrorSchema } from '../errors';
import { TaskParamsSchema } from '../task/schema';
import { LocalPathSchema } from './check';
import { HostPathSchema } from './convert';
import { ReviewSourceSchema } from './review';

const JobId = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);

export const ExportResultSchema = z.object({
  folder: z.string(),
  files: z.array(z.string()),
  /** The check had failed and the operator confirmed the export anyway (also in README and export.json). */
  forcedFailedCheck: z.boolean(),
  warnings: z.array(z.object({ rule: z.string(), severity: z.string(), message: z.string() })),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

export const exportMethods = {
  'export.start': {
    input: z
      .object({
        source: ReviewSourceSchema,
        params: TaskParamsSchema,
        /** The folder the package folder is created in; main checks it. */
        outDir: HostPathSchema,
        /** Multi-scene (§4, §5.2): auxiliary videos after the primary (the source), in upload order. */
        auxiliaries: z.array(LocalPathSchema).max(10).default([]),
        /** Confirmed: export although the take's acceptance check failed. */
        confirmFailedCheck: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ jobId: JobId }),
  },
  'export.cancel': { input: z.object({ jobId: JobId }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const;

export const exportEvents = {
  'export.progress': z.object({
    jobId: JobId,
    stage: z.enum(['prepare', 'video', 'files']),
    fraction: z.number(),
    etaSeconds: z.number().nullable(),
  }),
  'export.done': z.object({ jobId: JobId, result: ExportResultSchema.nullable(), error: StudioErrorSchema.nullable() }),
} as const;
