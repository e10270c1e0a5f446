import { z } from 'zod';

/** A frame rate as ffprobe reports it ("30000/1001"), with its value. */
export const RateSchema = z.object({
  num: z.number().int(),
  den: z.number().int(),
  fps: z.number(),
});
export type Rate = z.infer<typeof RateSchema>;

export const HdrTransferSchema = z.enum(['none', 'hlg', 'pq']);
export type HdrTransfer = z.infer<typeof HdrTransferSchema>;

export const VideoFactsSchema = z.object({
  codec: z.string(),
  profile: z.string().nullable(),
  /** Coded size, as stored. */
  width: z.number().int(),
  height: z.number().int(),
  /** Clockwise rotation a player applies (0, 90, 180, 270), from the display matrix or rotate tag. */
  rotation: z.number().int(),
  /** Size as displayed, after rotation. */
  displayWidth: z.number().int(),
  displayHeight: z.number().int(),
  rFrameRate: RateSchema,
  avgFrameRate: RateSchema,
  /** Variable frame rate: the nominal and average rates differ. */
  vfr: z.boolean(),
  pixelFormat: z.string(),
  bitDepth: z.number().int(),
  hdr: HdrTransferSchema,
  colorTransfer: z.string().nullable(),
  colorPrimaries: z.string().nullable(),
  colorSpace: z.string().nullable(),
  /** Frames in the stream when the container says so, else null. */
  frameCount: z.number().int().nullable(),
});
export type VideoFacts = z.infer<typeof VideoFactsSchema>;

export const AudioFactsSchema = z.object({
  codec: z.string(),
  sampleRate: z.number().int(),
  channels: z.number().int(),
  channelLayout: z.string().nullable(),
});
export type AudioFacts = z.infer<typeof AudioFactsSchema>;

export const ProbeResultSchema = z.object({
  file: z.string(),
  /** Short container name: mp4 | mov | matroska | webm | avi | … (from ffprobe's format and the extension). */
  container: z.string(),
  /** ffprobe's own format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: z.string(),
  durationSec: z.number(),
  sizeBytes: z.number().int(),
  bitRate: z.number().nullable(),
  video: VideoFactsSchema.nullable(),
  audio: AudioFactsSchema.nullable(),
});
export type ProbeResult = z.infer<typeof ProbeResultSchema>;
