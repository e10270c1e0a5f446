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
    // Independent calls: a slow one (app.info locates ffmpeg) must not hold back or overwrite the
    // shoots the operator may already have created meanwhile.
    void studio
      .call('app.info', {})
      .then((info) => set({ info }))
      .catch((err: unknown) => get().setError(err));
    try {
      const fetched = await studio.call('shoots.list', {});
      const known = new Set(get().shoots.map((s) => s.id));
      const shoots = [...get().shoots, ...fetched.filter((s) => !known.has(s.id))].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const saved = localStorage.getItem(SHOOT_KEY);
      const shootId = get().shootId ?? shoots.find((s) => s.id === saved)?.id ?? shoots[0]?.id ?? null;
      set({ shoots, shootId });
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

studio.onReconnect(() => {
  // The studio is back: a "connection lost" message is no longer true.
  if (useStudio.getState().error?.code === 'io') useStudio.setState({ error: null });
  void useStudio.getState().load();
});
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
