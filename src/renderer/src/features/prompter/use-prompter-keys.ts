import { useEffect } from 'react';
import { PrompterScrollSchema } from '../../../../shared/prompter';
import { usePrompter } from './prompter-store';

const SPEED_STEP = 0.1;
const speedLimits = PrompterScrollSchema.shape.speed;
const clampSpeed = (v: number) => Math.round(Math.min(speedLimits.maxValue ?? 10, Math.max(speedLimits.minValue ?? -10, v)) * 100) / 100;

/** The page-step of a foot pedal, in em: about three lines of text. */
const PAGE_EM = 3.5;

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * The operator's and the pedal's keys: Space plays/pauses; ↑/↓ change the speed smoothly (the
 * scroll is a velocity, as in QPrompt); PageUp/PageDown (what foot pedals send) step back and
 * forward; the mouse wheel changes the speed. Returns nothing: it acts through main.
 */
export function usePrompterKeys(target: HTMLElement | Window | null, enabled = true): void {
  useEffect(() => {
    if (!target || !enabled) return;
    const { update } = usePrompter.getState();
    const speed = () => usePrompter.getState().state?.scroll.speed ?? 0;
    const onKey = (e: Event) => {
      const ev = e as KeyboardEvent;
      if (typing(ev.target) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const playing = usePrompter.getState().state?.scroll.playing ?? false;
      switch (ev.key) {
        case ' ':
          void update({ scroll: { playing: !playing } });
          break;
        case 'ArrowDown':
        case 'ArrowRight':
          void update({ scroll: { speed: clampSpeed(speed() + SPEED_STEP) } });
          break;
        case 'ArrowUp':
        case 'ArrowLeft':
          void update({ scroll: { speed: clampSpeed(speed() - SPEED_STEP) } });
          break;
        case 'PageDown':
          void update({ nudge: PAGE_EM });
          break;
        case 'PageUp':
          void update({ nudge: -PAGE_EM });
          break;
        default:
          return;
      }
      ev.preventDefault();
    };
    const onWheel = (e: Event) => {
      const ev = e as WheelEvent;
      if (typing(ev.target)) return;
      ev.preventDefault();
      void update({ scroll: { speed: clampSpeed(speed() + (ev.deltaY > 0 ? SPEED_STEP : -SPEED_STEP)) } });
    };
    target.addEventListener('keydown', onKey);
    target.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      target.removeEventListener('keydown', onKey);
      target.removeEventListener('wheel', onWheel);
    };
  }, [target, enabled]);
}

export { clampSpeed };
