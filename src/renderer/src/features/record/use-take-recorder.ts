import { useCallback, useRef, useState } from 'react';
import type { DeviceReport, Take } from '../../../../shared/api';
import { RECORDING_AUDIO_BITS_PER_SECOND, RECORDING_CHUNK_MS, RECORDING_VIDEO_BITS_PER_SECOND } from '../../../../shared/standards';
import { studio } from '../../api/client';
import { pickRecordingMime } from './recording-format';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'saving';

/**
 * Records the preview stream with MediaRecorder and hands every chunk (one a second) to main in
 * order, so the take is on disk as it is recorded. Stop waits for the last chunk, then asks main
 * to make the delivery MP4.
 */
export function useTakeRecorder(onError: (err: unknown) => void) {
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const take = useRef<Take | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);

  const start = useCallback(
    async (shootId: string, stream: MediaStream, devices: DeviceReport) => {
      const mimeType = pickRecordingMime();
      if (!mimeType) throw new Error('no recording format');
      setPhase('starting');
      failed.current = false;
      try {
        const t = await studio.call('recording.start', { shootId, mimeType, devices });
        take.current = t;
        const mr = new MediaRecorder(stream, {
          mimeType,
          videoBitsPerSecond: RECORDING_VIDEO_BITS_PER_SECOND,
          audioBitsPerSecond: RECORDING_AUDIO_BITS_PER_SECOND,
        });
        let seq = 0;
        mr.ondataavailable = (ev) => {
          if (ev.data.size === 0 || failed.current) return;
          const n = seq++;
          // Chained so chunks reach main in order, one at a time.
          queue.current = queue.current.then(async () => {
            if (failed.current) return;
            try {
              const data = new Uint8Array(await ev.data.arrayBuffer());
              await studio.call('recording.chunk', { shootId, takeId: t.id, seq: n, data });
            } catch (err) {
              failed.current = true;
              if (mr.state !== 'inactive') mr.stop();
              onError(err);
            }
          });
        };
        mr.start(RECORDING_CHUNK_MS);
        recorder.current = mr;
        setStartedAt(Date.now());
        setPhase('recording');
      } catch (err) {
        setPhase('idle');
        throw err;
      }
    },
    [onError],
  );

  const stop = useCallback(async (): Promise<Take | null> => {
    const mr = recorder.current;
    const t = take.current;
    if (!mr || !t) return null;
    setPhase('saving');
    if (mr.state !== 'inactive') {
      await new Promise<void>((resolve) => {
        mr.addEventListener('stop', () => resolve(), { once: true });
        mr.stop();
      });
    }
    await queue.current;
    recorder.current = null;
    take.current = null;
    setStartedAt(null);
    try {
      return await studio.call('recording.stop', { shootId: t.shootId, takeId: t.id });
    } finally {
      setPhase('idle');
    }
  }, []);

  return { phase, startedAt, start, stop };
}
