/**
 * Skin over a slice of the lips (lip-slices.ts, §1.2.5): the arithmetic against hand-computed
 * values, the memory's conditions (a face watched long enough with the mouth as open as now, a face
 * big enough for slices), careless and hostile inputs, and the whole path through measureFrame and
 * VisionRules on a drawn face with a finger over an eighth of the mouth, which the thirds miss.
 */
import { describe, expect, it } from 'vitest';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { LipSliceMemory, runMove, towardsSkin } from '../../src/shared/vision/lip-slices';
import { measureFrame, skinOverLips, VisionRules, type LipColour, type LipSector } from '../../src/shared/vision/analysis';
import { face, fingerOverCorner, picture, result } from './helpers/vision';

const N = LIPS_OCCLUDED.bins;
const lip: LipSector = { contrast: 0.1, luma: 0.6, pixels: 40 };
const skin: LipSector = { contrast: 0, luma: 1, pixels: 40 };
const colour = (bins: LipSector[], eyePx = 120): LipColour => ({
  contrast: 0.1,
  darkShare: 0,
  greyShare: 0,
  pixels: 600,
  luma: 0.6,
  mouthShare: 0,
  sectors: [lip, lip, lip],
  halves: [lip, lip],
  bins,
  eyePx,
});
const clear = colour(Array.from({ length: N }, () => lip));
const withSkin = (...at: number[]) => colour(Array.from({ length: N }, (_, i) => (at.includes(i) ? skin : lip)));

describe('towardsSkin: how far a slice moved from its own lip colour to the cheeks', () => {
  it('matches the projection computed by hand (redness weighted ×3)', () => {
    // History (0.1, 0.6); cheek (0, 1). Lip→cheek in weighted units: (−0.3, 0.4), squared length 0.25.
    const at = (now: LipSector) => towardsSkin([now], [0.1], [0.6])[0];
    expect(at(skin)).toBeCloseTo(1, 9);
    expect(at(lip)).toBeCloseTo(0, 9);
    // Half-way: (−0.05·3·−0.3 + 0.2·0.4) / 0.25 = 0.5
    expect(at({ contrast: 0.05, luma: 0.8, pixels: 40 })).toBeCloseTo(0.5, 9);
    // Redder and darker than its history: moved away from the cheeks.
    expect(at({ contrast: 0.15, luma: 0.5, pixels: 40 })).toBeLessThan(0);
  });

  it('does not judge a slice whose clear colour is near the cheeks, one with too few pixels, or an unknown history', () => {
    expect(towardsSkin([skin], [0.01], [0.95])[0]).toBeNaN();
    expect(towardsSkin([{ ...skin, pixels: LIPS_OCCLUDED.binMinPixels - 1 }], [0.1], [0.6])[0]).toBeNaN();
    expect(towardsSkin([skin], [NaN], [0.6])[0]).toBeNaN();
    expect(towardsSkin([skin], [0.1], [Infinity])[0]).toBeNaN();
  });

  it(`runMove: the largest move that ${LIPS_OCCLUDED.binRun} adjacent slices all made; NaN breaks a run`, () => {
    expect(LIPS_OCCLUDED.binRun).toBe(2);
    expect(runMove([0.8, 0.9, 0.1, 0.75, 0.72, 0.71])).toBeCloseTo(0.8, 9);
    expect(runMove([0.9, NaN, 0.9, 0.2])).toBeCloseTo(0.2, 9);
    expect(runMove([0.9, NaN, 0.9])).toBe(-Infinity);
    expect(runMove([])).toBe(-Infinity);
  });
});

describe('LipSliceMemory', () => {
  const watched = (gap = 0) => {
    const m = new LipSliceMemory();
    for (let i = 0; i < LIPS_OCCLUDED.baselineMinFrames; i++) m.remember(clear, gap);
    return m;
  };

  it(`calls ${LIPS_OCCLUDED.binRun} adjacent slices turned to skin covered, one slice not`, () => {
    expect(watched().covered(withSkin(0, 1), 0)).toBe(true);
    expect(watched().covered(withSkin(7, 8), 0)).toBe(true);
    expect(watched().covered(withSkin(3), 0)).toBe(false);
    expect(watched().covered(withSkin(3, 5), 0)).toBe(false);
    expect(watched().covered(clear, 0)).toBe(false);
  });

  it('judges only against frames with the mouth about as open as now, and only a watched face', () => {
    expect(watched(0).covered(withSkin(0, 1), LIPS_OCCLUDED.binSimilarGap + 0.01)).toBeNull();
    expect(watched(0.3).covered(withSkin(0, 1), 0.3 - LIPS_OCCLUDED.binSimilarGap / 2)).toBe(true);
    const young = new LipSliceMemory();
    for (let i = 0; i < LIPS_OCCLUDED.baselineMinFrames - 1; i++) young.remember(clear, 0);
    expect(young.covered(withSkin(0, 1), 0)).toBeNull();
    const m = watched();
    m.reset();
    expect(m.covered(withSkin(0, 1), 0)).toBeNull();
  });

  it('does not judge a face too small for slices (eye corners under binMinEyePx apart)', () => {
    expect(watched().covered(colour(withSkin(0, 1).bins, LIPS_OCCLUDED.binMinEyePx - 1), 0)).toBeNull();
  });

  it('survives careless and hostile measurements without throwing or finding', () => {
    const m = watched();
    const cases: [string, LipColour][] = [
      ['no slices (an older worker)', { ...clear, bins: undefined as unknown as LipSector[] }],
      ['too few slices', colour([lip, skin, skin])],
      ['NaN everywhere', colour(Array.from({ length: N }, () => ({ contrast: NaN, luma: NaN, pixels: NaN })))],
      ['Infinity', colour(Array.from({ length: N }, () => ({ contrast: Infinity, luma: -Infinity, pixels: Infinity })))],
      ['no pixels', colour(Array.from({ length: N }, () => ({ contrast: 0, luma: 1, pixels: 0 })))],
      ['eyePx NaN', colour(withSkin(0, 1).bins, NaN)],
    ];
    for (const [name, c] of cases) {
      expect(() => m.remember(c, 0), name).not.toThrow();
      expect(m.covered(c, 0), name).not.toBe(true);
      expect(m.covered(c, NaN), name).not.toBe(true);
    }
    // The remembered junk did not spoil the memory: a real finger is still found.
    expect(m.covered(withSkin(0, 1), 0)).toBe(true);
  });
});

describe('a finger over an eighth of the mouth, through measureFrame and VisionRules', () => {
  it('is found by the slices where the thirds see a mostly red corner third', () => {
    const px = { width: 400, height: 400 };
    const lms = face({ w: 0.6, h: 0.8, frame: px });
    const lips = measureFrame(result([lms]), px, () => picture(px, lms, [190, 90, 95]));
    const finger = measureFrame(result([lms]), px, () => fingerOverCorner(px, lms, [190, 90, 95], 1 / 8));
    const c = finger.faces[0]?.lipColour;
    expect(c?.eyePx).toBeGreaterThan(LIPS_OCCLUDED.binMinEyePx);
    expect(c && skinOverLips(c)).toBe(false);
    const rules = new VisionRules();
    const states = [...Array.from({ length: 10 }, () => lips), finger, finger, lips].map((frame, i) =>
      rules.step({ t: i * 0.04, frame, phase: 'narration', speech: true }),
    );
    expect(states.slice(9).map((s) => s.rules['lips.occluded'].level)).toEqual(['ok', 'warn', 'error', 'ok']);
  });
});
