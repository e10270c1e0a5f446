/**
 * What a voice take is for, decided when it is recorded (§8.6): speech for the cloning, or the
 * authorization recording. A speech take is never exported as the authorization file, and an
 * authorization take never becomes a segment. The authorization's script is filled in main from
 * the standard's words (auth-scripts.ts) and stored with the take, so the export says exactly which
 * words the speaker was shown — not whether they were said (that is not verified offline).
 */
import { z } from 'zod';
import { AUTH_LANGS } from './auth-scripts';

export const VOICE_ROLES = ['speech', 'auth'] as const;
export type VoiceRole = (typeof VOICE_ROLES)[number];

/** Names as typed: one line, bounded, no control characters (they end up in JSON and on screen). */
const NameSchema = z
  .string()
  .max(80)
  .regex(/^[^\p{Cc}]*$/u, 'must be one line of text');

/** recording.start's voice fields: the role, and for an authorization the language and the names. */
export const VoiceStartRoleSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('speech') }).strict(),
  z.object({ role: z.literal('auth'), lang: z.enum(AUTH_LANGS), speaker: NameSchema, company: NameSchema }).strict(),
]);
export type VoiceStartRole = z.infer<typeof VoiceStartRoleSchema>;

/** Stored on a voice take (take.json `voice`); absent on takes from before roles: those are speech. */
export const VoiceTakeInfoSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('speech') }),
  z.object({
    role: z.literal('auth'),
    lang: z.enum(AUTH_LANGS),
    speaker: z.string().max(80),
    company: z.string().max(80),
    /** The words shown on the prompter, filled in by main from §8.6. */
    script: z.string().max(400),
  }),
]);
export type VoiceTakeInfo = z.infer<typeof VoiceTakeInfoSchema>;

export function voiceRoleOf(take: { kind?: string; voice?: VoiceTakeInfo }): VoiceRole | null {
  if (take.kind !== 'voice') return null;
  return take.voice?.role ?? 'speech';
}
