/**
 * Review (issue #17): open a take or a file for frame-accurate review, and its waveform peaks,
 * computed in main by ffmpeg (never decoded in the renderer) and streamed as they come.
 */
import { z } from 'zod';
import { TakeSchema } from '../api-schemas';
import { FindingSchema } from '../findings';
import { GreenParamsSchema } from '../green-params';
import { ProbeResultSchema } from '../probe';
import { MouthStripSchema } from '../qc/mouth-strip';
import { VerdictSchema } from '../qc/report';
import { CheckSourceSchema } from './check';

export const ReviewSourceSchema = CheckSourceSchema;
export type ReviewSource = z.infer<typeof ReviewSourceSchema>;

export const ReviewInfoSchema = z.object({
  /** The file under review: the take's delivery MP4 (else its recording) or the imported file. */
  fileName: z.string(),
  mediaUrl: z.string(),
  probe: ProbeResultSchema,
  take: TakeSchema.nullable(),
  /** The take's last acceptance check (check.json beside it), when one ran. */
  /** The take's last check: its verdict, findings, HTML report and mouth strip (null before mouth strips or without faces). */
  check: z.object({ verdict: VerdictSchema, findings: z.array(FindingSchema), htmlUrl: z.string().nullable(), mouthStrip: MouthStripSchema.nullable() }).nullable(),
  /** The shoot's (or take's) greenParams (§1.3.3), for a green-screen task. */
  greenParams: GreenParamsSchema.nullable(),
  /** Where exports go unless the operator picks another folder. */
  exportDir: z.string(),
});
export type ReviewInfo = z.infer<typeof ReviewInfoSchema>;

const PeaksKey = z.string().regex(/^[0-9a-f]{32}$/);

export const reviewMethods = {
  'review.open': { input: z.object({ source: ReviewSourceSchema }).strict(), output: ReviewInfoSchema },
  /**
   * The peaks of the first audio stream, min and max per bucket as whole numbers −127…127. Answers
   * at once: complete from the cache, or empty with `complete: false` while main decodes; the
   * buckets then arrive as `media.peaks-chunk` events with the same key.
   */
  'media.peaks': {
    input: z.object({ source: ReviewSourceSchema, peaksPerSecond: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.object({
      key: PeaksKey,
      durationSec: z.number(),
      peaksPerSecond: z.number().int(),
      hasAudio: z.boolean(),
      complete: z.boolean(),
      min: z.array(z.number()),
      max: z.array(z.number()),
    }),
  },
  /** Small pictures evenly spaced over the file for the timeline (ffmpeg seeks in main). */
  'review.thumbnails': {
    input: z.object({ source: ReviewSourceSchema, count: z.number().int().min(1).max(40).default(16) }).strict(),
    output: z.object({ items: z.array(z.object({ t: z.number(), url: z.string() })) }),
  },
} as const;

export const reviewEvents = {
  'media.peaks-chunk': z.object({
    key: PeaksKey,
    offset: z.number().int(),
    min: z.array(z.number()),
    max: z.array(z.number()),
    done: z.boolean(),
    hasAudio: z.boolean(),
    error: z.string().nullable(),
  }),
} as const;
