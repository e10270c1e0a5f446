import { describe, expect, it } from 'vitest';
import { ContinuityMeter } from '../../src/shared/qc/continuity';

/**
 * ContinuityMeter reuses its buffers and reads pixels as 32-bit words (issue #15): its measures
 * must equal the definition, computed here the plain way — luma (77 R + 150 G + 29 B) >> 8 of every
 * second pixel in each direction, its mean, the mean absolute luma difference to the previous frame
 * and half the L1 distance of 32-bin histograms — on frames of every awkward shape.
 */
function reference(frames: { rgba: Uint8Array; w: number; h: number }[]): { luma: number; diff: number | null; histDistance: number | null }[] {
  let prev: { luma: number[]; hist: number[] } | null = null;
  return frames.map(({ rgba, w, h }) => {
    const luma: number[] = [];
    const hist = new Array<number>(32).fill(0);
    for (let y = 0; y < h; y += 2) {
      for (let x = 0; x < w; x += 2) {
        const i = (y * w + x) * 4;
        const l = Math.floor((rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) / 256);
        luma.push(l);
        hist[Math.floor(l / 8)]!++;
      }
    }
    const n = luma.length || 1;
    const mean = luma.reduce((a, b) => a + b, 0) / n / 255;
    let diff: number | null = null;
    let histDistance: number | null = null;
    if (prev && prev.luma.length === luma.length) {
      diff = luma.reduce((a, l, i) => a + Math.abs(l - prev!.luma[i]!), 0) / n / 255;
      histDistance = hist.reduce((a, c, b) => a + Math.abs(c / n - prev!.hist[b]! / n), 0) / 2;
    }
    prev = { luma, hist };
    return { luma: mean, diff, histDistance };
  });
}

function noise(seed: number, bytes: number, offset = 0): Uint8Array {
  const buf = new Uint8Array(bytes + offset);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < buf.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    buf[i] = s & 0xff;
  }
  return buf.subarray(offset);
}

describe('ContinuityMeter measures equal the definition', () => {
  const cases: { name: string; frames: { rgba: Uint8Array; w: number; h: number }[] }[] = [
    { name: 'even size, aligned', frames: [1, 2, 3, 4].map((s) => ({ rgba: noise(s, 48 * 32 * 4), w: 48, h: 32 })) },
    { name: 'odd width and height', frames: [5, 6, 7].map((s) => ({ rgba: noise(s, 33 * 17 * 4), w: 33, h: 17 })) },
    { name: 'a view that is not 4-byte aligned', frames: [8, 9, 10].map((s) => ({ rgba: noise(s, 20 * 10 * 4, 1), w: 20, h: 10 })) },
    { name: 'aligned and unaligned frames mixed', frames: [11, 12, 13, 14].map((s, i) => ({ rgba: noise(s, 16 * 16 * 4, i % 2 ? 3 : 4), w: 16, h: 16 })) },
    { name: 'the size changes between frames', frames: [{ w: 16, h: 16 }, { w: 16, h: 16 }, { w: 10, h: 12 }, { w: 10, h: 12 }, { w: 16, h: 16 }].map((d, i) => ({ ...d, rgba: noise(20 + i, d.w * d.h * 4) })) },
    { name: 'transposed sizes with the same sample count', frames: [{ w: 8, h: 12 }, { w: 12, h: 8 }].map((d, i) => ({ ...d, rgba: noise(30 + i, d.w * d.h * 4) })) },
    { name: 'one pixel', frames: [40, 41].map((s) => ({ rgba: noise(s, 4), w: 1, h: 1 })) },
    { name: 'all black, then all white', frames: [0, 255, 255].map((v) => ({ rgba: new Uint8Array(8 * 8 * 4).fill(v), w: 8, h: 8 })) },
  ];
  it.each(cases)('$name', ({ frames }) => {
    const m = new ContinuityMeter();
    const got = frames.map((f, i) => m.push(i / 25, f.rgba, f.w, f.h));
    const want = reference(frames);
    expect(got.map(({ luma, diff, histDistance }) => ({ luma, diff, histDistance }))).toEqual(want);
    expect(m.stats.map((s) => s.t)).toEqual(frames.map((_, i) => i / 25));
  });

  it('a frame kept by the caller is not changed by the next push', () => {
    const m = new ContinuityMeter();
    const a = noise(1, 8 * 8 * 4);
    const copy = a.slice();
    m.push(0, a, 8, 8);
    m.push(0.04, noise(2, 8 * 8 * 4), 8, 8);
    expect(a).toEqual(copy);
  });
});
