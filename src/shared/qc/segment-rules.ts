/**
 * Segment rules: the silent segment is there where the preset has one (§1.2.1), and the narration
 * is as long as the preset asks (§1.2.1, §2.1, §3.1, §4.1).
 */
import type { Finding } from '../findings';
import { makeFinding } from '../rules';
import { SHOOT_PRESETS, type PresetId } from '../standards';
import { clock } from './spans';

export interface SegmentPlan {
  /** Seconds of the silent segment at the start (0 when the preset has none). */
  silentSeconds: number;
  narration: { min: number; max: number; target: number; section: string } | null;
}

export function segmentPlan(preset: PresetId): SegmentPlan {
  const phases = SHOOT_PRESETS[preset].phases;
  const silent = phases.find((p) => p.kind === 'silent');
  const narration = phases.find((p) => p.kind === 'narration');
  return {
    silentSeconds: silent && silent.kind === 'silent' ? silent.seconds : 0,
    narration:
      narration && narration.kind === 'narration'
        ? { min: narration.minSeconds, max: narration.maxSeconds, target: narration.targetSeconds, section: narration.section }
        : null,
  };
}

/** Which phase a media time falls in, for the per-frame rules. */
export function phaseAt(plan: SegmentPlan, t: number): 'silent' | 'narration' {
  return t < plan.silentSeconds ? 'silent' : 'narration';
}

export function segmentFindings(plan: SegmentPlan, durationSec: number): Finding[] {
  const out: Finding[] = [];
  if (plan.silentSeconds > 0 && durationSec < plan.silentSeconds) {
    const values = { seconds: durationSec.toFixed(1), silent: plan.silentSeconds };
    out.push(makeFinding('silent.duration', { severity: 'error', section: '§1.2.1', start: 0, end: durationSec, values, value: durationSec }));
  }
  if (plan.narration) {
    const narrated = Math.max(0, durationSec - plan.silentSeconds);
    if (narrated < plan.narration.min) {
      const values = { length: clock(narrated), min: clock(plan.narration.min), max: clock(plan.narration.max), section: plan.narration.section };
      out.push(
        makeFinding('narration.duration', {
          severity: 'warn',
          section: plan.narration.section,
          start: Math.min(plan.silentSeconds, durationSec),
          end: durationSec,
          values,
          value: narrated,
        }),
      );
    } else if (narrated > plan.narration.max) {
      const values = { kind: 'long', length: clock(narrated), max: clock(plan.narration.max) };
      out.push(makeFinding('narration.duration', { severity: 'info', section: plan.narration.section, start: plan.silentSeconds, end: durationSec, values, value: narrated }));
    }
  }
  return out;
}
