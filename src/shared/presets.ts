import { DELIVERY_FPS, MOTION_IDLE_MAX_SECONDS, type PhasePlan, type ShootPreset } from './standards';

/** The planned length of a take of this preset, for the disk-space check and the progress bar. */
export function plannedSeconds(preset: ShootPreset): number {
  return preset.phases.reduce((sum, p) => {
    if (p.kind === 'silent') return sum + p.seconds;
    if (p.kind === 'narration' || p.kind === 'idle') return sum + p.targetSeconds;
    // Actions have no set count: budget the longest idle segment again as an upper bound.
    return sum + MOTION_IDLE_MAX_SECONDS.seconds;
  }, 0);
}

/** Media time snapped to whole frames at 25 fps (§5.3: "frame-accurate … 10.4 seconds"). */
export function snapToFrame(seconds: number): number {
  const fps = DELIVERY_FPS.num / DELIVERY_FPS.den;
  return Math.round(Math.max(0, seconds) * fps) / fps;
}

/** Seconds from the start of the take at which each phase of the plan begins (null: open-ended). */
export function phaseStarts(plan: PhasePlan[]): number[] {
  const starts: number[] = [];
  let t = 0;
  for (const p of plan) {
    starts.push(t);
    t += p.kind === 'silent' ? p.seconds : p.kind === 'idle' ? p.targetSeconds : Number.POSITIVE_INFINITY;
  }
  return starts;
}

