import { useEffect } from 'react';
import { phaseStarts } from '../../../../shared/presets';
import { SHOOT_PRESETS } from '../../../../shared/standards';
import { useLiveTake } from '../../stores/live-take-store';
import { livePhaseOf, mediaNow, usePhase } from '../../stores/phase-store';
import { serverNow, usePrompter } from '../prompter/prompter-store';

/**
 * Runs the preset's phase plan against the take's media clock: at the first frame the first
 * phase starts (the silent 30 s, §1.2.1), at its planned end the next one begins — exactly on the
 * frame, and saved as a phase marker at that media time. The prompter follows: countdown first,
 * then the script starts to scroll.
 */
export function usePhaseClock(): void {
  const mediaStartMs = usePhase((s) => s.mediaStartMs);
  const presetId = usePhase((s) => s.preset);

  useEffect(() => {
    if (mediaStartMs === null || !presetId) return;
    const plan = SHOOT_PRESETS[presetId].phases;
    const starts = phaseStarts(plan);
    let index = -1;
    const prompter = usePrompter.getState();
    const first = plan[0];
    const silentSeconds = first?.kind === 'silent' ? first.seconds : null;
    void prompter.update({
      scroll: { position: 0, playing: first?.kind !== 'silent' },
      resetElapsed: true,
      cue: {
        phase: first ? livePhaseOf(first.kind) : 'idle',
        silentSeconds,
        silentEndsAt: silentSeconds === null ? null : serverNow() + silentSeconds * 1000,
      },
    });

    const step = () => {
      const t = mediaNow();
      while (index + 1 < plan.length && t >= (starts[index + 1] ?? Infinity)) {
        index++;
        const phase = plan[index]!;
        const at = starts[index]!;
        usePhase.getState().set({ phase: livePhaseOf(phase.kind), phaseStart: at });
        void useLiveTake.getState().mark('phase', { phase: phase.kind, t: at });
        if (index > 0) {
          void usePrompter.getState().update({ cue: { phase: livePhaseOf(phase.kind) }, scroll: { playing: phase.kind === 'narration' } });
        }
      }
    };
    step();
    const id = setInterval(step, 40);
    return () => clearInterval(id);
  }, [mediaStartMs, presetId]);
}
