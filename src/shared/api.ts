/**
 * The one contract between the renderer and main. Every call and event is declared here with its
 * schemas; main validates every input against them (src/main/dispatch.ts) and answers with a
 * Result, never a crash. Two clients speak it: the Electron preload bridge (window.studio) and the
 * WebSocket client of serve mode (src/renderer/src/api).
 */
import { z } from 'zod';
import {
  AppInfoSchema,
  ChecklistItemSchema,
  DeviceReportSchema,
  IdSchema,
  LanguageSchema,
  PcmFormatSchema,
  PresetIdSchema,
  RecordingMimeSchema,
  SettingsSchema,
  ShootSchema,
  TakeSchema,
  VoiceDeviceReportSchema,
} from './api-schemas';
import { convertEvents, convertMethods } from './contract/convert';
import { keyingEvents, keyingMethods } from './contract/keying';
import { voiceEvents, voiceMethods } from './contract/voice';
import { VoiceStartRoleSchema } from './voice/take-role';
import { checkEvents, checkMethods } from './contract/check';
import { prompterEvents, prompterMethods } from './contract/prompter';
import { reviewEvents, reviewMethods } from './contract/review';
import { exportEvents, exportMethods } from './contract/export';
import { shootLoopEvents, shootLoopMethods } from './contract/shoot-loop';
import { shootRunEvents, shootRunMethods } from './contract/shoot-run';
import { visionEvents, visionMethods } from './contract/vision';
import { StudioErrorSchema } from './errors';
import { PRESHOOT_CHECKLIST } from './standards';

export * from './api-schemas';

const empty = z.object({}).strict();

/** App facts, settings, shoots, takes and the recording of a take. */
const coreMethods = {
  'app.info': { input: empty, output: AppInfoSchema },
  'settings.get': { input: empty, output: SettingsSchema },
  'settings.set': {
    input: z.object({ language: LanguageSchema.nullable().optional() }).strict(),
    output: SettingsSchema,
  },
  'shoots.list': { input: empty, output: z.array(ShootSchema) },
  'shoots.create': {
    input: z
      .object({
        name: z.string().trim().min(1, 'a shoot needs a name').max(120),
        model: z.string().trim().max(120).default(''),
        preset: PresetIdSchema.default('standard-short'),
      })
      .strict(),
    output: ShootSchema,
  },
  'takes.list': { input: z.object({ shootId: IdSchema }).strict(), output: z.array(TakeSchema) },
  'recording.start': {
    input: z.discriminatedUnion('kind', [
      z
        .object({
          /** Absent = video, so clients from before voice takes keep working. */
          kind: z.literal('video').default('video'),
          shootId: IdSchema,
          mimeType: RecordingMimeSchema,
          devices: DeviceReportSchema,
          preset: PresetIdSchema,
          checklist: z.array(ChecklistItemSchema).max(PRESHOOT_CHECKLIST.length).default([]),
          /** The media bitrate the renderer asked for, for the disk-space estimate. */
          bitsPerSecond: z.number().positive().max(1e9),
        })
        .strict(),
      z
        .object({
          kind: z.literal('voice'),
          shootId: IdSchema,
          /** The raw PCM the chunks carry; the take's WAV has exactly this format. */
          format: PcmFormatSchema,
          devices: VoiceDeviceReportSchema,
          /** Defaults to the shoot's preset. */
          preset: PresetIdSchema.optional(),
          checklist: z.array(ChecklistItemSchema).max(PRESHOOT_CHECKLIST.length).default([]),
          /** Speech for cloning, or the authorization recording with its language and names (§8.6). */
          voice: VoiceStartRoleSchema.default({ role: 'speech' }),
        })
        .strict(),
    ]),
    output: TakeSchema,
  },
  'recording.chunk': {
    input: z
      .object({
        shootId: IdSchema,
        takeId: IdSchema,
        /** 0, 1, 2 … in order; main refuses gaps so a lost chunk is noticed, not hidden. */
        seq: z.number().int().nonnegative(),
        data: z.instanceof(Uint8Array),
      })
      .strict(),
    /** secondsLeft: recording time the disk still has room for at the measured rate. */
    output: z.object({ bytes: z.number().int(), chunks: z.number().int(), secondsLeft: z.number().nullable() }),
  },
  /**
   * Closes the take's files and answers at once with status 'finalizing'; the finalizer of the
   * take's kind runs in the background (take.finalize-progress, then takes.changed when the take
   * is ready or failed), so the next take can start right away.
   */
  'recording.stop': {
    input: z.object({ shootId: IdSchema, takeId: IdSchema }).strict(),
    output: TakeSchema,
  },
} as const;

/**
 * Every call: input schema (validated in main) and output schema (the reply's type). Each
 * capability declares its group in src/shared/contract/<name>.ts and is spread in here.
 */
export const methods = {
  ...coreMethods,
  ...shootRunMethods,
  ...prompterMethods,
  ...checkMethods,
  ...visionMethods,
  ...keyingMethods,
  ...voiceMethods,
  ...convertMethods,
  ...reviewMethods,
  ...exportMethods,
  ...shootLoopMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const FinalizeProgressSchema = z.object({
  shootId: IdSchema,
  takeId: IdSchema,
  /** 0–1 */
  progress: z.number(),
  etaSeconds: z.number().nullable(),
});

/** Events main pushes to every client; capabilities spread their groups in as with methods. */
export const events = {
  'take.finalize-progress': FinalizeProgressSchema,
  'takes.changed': z.object({ shootId: IdSchema }),
  ...shootRunEvents,
  ...prompterEvents,
  ...checkEvents,
  ...visionEvents,
  ...keyingEvents,
  ...voiceEvents,
  ...convertEvents,
  ...reviewEvents,
  ...exportEvents,
  ...shootLoopEvents,
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof StudioErrorSchema> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/** The client interface both transports implement in the renderer. */
export interface StudioClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** After a lost connection came back (serve mode); Electron's IPC never drops. */
  onReconnect(listener: () => void): () => void;
}

/** The object the Electron preload puts on window.studio: raw Results, the renderer wraps them. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
