import { create } from 'zustand';
import { defaultGreenParams, parseGreenParams, sameGreenParams, validateGreenParams, formatGreenParams, type GreenParams } from '../../../../shared/green-params';
import { studio } from '../../api/client';

const LOCAL_KEY = 'capture-studio.greenParams';
const SAVE_DELAY_MS = 400;

export type SaveState =
  | { state: 'loading' }
  | { state: 'saving' }
  | { state: 'saved'; savedAt: string | null; source: 'take' | 'shoot' | 'default' }
  | { state: 'local' }
  | { state: 'error'; message: string };

interface KeyingState {
  params: GreenParams;
  /** The shoot the parameters belong to (null: none selected, kept in this browser). */
  shootId: string | null;
  save: SaveState;
  /** A saved file that could not be read (the defaults are shown instead). */
  fileProblem: string | null;
  loadFor(shootId: string | null): Promise<void>;
  /** Set (already validated) parameters; saved through the contract shortly after. */
  setParams(params: GreenParams): void;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let generation = 0;

function readLocal(): GreenParams {
  const text = localStorage.getItem(LOCAL_KEY);
  const parsed = text ? parseGreenParams(text) : null;
  return parsed?.ok ? parsed.params : defaultGreenParams();
}

/**
 * The keying parameters of the current shoot. Main stores them in `<shoot>/green-params.json`
 * (keying.getParams / keying.setParams) so takes and the export task use them; without a shoot they
 * live in this browser's storage.
 */
export const useKeying = create<KeyingState>((set, get) => ({
  params: defaultGreenParams(),
  shootId: null,
  save: { state: 'loading' },
  fileProblem: null,

  async loadFor(shootId) {
    const gen = ++generation;
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (!shootId) {
      set({ shootId: null, params: readLocal(), save: { state: 'local' }, fileProblem: null });
      return;
    }
    set({ shootId, save: { state: 'loading' } });
    try {
      const r = await studio.call('keying.getParams', { shootId });
      if (gen !== generation) return;
      set({ params: r.params, save: { state: 'saved', savedAt: r.savedAt, source: r.source }, fileProblem: r.problem });
    } catch (err) {
      if (gen !== generation) return;
      set({ save: { state: 'error', message: (err as Error).message } });
    }
  },

  setParams(params) {
    const valid = validateGreenParams(params);
    if (!valid.ok) return;
    if (sameGreenParams(params, get().params) && get().save.state !== 'error') return;
    set({ params: valid.params });
    const { shootId } = get();
    if (timer) clearTimeout(timer);
    if (!shootId) {
      localStorage.setItem(LOCAL_KEY, formatGreenParams(valid.params));
      set({ save: { state: 'local' } });
      return;
    }
    set({ save: { state: 'saving' } });
    const gen = generation;
    timer = setTimeout(() => {
      timer = null;
      const toSave = get().params;
      studio
        .call('keying.setParams', { shootId, params: toSave })
        .then((r) => {
          if (gen !== generation || timer) return;
          set({ save: { state: 'saved', savedAt: r.savedAt, source: r.source }, fileProblem: null });
        })
        .catch((err: unknown) => {
          if (gen !== generation) return;
          set({ save: { state: 'error', message: (err as Error).message } });
        });
    }, SAVE_DELAY_MS);
  },
}));

studio.on('keying.params-changed', (p) => {
  const s = useKeying.getState();
  // Another window saved: follow it, unless this one has a change of its own on the way.
  if (p.shootId !== s.shootId || timer || sameGreenParams(p.params, s.params)) return;
  useKeying.setState({ params: p.params, save: { state: 'saved', savedAt: new Date().toISOString(), source: 'shoot' } });
});
