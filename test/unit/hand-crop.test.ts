/**
 * Where the hand pass looks (hand-crop.ts): the square at the mouth cut to the frame. Expected
 * rectangles are worked out by hand from the landmarks below (eye corners 200 px apart, mouth at
 * a known pixel), not taken from the code.
 */
import { describe, expect, it } from 'vitest';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import type { Landmark } from '../../src/shared/vision/analysis';
import { cropToFrame, handCropFor } from '../../src/shared/vision/hand-crop';
import { EYE_OUTER_LEFT, EYE_OUTER_RIGHT, INNER_LIP_BOTTOM, INNER_LIP_TOP } from '../../src/shared/vision/mesh';

const MESH_POINTS = 478;

/** A face mesh whose four points that matter sit at these pixels of a W × H frame. */
function face(W: number, H: number, mouth: [number, number], eyeGap: number): Landmark[] {
  const pts: Landmark[] = Array.from({ length: MESH_POINTS }, () => ({ x: 0.5, y: 0.5, z: 0 }));
  const at = (x: number, y: number): Landmark => ({ x: x / W, y: y / H, z: 0 });
  pts[INNER_LIP_TOP] = at(mouth[0], mouth[1] - 2);
  pts[INNER_LIP_BOTTOM] = at(mouth[0], mouth[1] + 2);
  pts[EYE_OUTER_RIGHT] = at(mouth[0] - eyeGap / 2, mouth[1] - eyeGap);
  pts[EYE_OUTER_LEFT] = at(mouth[0] + eyeGap / 2, mouth[1] - eyeGap);
  return pts;
}

describe('hand crop', () => {
  // The square is handCropEyes eye gaps wide, handCropBelow of them below the mouth.
  const side = LIPS_OCCLUDED.handCropEyes * 100;
  const below = LIPS_OCCLUDED.handCropBelow * 100;

  it('is the whole square, scaled to the detector, when it lies inside the frame', () => {
    const crop = handCropFor(face(1080, 1920, [540, 900], 100), 1080, 1920, 256);
    expect(crop).toEqual({ x: 540 - side / 2, y: 900 + below - side / 2, width: side, height: side, outWidth: 256, outHeight: 256 });
  });

  it('is cut to the frame on a close-up, its aspect ratio kept', () => {
    // A 512-px close-up with the eye corners 200 px apart: the 1200-px square is over twice the
    // frame; the hand pass must look at the picture, not at the square's empty border.
    const W = 512;
    const crop = handCropFor(face(W, W, [256, 330], 200), W, W, 256)!;
    const sq = LIPS_OCCLUDED.handCropEyes * 200;
    const top = Math.max(0, 330 + LIPS_OCCLUDED.handCropBelow * 200 - sq / 2);
    expect(crop).toMatchObject({ x: 0, y: top, width: W, height: W - top });
    expect(crop.outWidth).toBe(256);
    expect(crop.outHeight).toBe(Math.round(((W - top) * 256) / W));
  });

  it('is not scaled up when the part of the frame is small', () => {
    const crop = handCropFor(face(200, 200, [100, 100], 70), 200, 200, 256)!;
    expect(crop).toMatchObject({ x: 0, y: 0, width: 200, height: 200, outWidth: 200, outHeight: 200 });
  });

  it('maps a crop landmark back to the frame', () => {
    const crop = { x: 100, y: 50, width: 400, height: 200, outWidth: 256, outHeight: 128 };
    expect(cropToFrame({ x: 0.5, y: 0.25, z: 0.1 }, crop, 1000, 500)).toEqual({ x: 0.3, y: 0.2, z: 0.1 });
  });

  // Hostile and careless input: nothing to look at, never a throw or a crop outside the frame.
  const cases: [string, Landmark[] | undefined, number, number, number][] = [
    ['no face', undefined, 640, 480, 256],
    ['a face without the needed points', [{ x: 0.5, y: 0.5, z: 0 }], 640, 480, 256],
    ['a face too small for the hand test', face(640, 480, [320, 300], LIPS_OCCLUDED.handMinEyePx - 1), 640, 480, 256],
    ['NaN landmarks', face(640, 480, [320, 300], 100).map(() => ({ x: NaN, y: NaN, z: 0 })), 640, 480, 256],
    ['infinite landmarks', face(640, 480, [320, 300], 100).map((p, i) => (i === INNER_LIP_TOP ? { x: Infinity, y: 0, z: 0 } : p)), 640, 480, 256],
    ['a square wholly left of the frame', face(640, 480, [-2000, 240], 100), 640, 480, 256],
    ['a square wholly below the frame', face(640, 480, [320, 5000], 100), 640, 480, 256],
    ['a zero-size frame', face(640, 480, [320, 300], 100), 0, 0, 256],
    ['a NaN frame size', face(640, 480, [320, 300], 100), NaN, 480, 256],
    ['a zero output size', face(640, 480, [320, 300], 100), 640, 480, 0],
  ];
  it.each(cases)('gives no crop for %s', (_name, f, W, H, max) => {
    expect(handCropFor(f, W, H, max)).toBeNull();
  });

  it('never reaches outside the frame, wherever the face is', () => {
    for (const mx of [-100, 0, 30, 320, 610, 700]) {
      for (const my of [-50, 0, 240, 470, 530]) {
        const crop = handCropFor(face(640, 480, [mx, my], 100), 640, 480, 256);
        if (!crop) continue;
        expect(crop.x).toBeGreaterThanOrEqual(0);
        expect(crop.y).toBeGreaterThanOrEqual(0);
        expect(crop.x + crop.width).toBeLessThanOrEqual(640);
        expect(crop.y + crop.height).toBeLessThanOrEqual(480);
        expect(Math.max(crop.outWidth, crop.outHeight)).toBeLessThanOrEqual(256);
      }
    }
  });
});
