/**
 * The contract's building blocks: ids, settings, shoots, takes, markers. Split from api.ts so
 * capability contract groups (src/shared/contract/*) can use them without an import cycle.
 */
import { z } from 'zod';
import { ProbeResultSchema } from './probe';
import { StudioErrorSchema } from './errors';
import { StoredFindingSchema } from './findings';
import { isPlainFileName } from './take-files';
import { ChecklistOverrideSchema, IncompleteSchema, RecStatsSchema } from './take-loop';
import { VoiceTakeInfoSchema } from './voice/take-role';
import { PRESET_IDS, PRESHOOT_CHECKLIST, type ChecklistId, type PresetId } from './standards';

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
  /** Check every take when its delivery file is made (#13); absent = on. */
  autoCheck: z.boolean().optional(),
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

/** What the camera really delivers (MediaStreamTrack.getSettings), saved with the take. */
export const CameraReportSchema = z.object({
  deviceId: z.string().max(512),
  label: z.string().max(512),
  width: z.number().int().nonnegative(),
  height: z.number().int().nonnegative(),
  frameRate: z.number().nonnegative(),
});

/** What the microphone really delivers (MediaStreamTrack.getSettings), saved with the take. */
export const MicrophoneReportSchema = z.object({
  deviceId: z.string().max(512),
  label: z.string().max(512),
  sampleRate: z.number().int().nonnegative().nullable(),
  channelCount: z.number().int().nonnegative().nullable(),
  echoCancellation: z.boolean().nullable(),
  noiseSuppression: z.boolean().nullable(),
  autoGainControl: z.boolean().nullable(),
});

/** The devices of a video take: a camera and a microphone. */
export const DeviceReportSchema = z.object({ camera: CameraReportSchema, microphone: MicrophoneReportSchema });
export type DeviceReport = z.infer<typeof DeviceReportSchema>;

/** The devices of a voice take: a microphone; a camera only if one was open. */
export const VoiceDeviceReportSchema = z.object({ camera: CameraReportSchema.optional(), microphone: MicrophoneReportSchema });
export type VoiceDeviceReport = z.infer<typeof VoiceDeviceReportSchema>;

/**
 * The kinds of take. Each kind has one finalizer (src/main/services/takes/finalizers/<kind>.ts):
 * video → delivery.mp4; voice → take.wav (the PCM as recorded, lossless). A new kind is one file
 * there plus one line in its registry, and one entry here.
 */
export const TAKE_KINDS = ['video', 'voice'] as const;
export const TakeKindSchema = z.enum(TAKE_KINDS);
export type TakeKind = z.infer<typeof TakeKindSchema>;

/**
 * Raw PCM as a voice take sends it through recording.chunk: little-endian, interleaved, exactly as
 * captured (no resampling, no processing). 8–192 kHz, mono or stereo.
 */
export const PcmFormatSchema = z
  .object({
    codec: z.enum(['pcm_s16le', 'pcm_f32le']),
    sampleRate: z.number().int().min(8000).max(192_000),
    channels: z.number().int().min(1).max(2),
  })
  .strict();
export type PcmFormat = z.infer<typeof PcmFormatSchema>;

/** MediaRecorder formats main knows how to store; the extension of the raw file follows from it. */
export const RecordingMimeSchema = z
  .string()
  .max(200)
  .regex(/^(video\/(x-matroska|webm|mp4))(;.*)?$/, 'must be a video/x-matroska, video/webm or video/mp4 type');

export const PresetIdSchema = z.enum(PRESET_IDS as [PresetId, ...PresetId[]]);
export type { PresetId };
export const ChecklistIdSchema = z.enum(PRESHOOT_CHECKLIST.map((c) => c.id) as [ChecklistId, ...ChecklistId[]]);
export const ChecklistItemSchema = z.object({ id: ChecklistIdSchema, checked: z.boolean() });
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;

export const PhaseKindSchema = z.enum(['silent', 'narration', 'idle', 'actions']);
export type PhaseKind = z.infer<typeof PhaseKindSchema>;

