import { z } from 'zod';

/**
 * What the shoot loop (issue #13) adds to a take's take.json. Every field is optional in TakeSchema:
 * older takes have none of them.
 */

/** Frames the recorder really got (live from the camera track, then counted in the raw file). */
export const RecStatsSchema = z.object({
  /** How the live numbers were measured: MediaStreamTrack.stats, or frames presented to a <video>. */
  source: z.enum(['track-stats', 'video-frames']),
  /** Seconds the live numbers cover (Record → Stop). */
  seconds: z.number().nonnegative(),
  deliveredFrames: z.number().int().nonnegative(),
  deliveredFps: z.number().nonnegative(),
  /** Frames short of the standard's rate over those seconds, or frames the camera discarded (the larger). */
  droppedFrames: z.number().int().nonnegative(),
  /** Counted in the raw recording after Stop (ffprobe): the frames MediaRecorder wrote. null when unreadable. */
  recorded: z
    .object({
      frames: z.number().int().nonnegative(),
      videoSeconds: z.number().nonnegative(),
      audioSeconds: z.number().nonnegative().nullable(),
      fps: z.number().nonnegative(),
    })
    .nullable()
    .default(null),
  /**
   * How the delivery lines sound up with picture: the picture decides the length, so sound longer
   * than it is trimmed and sound shorter is padded with silence (deliver-args.ts: apad + -shortest).
   */
  alignment: z.object({ action: z.enum(['none', 'audio-trimmed', 'audio-padded']), seconds: z.number().nonnegative() }).nullable().default(null),
  /** Delivered below the standard's frame rate (§1.2.2 25 fps, see DELIVERED_FPS). */
  belowStandard: z.boolean(),
});
export type RecStats = z.infer<typeof RecStatsSchema>;

/** Record was pressed with unticked checklist items and the operator said "record anyway". */
export const ChecklistOverrideSchema = z.object({
  at: z.string().max(40),
  unticked: z.array(z.string().max(64)).max(32),
});
export type ChecklistOverride = z.infer<typeof ChecklistOverrideSchema>;

/** The take stopped before its silent segment was over (§1.2.1): not a complete take. */
export const IncompleteSchema = z.object({
  reason: z.literal('stopped-in-silent-phase'),
  recordedSeconds: z.number().nonnegative(),
  silentSeconds: z.number().nonnegative(),
});
export type Incomplete = z.infer<typeof IncompleteSchema>;
