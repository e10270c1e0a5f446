import { create } from 'zustand';
import { elapsedAt, positionAt, type PrompterState, type PrompterUpdate } from '../../../../shared/prompter';
import { studio } from '../../api/client';

interface PrompterStore {
  state: PrompterState | null;
  /** Date.now() − main's clock, measured when a state arrives (same machine: ≈ 0; an iPad: its skew). */
  clockOffset: number;
  /** Script height in em, measured by the view that lays it out. */
  scriptHeightEm: number | null;
  error: unknown;
  update(patch: PrompterUpdate): Promise<void>;
  setScriptHeight(em: number): void;
}

export const usePrompter = create<PrompterStore>((set) => ({
  state: null,
  clockOffset: 0,
  scriptHeightEm: null,
  error: null,
  async update(patch) {
    // The look changes at once on this page (a checkbox must not wait for a round trip); main's
    // answer, with a newer revision, settles it.
    const cur = usePrompter.getState().state;
    if (cur && patch.style) set({ state: { ...cur, style: { ...cur.style, ...patch.style } } });
    try {
      const r = await studio.call('prompter.update', patch);
      accept(r.state, r.serverNow);
    } catch (err) {
      set({ error: err });
    }
  },
  setScriptHeight: (em) => set({ scriptHeightEm: em }),
}));

/** Newer revisions only: the reply to a call and the broadcast event carry the same state. */
function accept(state: PrompterState, serverNow: number): void {
  const cur = usePrompter.getState().state;
  if (cur && cur.revision > state.revision) return;
  usePrompter.setState({ state, clockOffset: Date.now() - serverNow });
}

let started = false;
/** Subscribe once per page; called by every component that shows or drives the prompter. */
export function connectPrompter(): void {
  if (started) return;
  started = true;
  studio.on('prompter.state', (p) => accept(p.state, p.serverNow));
  void studio
    .call('prompter.get', {})
    .then((r) => accept(r.state, r.serverNow))
    .catch((err: unknown) => usePrompter.setState({ error: err }));
}

/** Main's clock now, as this page sees it. */
export function serverNow(): number {
  return Date.now() - usePrompter.getState().clockOffset;
}

export function currentPosition(state: PrompterState): number {
  return positionAt(state.scroll, serverNow());
}

export function currentElapsedMs(state: PrompterState): number {
  return elapsedAt(state.scroll, serverNow());
}