/**
 * A point in the take's media time (seconds from the first recorded frame, a multiple of one
 * frame at 25 fps). Phase boundaries are markers too.
 */
export const MarkerSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  kind: z.enum(['phase', 'flub', 'action-start', 'action-end', 'return-idle', 'note']),
  t: z.number().nonnegative().max(24 * 3600),
  phase: PhaseKindSchema.optional(),
  note: z.string().max(500).optional(),
});
export type Marker = z.infer<typeof MarkerSchema>;

export const ShootSchema = z.object({
  id: IdSchema,
  name: z.string(),
  model: z.string(),
  /** The preset new takes start with (§1–§4); a take may use another. */
  preset: PresetIdSchema.default('standard-short'),
  createdAt: z.string(),
});
export type Shoot = z.infer<typeof ShootSchema>;

/**
 * recording → finalizing → ready | failed. A crash leaves recording/finalizing; recovery at the next
 * start marks it interrupted and finalizes it, or leaves it recoverable (error says why, e.g. a full
 * disk) so a later start can try again with nothing lost.
 */
export const TakeStatusSchema = z.enum(['recording', 'finalizing', 'ready', 'failed', 'interrupted', 'recoverable']);
export type TakeStatus = z.infer<typeof TakeStatusSchema>;

/** A file a take.json names: one plain name inside the take folder (a copied-in take cannot point out). */
export const TakeFileNameSchema = z.string().refine(isPlainFileName, 'must be a plain file name inside the take folder');

export const TakeSchema = z.object({
  schemaVersion: z.literal(1),
  id: IdSchema,
  shootId: IdSchema,
  /** Absent in takes recorded before voice takes existed: those are video. */
  kind: TakeKindSchema.default('video'),
  name: z.string(),
  status: TakeStatusSchema,
  createdAt: z.string(),
  recording: z.object({
    mimeType: z.string(),
    /** A plain file name inside the take folder (checked when read: no separators, no "..", no links). */
    rawFile: TakeFileNameSchema,
    /** The PCM format of a voice take's raw file (absent for video: its container says). */
    format: PcmFormatSchema.optional(),
    bytes: z.number().int().nonnegative(),
    chunks: z.number().int().nonnegative(),
    startedAt: z.string(),
    stoppedAt: z.string().nullable(),
  }),
  devices: VoiceDeviceReportSchema,
  delivery: z
    .object({
      file: TakeFileNameSchema,
      probe: ProbeResultSchema,
      finalizeSeconds: z.number(),
    })
    .nullable(),
  error: StudioErrorSchema.nullable(),
  preset: PresetIdSchema.default('standard-short'),
  starred: z.boolean().default(false),
  /** The pre-shoot checklist as ticked at Record; unticked items stay listed. */
  checklist: z.array(ChecklistItemSchema).default([]),
  markers: z.array(MarkerSchema).default([]),
  /** Phase times in media seconds, from the phase markers. */
  phases: z.array(z.object({ kind: PhaseKindSchema, start: z.number(), end: z.number().nullable() })).default([]),
  /** Set when the take was interrupted (crash, kill, power cut) and rebuilt at the next start. */
  recovered: z.object({ at: z.string(), recordedSeconds: z.number().nullable() }).nullable().default(null),
  /** What the live face and lip monitor found during the take (src/shared/findings.ts); absent in older takes. */
  findings: z.array(StoredFindingSchema).optional(),
  /** Shoot loop (#13, src/shared/take-loop.ts): frames the recorder really got, a checklist override, an incomplete take. */
  recStats: RecStatsSchema.optional(),
  checklistOverride: ChecklistOverrideSchema.optional(),
  incomplete: IncompleteSchema.optional(),
  /** A voice take's role, set at Record (§8.6: speech or the authorization); absent = speech. */
  voice: VoiceTakeInfoSchema.optional(),
});
export type Take = z.infer<typeof TakeSchema>;

