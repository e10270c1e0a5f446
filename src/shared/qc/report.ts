/**
 * The acceptance report: verdict, findings (with frame numbers and a thumbnail of the worst frame),
 * the stats of the run, and the series the timeline plot draws. Written as JSON by the CLI and
 * the app; the HTML report is made from it.
 */
import { z } from 'zod';
import { FindingSchema, migrateFinding, type Finding } from '../findings';
import { MarkerSchema } from '../api-schemas';
import { ProbeResultSchema } from '../probe';
import { MouthStripSchema } from './mouth-strip';

export const VerdictSchema = z.enum(['pass', 'warn', 'fail']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const ReportFindingSchema = FindingSchema.extend({
  startFrame: z.number().int(),
  endFrame: z.number().int(),
  /** A small JPEG of the worst (or first) frame, as a data: URL. */
  thumbnail: z.string().optional(),
});
export type ReportFinding = z.infer<typeof ReportFindingSchema>;

/**
 * Who, what and with which tools, for the person who signs the shoot off: the shoot and its talent,
 * the take and its markers, when, and the versions that produced the findings. Optional: reports
 * written before it have none.
 */
export const ReportAboutSchema = z.object({
  /** ISO time the check finished. */
  createdAt: z.string(),
  /** The language the HTML report was written in. */
  lang: z.enum(['en', 'zh-CN']).optional(),
  tool: z.object({ name: z.string(), version: z.string() }),
  /** `ffmpeg -version`'s version string, e.g. "5.1.6-0+deb12u1". */
  ffmpeg: z.string().nullable(),
  /** The face model the faces were measured with; null when faces were not analysed. */
  faceModel: z.object({ sha256: z.string(), bytes: z.number().int().nonnegative(), source: z.string() }).nullable(),
  /**
   * The hand test of lips.occluded (hand-over-lips.ts): the registry package its models came from
   * and whether it ran; `error` says why not. Absent in reports written before it or without faces.
   */
  hands: z.object({ models: z.string(), on: z.boolean(), error: z.string().max(300).optional() }).optional(),
  shoot: z.object({ id: z.string(), name: z.string(), talent: z.string() }).nullable(),
  take: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }).nullable(),
  markers: z.array(MarkerSchema).default([]),
});
export type ReportAbout = z.infer<typeof ReportAboutSchema>;

export const CheckReportSchema = z.object({
  verdict: VerdictSchema,
  file: z.string(),
  preset: z.string(),
  probe: ProbeResultSchema,
  /** Old reports' rule ids are read through their aliases (silent.lips-open → lips.open-in-silence). */
  findings: z.array(z.preprocess(migrateFinding, ReportFindingSchema)),
  about: ReportAboutSchema.optional(),
  stats: z.object({
    framesTotal: z.number().int(),
    framesAnalyzed: z.number().int(),
    facesAnalyzed: z.boolean(),
    analysisWidth: z.number().int(),
    analysisHeight: z.number().int(),
    durationSec: z.number(),
    elapsedSec: z.number(),
    audio: z
      .object({
        noiseFloorDb: z.number(),
        speechLevelDb: z.number(),
        snrDb: z.number(),
        clippedSamples: z.number(),
        integratedLufs: z.number().nullable(),
        voicedSeconds: z.number(),
        pitchGroupsHz: z.array(z.number()),
      })
      .nullable(),
    borders: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
  }),
  series: z.object({
    frameT: z.array(z.number()),
    faces: z.array(z.number()),
    yaw: z.array(z.number().nullable()),
    pitch: z.array(z.number().nullable()),
    lipGap: z.array(z.number().nullable()),
    audioT: z.array(z.number()),
    audioDb: z.array(z.number()),
  }),
  /** The mouth every few seconds (mouth-strip.ts); absent without faces and in older reports. */
  mouthStrip: MouthStripSchema.optional(),
});
export type CheckReport = z.infer<typeof CheckReportSchema>;

/** fail when any error, warn when any warning, else pass. */
export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  return 'pass';
}
