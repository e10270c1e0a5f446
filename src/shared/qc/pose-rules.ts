/**
 * Preset pose rules from the face: Premium (§2.2) — the pose at each marked return to the default
 * pose matches the default pose; Motion-editable (§3.3) — each action starts and ends at the idle
 * pose; Multi-scene (§4.1) — primary and auxiliary videos share face angle and face lighting.
 * The face's angles, place and size stand in for the body pose: a moved head or a shifted seat
 * shows; an arm left in a different place does not (say so in the message).
 */
import type { Finding } from '../findings';
import { makeFinding } from '../rules';
import { POSE_MATCH } from '../standards';
import { percentile } from './spans';

export interface PoseSample {
  t: number;
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
  /** Face box centre and height, shares of the frame. */
  cx: number | null;
  cy: number | null;
  h: number | null;
  /** Mean luma of the face box 0–1 and left/right half ratio, for lighting. */
  luma: number | null;
  lr: number | null;
}

export interface Pose {
  yaw: number;
  pitch: number;
  roll: number;
  cx: number;
  cy: number;
  h: number;
  luma: number;
  lr: number;
}

/** Median pose over [from, to); null when too few frames there have a face. */
export function poseOver(samples: readonly PoseSample[], from: number, to: number): Pose | null {
  const inWin = samples.filter((s) => s.t >= from && s.t < to && s.yaw !== null && s.cx !== null);
  if (inWin.length < 3) return null;
  const med = (k: keyof Pose) => percentile(inWin.map((s) => s[k] as number).filter((v) => v !== null && Number.isFinite(v)), 50);
  return { yaw: med('yaw'), pitch: med('pitch'), roll: med('roll'), cx: med('cx'), cy: med('cy'), h: med('h'), luma: med('luma'), lr: med('lr') };
}

/** What differs between two poses beyond POSE_MATCH, in words; empty when they match. */
export function poseDifferences(a: Pose, b: Pose): string[] {
  const out: string[] = [];
  for (const k of ['yaw', 'pitch', 'roll'] as const) {
    const d = Math.abs(a[k] - b[k]);
    if (d > POSE_MATCH.angleDeg) out.push(`${k} ${d.toFixed(0)}°`);
  }
  const dx = Math.hypot(a.cx - b.cx, a.cy - b.cy);
  if (dx > POSE_MATCH.offsetShare) out.push(`position ${(dx * 100).toFixed(0)}% of the frame`);
  const dh = Math.abs(a.h - b.h) / Math.max(a.h, b.h);
  if (dh > POSE_MATCH.sizeShare) out.push(`size ${(dh * 100).toFixed(0)}%`);
  return out;
}

export function returnPoseFindings(
  samples: readonly PoseSample[],
  reference: { from: number; to: number },
  checks: { t: number; label: string }[],
  rule: string,
  section: string,
): Finding[] {
  const ref = poseOver(samples, reference.from, reference.to);
  if (!ref) return [];
  const out: Finding[] = [];
  for (const c of checks) {
    const p = poseOver(samples, c.t - POSE_MATCH.windowSeconds, c.t + POSE_MATCH.windowSeconds);
    if (!p) continue;
    const diff = poseDifferences(ref, p);
    if (diff.length) {
      out.push(
        makeFinding(rule, {
          severity: 'warn',
          section,
          start: Math.max(0, c.t - POSE_MATCH.windowSeconds),
          end: c.t + POSE_MATCH.windowSeconds,
          values: { label: c.label, diff: diff.join(', ') },
        }),
      );
    }
  }
  return out;
}

export function multiSceneFindings(primary: Pose | null, aux: Pose | null, durationSec: number): Finding[] {
  if (!primary || !aux) return [];
  const out: Finding[] = [];
  const angle = Math.max(Math.abs(primary.yaw - aux.yaw), Math.abs(primary.pitch - aux.pitch));
  if (angle > POSE_MATCH.multiAngleDeg) {
    out.push(makeFinding('multi.face-angle', { start: 0, end: durationSec, values: { degrees: angle.toFixed(0) }, value: angle }));
  }
  const dl = Math.abs(primary.luma - aux.luma);
  const dlr = Math.abs(Math.log2(primary.lr / aux.lr));
  if (dl > POSE_MATCH.multiLuma || dlr > POSE_MATCH.multiLrLog2) {
    const values = { percent: (dl * 100).toFixed(0), ratio: (2 ** dlr).toFixed(2) };
    out.push(makeFinding('multi.face-lighting', { start: 0, end: durationSec, values, value: dl }));
  }
  return out;
}
