import { useCallback, useRef, useState } from 'react';
import type { ChecklistItem, DeviceReport, MethodInput, PresetId, Take } from '../../../../shared/api';
import { StudioError } from '../../../../shared/errors';
import {
  DISK_STOP_SECONDS_LEFT,
  RECORDING_AUDIO_BITS_PER_SECOND,
  RECORDING_CHUNK_MS,
  RECORDING_VIDEO_BITS_PER_SECOND,
} from '../../../../shared/standards';
import { studio } from '../../api/client';
import { useLiveTake } from '../../stores/live-take-store';
import { usePhase } from '../../stores/phase-store';
import { usePrompter } from '../prompter/prompter-store';
import { pickRecordingMime } from './recording-format';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'saving';

export const RECORDING_BITS_PER_SECOND = RECORDING_VIDEO_BITS_PER_SECOND + RECORDING_AUDIO_BITS_PER_SECOND;

export interface StartTakeOptions {
  preset: PresetId;
  checklist: ChecklistItem[];
}

/** What the Record screen knows of a take at Stop (issue #13): saved in take.json by main. */
export type TakeLoopFacts = Omit<MethodInput<'take.loop-facts'>, 'shootId' | 'takeId'>;

/**
 * Records the preview stream with MediaRecorder and hands every chunk (one a second) to main in
 * order, so the take is on disk as it is recorded. The first recorded frame starts the take's
 * media clock (phases and markers are timed on it). Stop waits for the last chunk, then tells main,
 * which answers at once with the take 'finalizing' and makes the delivery MP4 in the background
 * (the take card follows by takes.changed), so Record is ready again. A disk about to fill stops
 * the take cleanly.
 */
export function useTakeRecorder(onError: (err: unknown) => void, factsAtStop?: () => TakeLoopFacts) {
  const factsRef = useRef(factsAtStop);
  factsRef.current = factsAtStop;
  const [phase, setPhase] = useState<RecorderPhase>('idle');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const take = useRef<Take | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(false);
  const stopRef = useRef<() => Promise<Take | null>>(async () => null);
  const abortRef = useRef<() => void>(() => {});

  const start = useCallback(
    async (shootId: string, stream: MediaStream, devices: DeviceReport, opts: StartTakeOptions) => {
      const mimeType = pickRecordingMime();
      if (!mimeType) throw new Error('no recording format');
      setPhase('starting');
      failed.current = false;
      try {
        const t = await studio.call('recording.start', {
          kind: 'video',
          shootId,
          mimeType,
          devices,
          preset: opts.preset,
          checklist: opts.checklist,
          bitsPerSecond: RECORDING_BITS_PER_SECOND,
        });
        take.current = t;
        const mr = new MediaRecorder(stream, {
          mimeType,
          videoBitsPerSecond: RECORDING_VIDEO_BITS_PER_SECOND,
          audioBitsPerSecond: RECORDING_AUDIO_BITS_PER_SECOND,
        });
        let seq = 0;
        mr.onstart = () => {
          useLiveTake.getState().begin(shootId, t.id);
          usePhase.getState().set({ mediaStartMs: performance.now(), preset: opts.preset, phaseStart: 0 });
          setStartedAt(performance.now());
        };
        mr.ondataavailable = (ev) => {
          if (ev.data.size === 0 || failed.current) return;
          const n = seq++;
          // Chained so chunks reach main in order, one at a time.
          queue.current = queue.current.then(async () => {
            if (failed.current) return;
            try {
              const data = new Uint8Array(await ev.data.arrayBuffer());
              const r = await studio.call('recording.chunk', { shootId, takeId: t.id, seq: n, data });
              useLiveTake.getState().setSecondsLeft(r.secondsLeft);
              if (r.secondsLeft !== null && r.secondsLeft < DISK_STOP_SECONDS_LEFT && mr.state === 'recording') {
                onError(new StudioError('disk-full', 'The disk is almost full: the take was stopped and saved.'));
                void stopRef.current();
              }
            } catch (err) {
              // The studio refused or lost the chunk: stop recording here; what reached disk is
              // kept (and recovered if the studio went down).
              failed.current = true;
              if (mr.state !== 'inactive') mr.stop();
              abortRef.current();
              onError(err);
            }
          });
        };
        mr.start(RECORDING_CHUNK_MS);
        recorder.current = mr;
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
    recorder.current = null;
    take.current = null;
    setPhase('saving');
    if (mr.state !== 'inactive') {
      await new Promise<void>((resolve) => {
        mr.addEventListener('stop', () => resolve(), { once: true });
        mr.stop();
      });
    }
    await queue.current;
    // Read before the phase clock stops: the live frame counts, the phase the take stopped in.
    const facts = factsRef.current?.();
    usePhase.getState().set({ phase: 'stopped', mediaStartMs: null });
    useLiveTake.getState().end();
    void usePrompter.getState().update({ cue: { phase: 'stopped', silentEndsAt: null }, scroll: { playing: false } });
    setStartedAt(null);
    try {
      const stopped = await studio.call('recording.stop', { shootId: t.shootId, takeId: t.id });
      if (facts && Object.keys(facts).length > 0) {
        studio.call('take.loop-facts', { shootId: t.shootId, takeId: t.id, ...facts }).catch(onError);
      }
      return stopped;
    } finally {
      setPhase('idle');
    }
  }, [onError]);
  stopRef.current = stop;

  /** Back to idle without asking main to finish the take (it could not be reached or refused). */
  const abort = useCallback(() => {
    recorder.current = null;
    take.current = null;
    usePhase.getState().set({ phase: 'stopped', mediaStartMs: null });
    useLiveTake.getState().end();
    setStartedAt(null);
    setPhase('idle');
  }, []);
  abortRef.current = abort;

  return { phase, startedAt, start, stop };
}
