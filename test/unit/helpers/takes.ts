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
