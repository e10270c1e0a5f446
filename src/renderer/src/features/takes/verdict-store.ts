import { create } from 'zustand';
import type { AutoCheckState, TakeVerdict } from '../../../../shared/contract/shoot-loop';
import { studio } from '../../api/client';
import { useStudio } from '../../stores/studio-store';

interface VerdictState {
  shootId: string | null;
  verdicts: Record<string, TakeVerdict>;
  auto: Record<string, { state: AutoCheckState; fraction: number | null }>;
  refresh(): Promise<void>;
}

/** Each take's last check (check.json beside it) and the auto-check queue, for the take cards. */
export const useVerdicts = create<VerdictState>((set, get) => ({
  shootId: null,
  verdicts: {},
  auto: {},
  async refresh() {
    const shootId = useStudio.getState().shootId;
    if (!shootId) return;
    try {
      const r = await studio.call('check.take-verdicts', { shootId });
      if (useStudio.getState().shootId !== shootId) return;
      const same = get().shootId === shootId;
      set({
        shootId,
        verdicts: Object.fromEntries(r.verdicts.map((v) => [v.takeId, v])),
        auto: { ...(same ? get().auto : {}), ...Object.fromEntries(r.auto.map((a) => [a.takeId, { state: a.state, fraction: a.fraction }])) },
      });
    } catch (err) {
      useStudio.getState().setError(err);
    }
  },
}));

studio.on('check.auto', (p) => {
  if (p.shootId !== useStudio.getState().shootId) return;
  useVerdicts.setState((s) => ({ auto: { ...s.auto, [p.takeId]: { state: p.state, fraction: p.fraction } } }));
  if (p.state === 'done' || p.state === 'failed') void useVerdicts.getState().refresh();
});
studio.on('takes.changed', (p) => {
  if (p.shootId === useStudio.getState().shootId) void useVerdicts.getState().refresh();
});
studio.on('check.done', () => void useVerdicts.getState().refresh());
useStudio.subscribe((s, prev) => {
  if (s.shootId !== prev.shootId) void useVerdicts.getState().refresh();
});
