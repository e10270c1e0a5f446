import { describe, expect, it } from 'vitest';
import { multiSceneFindings, poseOver, returnPoseFindings, type PoseSample } from '../../src/shared/qc/pose-rules';

const sample = (t: number, p: Partial<PoseSample> = {}): PoseSample => ({ t, yaw: 0, pitch: 0, roll: 0, cx: 0.5, cy: 0.4, h: 0.3, luma: 0.5, lr: 1, ...p });

describe('preset pose rules (face-based)', () => {
  const frames = (from: number, to: number, p: Partial<PoseSample> = {}) =>
    Array.from({ length: Math.round((to - from) * 25) }, (_, i) => sample(from + i / 25, p));

  it('Premium §2.2: a return to the default pose that is off is reported; one that matches is not', () => {
    const samples = [...frames(0, 30), ...frames(30, 40, { yaw: 20 }), ...frames(40, 42), ...frames(42, 50, { yaw: 20 }), ...frames(50, 52, { cx: 0.6, yaw: 8 })];
    const found = returnPoseFindings(samples, { from: 0, to: 30 }, [{ t: 41, label: 'Return 1' }, { t: 51, label: 'Return 2' }], 'premium.pose-return', '§2.2');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Return 2');
    expect(found[0]!.message).toMatch(/yaw 8°.*position 10%/);
  });

  it('takes the median, so a blink of a bad frame does not count', () => {
    const samples = [...frames(0, 1), sample(1, { yaw: 40 })];
    expect(poseOver(samples, 0, 2)?.yaw).toBe(0);
    expect(poseOver([sample(0)], 0, 1)).toBeNull();
  });

  it('Multi-scene §4.1: angle and lighting compared with the primary', () => {
    const primary = poseOver(frames(0, 2), 0, 2);
    const turned = poseOver(frames(0, 2, { yaw: 18 }), 0, 2);
    const darker = poseOver(frames(0, 2, { luma: 0.3, lr: 1.6 }), 0, 2);
    expect(multiSceneFindings(primary, turned, 10).map((f) => f.rule)).toEqual(['multi.face-angle']);
    expect(multiSceneFindings(primary, darker, 10).map((f) => f.rule)).toEqual(['multi.face-lighting']);
    expect(multiSceneFindings(primary, primary, 10)).toEqual([]);
  });
});
