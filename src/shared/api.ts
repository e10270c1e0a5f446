/**
 * The one contract between the renderer and main. Every call and event is declared here with its
 * schemas; main validates every input against them (src/main/dispatch.ts) and answers with a
 * Result, never a crash. Two clients speak it: the Electron preload bridge (window.studio) and the
 * WebSocket client of serve mode (src/renderer/src/api).
 */
import { z } from 'zod';
import { ProbeResultSchema } from './probe';
import { StudioErrorSchema } from './errors';

export const CONTRACT_VERSION = 1;

/** Shoot and take ids are folder names: no separators, no dots first, no traversal. */
export const IdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be 1–64 letters, digits, "-" or "_"');

export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

export const SettingsSchema = z.object({
  /** null = follow the system locale. */
  language: LanguageSchema.nullable(),
  shootsRoot: z.string(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const FfmpegInfoSchema = z.object({
  ffmpegPath: z.string(),
  ffprobePath: z.string(),
  source: z.enum(['env', 'ffmpeg-static', 'package', 'path']),
  version: z.string(),
});

export const AppInfoSchema = z.object({
  version: z.string(),
  contractVersion: z.number().int(),
  mode: z.enum(['electron', 'serve']),
  platform: z.string(),
  systemLocale: z.string(),
  ffmpeg: z.union([FfmpegInfoSchema, z.object({ error: StudioErrorSchema })]),
  shootsRoot: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** What the capture device really delivers (MediaStreamTrack.getSettings), saved with the take. */
export const DeviceReportSchema = z.object({
  camera: z.object({
    deviceId: z.string().max(512),
    label: z.string().max(512),
    width: z.number().int().nonnegative(),
    height: z.number().int().nonnegative(),
    frameRate: z.number().nonnegative(),
  }),
  microphone: z.object({
    deviceId: z.string().max(512),
    label: z.string().max(512),
    sampleRate: z.number().int().nonnegative().nullable(),
    channelCount: z.number().int().nonnegative().nullable(),
    echoCancellation: z.boolean().nullable(),
    noiseSuppression: z.boolean().nullable(),
    autoGainControl: z.boolean().nullable(),
  }),
});
export type DeviceReport = z.infer<typeof DeviceReportSchema>;

/** MediaRecorder formats main knows how to store; the extension of the raw file follows from it. */
export const RecordingMimeSchema = z
  .string()
  .max(200)
  .regex(/^(video\/(x-matroska|webm|mp4))(;.*)?$/, 'must be a video/x-matroska, video/webm or video/mp4 type');

export const ShootSchema = z.object({
  id: IdSchema,
  name: z.string(),
  model: z.string(),
  createdAt: z.string(),
});
export type Shoot = z.infer<typeof ShootSchema>;

export const TakeStatusSchema = z.enum(['recording', 'finalizing', 'ready', 'failed', 'interrupted']);

export const TakeSchema = z.object({
  schemaVersion: z.literal(1),
  id: IdSchema,
  shootId: IdSchema,
  name: z.string(),
  status: TakeStatusSchema,
  createdAt: z.string(),
  recording: z.object({
    mimeType: z.string(),
    rawFile: z.string(),
    bytes: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
    startedAt: z.string(),
    stoppedAt: z.string().nullable(),
  }),
  devices: DeviceReportSchema,
  delivery: z
    .object({
      file: z.string(),
      probe: ProbeResultSchema,
      finalizeSeconds: z.number(),
    })
    .nullable(),
  error: StudioErrorSchema.nullable(),
});
export type Take = z.infer<typeof TakeSchema>;

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
      })
      .strict(),
    output: ShootSchema,
  },
  'takes.list': { input: z.object({ shootId: IdSchema }).strict(), output: z.array(TakeSchema) },
  'recording.start': {
    input: z.object({ shootId: IdSchema, mimeType: RecordingMimeSchema, devices: DeviceReportSchema }).strict(),
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
    output: z.object({ bytes: z.number().int(), chunks: z.number().int() }),
  },
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
}

/** The object the Electron preload puts on window.studio: raw Results, the renderer wraps them. */
export interface PreloadBridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
