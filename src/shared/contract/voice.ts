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

export const voiceMethods = {
  /**
   * Voice QC (§8–10) of a finished voice take's take.wav against a target; saved beside it as
   * voice-qc.json (a re-check writes a new one under a temporary name, then renames).
   */
  'voice.checkTake': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema, target: VoiceTargetSchema }).strict(),
    output: VoiceReportSchema,
  },
  /**
   * The delivery folder of a shoot's voice session: its ready voice takes checked for a voice
   * target become the segments, the one checked as 'auth' the authorization file (§8.6).
   */
  'voice.export': {
    input: z
      .object({
        shootId: IdSchema,
        target: z.enum(['tts3', 'tts6', 'large']),
        languages: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/)).max(20).default([]),
      })
      .strict(),
    output: z.object({ dir: z.string(), segments: z.number().int(), auth: z.boolean() }),
  },
} as const;

export const voiceEvents = {} as const;
