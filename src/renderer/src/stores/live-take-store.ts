import { create } from 'zustand';
import type { Marker, PhaseKind } from '../../../shared/api';
import { snapToFrame } from '../../../shared/presets';
import { studio } from '../api/client';
import { mediaNow } from './phase-store';

interface LiveTake {
  shootId: string | null;
  takeId: string | null;
  markers: Marker[];
  /** Recording time the disk still has room for, from main after each chunk. */
  secondsLeft: number | null;
  begin(shootId: string, takeId: string): void;
  end(): void;
  /** Mark the current media time (or an exact one, for phase boundaries). */
  mark(kind: Marker['kind'], extra?: { phase?: PhaseKind; note?: string; t?: number }): Promise<Marker | null>;
  setSecondsLeft(s: number | null): void;
}

let counter = 0;

/** The take being recorded: its markers as they are made, and how much disk is left. */
export const useLiveTake = create<LiveTake>((set, get) => ({
  shootId: null,
  takeId: null,
  markers: [],
  secondsLeft: null,
  begin: (shootId, takeId) => set({ shootId, takeId, markers: [], secondsLeft: null }),
  end: () => set({ shootId: null, takeId: null }),
  async mark(kind, extra = {}) {
    const { shootId, takeId } = get();
    if (!shootId || !takeId) return null;
    const marker: Marker = {
      id: `m${Date.now().toString(36)}${(counter++).toString(36)}`,
      kind,
      t: snapToFrame(extra.t ?? mediaNow()),
      ...(extra.phase ? { phase: extra.phase } : {}),
      ...(extra.note ? { note: extra.note } : {}),
    };
    set({ markers: [...get().markers, marker] });
    // Logged in main at once (flushed to disk), so a crash keeps it.
    await studio.call('recording.marker', { shootId, takeId, marker });
    return marker;
  },
  setSecondsLeft: (secondsLeft) => set({ secondsLeft }),
}));
