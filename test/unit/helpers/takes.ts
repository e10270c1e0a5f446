import { TakeSchema, type Take } from '../../../src/shared/api';

/**
 * A take.json record as the recorder writes it at Record (a Matroska recording, a camera and an
 * unprocessed microphone), for tests that put takes into a store by hand.
 */
export function takeRecord(shootId: string, id: string, status: Take['status'], camera: { width: number; height: number } = { width: 1080, height: 1920 }): Take {
  const now = new Date().toISOString();
  return TakeSchema.parse({
    schemaVersion: 1,
    id,
    shootId,
    name: id,
    status,
    createdAt: now,
    recording: { mimeType: 'video/x-matroska', rawFile: 'raw.mkv', bytes: 0, chunks: 0, startedAt: now, stoppedAt: null },
    devices: {
      camera: { deviceId: 'c', label: 'cam', ...camera, frameRate: 25 },
      microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    },
    delivery: null,
    error: null,
  });
}

/** The devices a recording.start names in tests (a portrait camera, an unprocessed microphone). */
export const testDevices = {
  camera: { deviceId: 'c', label: 'cam', width: 1080, height: 1920, frameRate: 25 },
  microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
};

/** A dispatch reply's value, or a thrown Error with its message. */
export async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message);
  return r.value as T;
}
