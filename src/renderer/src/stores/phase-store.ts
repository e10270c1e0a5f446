import { create } from 'zustand';
import type { PhaseKind, PresetId } from '../../../shared/api';

/**
 * Where the current take is in its phase plan. `phase` is what the operator, the prompter and the
 * live monitor react to: 'idle' (not recording), the preset's phases while recording
 * ('silent' → 'narration', or for the motion video 'idle-pose' → 'actions'), 'stopped' after Stop.
 */
export type LivePhase = 'idle' | 'silent' | 'narration' | 'idle-pose' | 'actions' | 'stopped';

export function livePhaseOf(kind: PhaseKind): LivePhase {
  return kind === 'idle' ? 'idle-pose' : kind;
}

interface PhaseState {
  phase: LivePhase;
  preset: PresetId | null;
  /** performance.now() at the first recorded frame (MediaRecorder start), or null. */
  mediaStartMs: number | null;
  /** Media seconds at which the current phase began. */
  phaseStart: number;
  set(patch: Partial<Omit<PhaseState, 'set'>>): void;
}

export const usePhase = create<PhaseState>((set) => ({
  phase: 'idle',
  preset: null,
  mediaStartMs: null,
  phaseStart: 0,
  set: (patch) => set(patch),
}));

/** Media time of the current take now, in seconds (0 when not recording). */
export function mediaNow(): number {
  const start = usePhase.getState().mediaStartMs;
  return start === null ? 0 : Math.max(0, (performance.now() - start) / 1000);
}
