/**
 * Ingest and transcode (issue #7): import camera files by path, list their format problems, convert
 * them to the delivery MP4 or merge takes into one (§3.2), one job at a time with progress and cancel.
 * Paths come from the operator (typed, pasted or dropped) and are checked in main before any use.
 */
import { z } from 'zod';
import { StudioErrorSchema } from '../errors';
import { FindingSchema } from '../ingest/finding';
import { ConvertOptionsSchema } from '../ingest/options';
import { ProbeResultSchema } from '../probe';

/** A path on the studio machine as the operator gave it; main requires it absolute and existing. */
export const HostPathSchema = z
  .string()
  .trim()
  .min(1, 'a path is needed')
  .max(4096)
  .refine((p) => !p.includes('\0'), 'must not contain NUL');

/** A file name (no folder) for an output the operator names, e.g. the merged video. */
export const OutputNameSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^/\\:*?"<>|\0]+\.mp4$/i, 'must be a file name ending in .mp4, without a folder');

export const IngestItemSchema = z.object({
  path: z.string(),
  name: z.string(),
  /** null when the file cannot be read as media (see error). */
  probe: ProbeResultSchema.nullable(),
  problems: z.array(FindingSchema),
  error: StudioErrorSchema.nullable(),
  /** Where Convert would write it (same folder, a free name). */
  suggestedOutput: z.string().nullable(),
});
export type IngestItem = z.infer<typeof IngestItemSchema>;

export const HdrReportSchema = z.object({
  /**
   * What turned HDR into SDR: `none` (SDR input), `zscale` (zscale + tonemap on every frame),
   * `lut` (a 3D LUT built by running that chain), `lut-computed` (the same LUT computed from its
   * formulas: this ffmpeg has no zscale/tonemap), `untouched` (no tone mapping possible).
   */
  method: z.enum(['none', 'zscale', 'lut', 'lut-computed', 'untouched']),
  transfer: z.enum(['hlg', 'pq']).nullable(),
  /** The LUT against the exact chain on a sample of the file, when measured. */
  psnrDb: z.number().nullable(),
  note: z.string(),
});
export type HdrReport = z.infer<typeof HdrReportSchema>;

export const MergePartSchema = z.object({
  file: z.string(),
  /** Where the part starts in the merged file: a whole number of frames at 25 fps. */
  startSec: z.number(),
  startFrame: z.number().int(),
  durationSec: z.number(),
  frames: z.number().int(),
});
export type MergePart = z.infer<typeof MergePartSchema>;

export const ConvertResultSchema = z.object({
  output: z.string(),
  probe: ProbeResultSchema,
  hdr: HdrReportSchema,
  /** The video filters that ran (ffmpeg syntax), for the record. */
  videoFilter: z.string(),
  wallSeconds: z.number(),
  /** Seconds of footage per second of work. */
  speed: z.number(),
  /** Decoding errors that were concealed, and delivery rules the conversion cannot cure. */
  warnings: z.array(FindingSchema),
  parts: z.array(MergePartSchema).nullable(),
});
export type ConvertResult = z.infer<typeof ConvertResultSchema>;

export const JobStatusSchema = z.enum(['queued', 'running', 'done', 'failed', 'cancelled']);

export const ConvertJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['convert', 'merge']),
  inputs: z.array(z.string()),
  output: z.string(),
  options: ConvertOptionsSchema,
  status: JobStatusSchema,
  /** 0–1 while running; null before the length is known. */
  progress: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  speed: z.number().nullable(),
  /** Length of the footage being written. */
  durationSec: z.number().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Plain words first, then the relevant ffmpeg lines. */
  error: StudioErrorSchema.nullable(),
  result: ConvertResultSchema.nullable(),
});
export type ConvertJob = z.infer<typeof ConvertJobSchema>;

export const ConvertCapabilitiesSchema = z.object({
  ffmpegVersion: z.string(),
  /** The HDR path this ffmpeg allows and what happens without it. */
  hdr: z.object({ zscale: z.boolean(), tonemap: z.boolean(), lut3d: z.boolean(), method: z.enum(['zscale', 'lut-computed', 'untouched']) }),
  /**
   * Hardware H.264 encoders this ffmpeg lists and whether a one-frame test encode worked here
   * (asked for with `hardware: true`: it takes a few seconds). Conversions use libx264 either way.
   */
  hardwareEncoders: z.array(z.object({ name: z.string(), works: z.boolean(), detail: z.string() })).nullable(),
});

// prefault: an absent options object is parsed as {} so the inner defaults apply.
const options = ConvertOptionsSchema.prefault({});

export const convertMethods = {
  /** Probe files, or the media files of folders, and list their problems. Nothing is written. */
  'convert.inspect': {
    input: z.object({ paths: z.array(HostPathSchema).min(1).max(200) }).strict(),
    output: z.object({ items: z.array(IngestItemSchema) }),
  },
  /** Queue one conversion per file; outputs go beside each file (or into outputDir) under a free name. */
  'convert.enqueue': {
    input: z
      .object({ files: z.array(HostPathSchema).min(1).max(200), options, outputDir: HostPathSchema.optional() })
      .strict(),
    output: z.array(ConvertJobSchema),
  },
  /** §3.2: join the files, in this order, into one delivery MP4. */
  'convert.merge': {
    input: z
      .object({
        files: z.array(HostPathSchema).min(2).max(50),
        outputName: OutputNameSchema.optional(),
        outputDir: HostPathSchema.optional(),
        options,
      })
      .strict(),
    output: ConvertJobSchema,
  },
  'convert.jobs': { input: z.object({}).strict(), output: z.array(ConvertJobSchema) },
  /** Stop a running job (ffmpeg is killed and the partial file removed) or drop a queued one. */
  'convert.cancel': { input: z.object({ jobId: z.string().max(64) }).strict(), output: ConvertJobSchema },
  /** Forget finished, failed and cancelled jobs. */
  'convert.clear': { input: z.object({}).strict(), output: z.array(ConvertJobSchema) },
  'convert.capabilities': {
    input: z.object({ hardware: z.boolean().default(false) }).strict(),
    output: ConvertCapabilitiesSchema,
  },
} as const;

export const convertEvents = {
  /** A job was queued, started, progressed, finished, failed or was cancelled. */
  'convert.job-changed': ConvertJobSchema,
} as const;
