import { z } from 'zod';
import { IdSchema } from '../api-schemas';
import { FindingSchema } from '../findings';
import { VOICE_TARGET_IDS } from '../standards';

export const VoiceTargetSchema = z.enum(VOICE_TARGET_IDS as [string, ...string[]]);

/** voice-check's answer (CLI JSON and the studio's): verdict, findings, stats, speech episodes. */
export const VoiceReportSchema = z.object({
  verdict: z.enum(['pass', 'warn', 'fail']),
  target: VoiceTargetSchema,
  findings: z.array(FindingSchema),
  stats: z.object({
    durationS: z.number(),
    speechS: z.number(),
    sampleRate: z.number().nullable(),
    peakDb: z.number().nullable(),
    noiseFloorDb: z.number().nullable(),
    speechLevelDb: z.number().nullable(),
    snrDb: z.number().nullable(),
    clippedSamples: z.number(),
    levelSpreadDb: z.number().nullable(),
    highBandDb: z.number().nullable(),
    detector: z.enum(['silero-vad-v5', 'energy']),
  }),
  episodes: z.array(z.object({ start: z.number(), end: z.number() })),
});
export type VoiceReport = z.infer<typeof VoiceReportSchema>;

/** A client-chosen id for a long voice job, so its progress events and cancel can name it. */
export const VoiceJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,40}$/);

/** Levels of one file as the voice QC measures them, before or after noise reduction. */
export const DenoiseLevelsSchema = z.object({
  noiseFloorDb: z.number().nullable(),
  snrDb: z.number().nullable(),
  speechLevelDb: z.number().nullable(),
  peakDb: z.number().nullable(),
  clippedSamples: z.number(),
  verdict: z.enum(['pass', 'warn', 'fail']),
});

export const voiceMethods = {
  /**
   * Voice QC (§8–10) of a finished voice take's take.wav against a target; saved beside it as
   * voice-qc.json (a re-check writes a new one under a temporary name, then renames). An
   * authorization take is checked with target 'auth' only, a speech take never with 'auth'.
   */
  'voice.checkTake': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, target: VoiceTargetSchema }).strict(),
    output: VoiceReportSchema,
  },
  /**
   * The noise-reduced version of a voice take for the A/B listen before export (§8.3, §10):
   * take.denoised.wav beside take.wav (never replacing it; made once, then reused), with both
   * files' levels and their media URLs. Progress as voice.progress events; voice.cancel stops it.
   */
  'voice.denoiseTake': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, jobId: VoiceJobIdSchema }).strict(),
    output: z.object({
      originalUrl: z.string(),
      denoisedUrl: z.string(),
      /** The processed file's full path (its peaks: media.peaks with a file source). */
      denoisedPath: z.string(),
      filter: z.string(),
      before: DenoiseLevelsSchema,
      after: DenoiseLevelsSchema,
    }),
  },
  /**
   * The delivery folder of a shoot's voice session: its ready speech takes become the segments,
   * the latest ready take recorded as the authorization becomes authorization.wav (§8.6); every
   * file gets a noise-reduced twin (*.denoised.wav). Progress as voice.progress; voice.cancel.
   */
  'voice.export': {
    input: z
      .object({
        shootId: IdSchema,
        target: z.enum(['tts3', 'tts6', 'large']),
        languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)).max(20).default([]),
        jobId: VoiceJobIdSchema.optional(),
      })
      .strict(),
    output: z.object({ dir: z.string(), segments: z.number().int(), auth: z.boolean(), files: z.array(z.string()) }),
  },
  /** Stops a running voice job (denoise or export); its partial output is removed. */
  'voice.cancel': {
    input: z.object({ jobId: VoiceJobIdSchema }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;

export const voiceEvents = {
  'voice.progress': z.object({ jobId: VoiceJobIdSchema, stage: z.string(), fraction: z.number(), etaSeconds: z.number().nullable() }),
} as const;
