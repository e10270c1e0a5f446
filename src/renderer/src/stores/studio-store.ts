import { create } from 'zustand';
import type { AppInfo, PresetId, Shoot, Take } from '../../../shared/api';
import { StudioError } from '../../../shared/errors';
import { studio } from '../api/client';

interface FinalizeState {
  progress: number;
  etaSeconds: number | null;
}

interface StudioState {
  info: AppInfo | null;
  shoots: Shoot[];
  shootId: string | null;
  takes: Take[];
  finalizing: Record<string, FinalizeState>;
  error: StudioError | null;
  /** Takes rebuilt after a crash since the page opened. */
  recovered: { shootId: string; takeId: string; seconds: number | null }[];
  load(): Promise<void>;
  selectShoot(id: string): Promise<void>;
  createShoot(name: string, model: string, preset: PresetId): Promise<void>;
  refreshTakes(): Promise<void>;
  setError(err: unknown): void;
}

const SHOOT_KEY = 'capture-studio.shoot';

function asStudioError(err: unknown): StudioError {
  return err instanceof StudioError ? err : new StudioError('internal', err instanceof Error ? err.message : String(err));
}

/** Shoots, takes and the app's facts, as main reports them. */
export const useStudio = create<StudioState>((set, get) => ({
  info: null,
  shoots: [],
  shootId: null,
  takes: [],
  finalizing: {},
  error: null,
  recovered: [],

  async load() {
    try {
      const [info, shoots] = await Promise.all([studio.call('app.info', {}), studio.call('shoots.list', {})]);
      const saved = localStorage.getItem(SHOOT_KEY);
      const shootId = shoots.find((s) => s.id === saved)?.id ?? shoots[0]?.id ?? null;
      set({ info, shoots, shootId, error: null });
      await get().refreshTakes();
    } catch (err) {
      get().setError(err);
    }
  },

  async selectShoot(id) {
    localStorage.setItem(SHOOT_KEY, id);
    set({ shootId: id, takes: [] });
    await get().refreshTakes();
  },

  async createShoot(name, model, preset) {
    try {
      const shoot = await studio.call('shoots.create', { name, model, preset });
      set({ shoots: [shoot, ...get().shoots] });
      await get().selectShoot(shoot.id);
    } catch (err) {
      get().setError(err);
    }
  },

  async refreshTakes() {
    const { shootId } = get();
    if (!shootId) return;
    try {
      const takes = await studio.call('takes.list', { shootId });
      if (get().shootId === shootId) set({ takes });
    } catch (err) {
      get().setError(err);
    }
  },

  setError(err) {
    set({ error: err === null ? null : asStudioError(err) });
  },
}));

studio.on('takes.changed', (p) => {
  if (p.shootId === useStudio.getState().shootId) void useStudio.getState().refreshTakes();
});
studio.on('takes.recovered', (p) => {
  useStudio.setState((s) => ({ recovered: [...s.recovered, p] }));
  if (p.shootId === useStudio.getState().shootId) void useStudio.getState().refreshTakes();
});
studio.on('take.finalize-progress', (p) => {
  useStudio.setState((s) => ({ finalizing: { ...s.finalizing, [p.takeId]: { progress: p.progress, etaSeconds: p.etaSeconds } } }));
});
