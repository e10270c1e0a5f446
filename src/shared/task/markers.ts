/**
 * Segment defaults from a take's markers, so the operator starts from what was marked on set:
 * Premium static = the silent phase (§5.3 "generally … the first 30-second silent portion"),
 * dynamic = the narration phase; Motion-editable action 1 = the idle phase, then one action per
 * A (action-start) closed by the next E (action-end) or I (return-idle) marker. Every time is
 * snapped to the frame grid.
 */
import { framesToSeconds, secondsToFrames } from './frames';

export interface MarkerLike {
  kind: 'phase' | 'flub' | 'action-start' | 'action-end' | 'return-idle' | 'note';
  t: number;
  phase?: string;
  note?: string;
}
export interface PhaseLike {
  kind: string;
  start: number;
  end: number | null;
}

export interface SegmentDefaults {
  staticStart: number | null;
  staticEnd: number | null;
  dynamicStart: number | null;
  dynamicEnd: number | null;
  actions: { name: string; start: number; end: number; notes: string }[];
}

const snap = (t: number) => framesToSeconds(secondsToFrames(Math.max(0, t)));

export function segmentDefaults(markers: readonly MarkerLike[], phases: readonly PhaseLike[], durationSec: number): SegmentDefaults {
  const phase = (kind: string) => phases.find((p) => p.kind === kind) ?? null;
  const silent = phase('silent');
  const narration = phase('narration');
  const endOf = (p: PhaseLike) => snap(p.end ?? durationSec);
  const actions: SegmentDefaults['actions'] = [];
  const idle = phase('idle');
  if (idle) actions.push({ name: 'idle', start: snap(idle.start), end: endOf(idle), notes: '' });
  const sorted = [...markers].sort((a, b) => a.t - b.t);
  let open: MarkerLike | null = null;
  for (const m of sorted) {
    if (m.kind === 'action-start') open = m;
    else if ((m.kind === 'action-end' || m.kind === 'return-idle') && open) {
      const n = actions.length + (idle ? 0 : 1);
      const start = snap(open.t);
      const end = snap(m.t);
      if (end > start) actions.push({ name: open.note?.trim() || `action ${n}`, start, end, notes: '' });
      open = null;
    }
  }
  return {
    staticStart: silent ? snap(silent.start) : null,
    staticEnd: silent ? endOf(silent) : null,
    dynamicStart: narration ? snap(narration.start) : null,
    dynamicEnd: narration ? endOf(narration) : null,
    actions,
  };
}
