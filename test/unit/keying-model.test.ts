import { describe, expect, it } from 'vitest';
import { bgrToRgb, blueScreenPreset, defaultGreenParams, type GreenParams } from '../../src/shared/green-params';
import { boxBlur, compose, keyFrame, type RgbaFrame } from '../../src/shared/keying/cpu-keyer';
import { alphaFromLikeness, despill, hueDeg, keyLikeness, keyPixel, prepareKey, type Rgb } from '../../src/shared/keying/model';

const D = defaultGreenParams();

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A 1-pixel-high frame of the given colours (no smoothing reaches across pixels with ks 0/1). */
function row(colours: Rgb[]): RgbaFrame {
  const data = new Uint8ClampedArray(colours.length * 4);
  colours.forEach((c, i) => data.set([c[0], c[1], c[2], 255], i * 4));
  return { width: colours.length, height: 1, data };
}

function randomColours(n: number, seed = 1): Rgb[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => [Math.floor(r() * 256), Math.floor(r() * 256), Math.floor(r() * 256)] as Rgb);
}

describe('keying model (§1.3.3 as read in src/shared/green-params.ts)', () => {
  it('keys real, muted green backdrops fully with the default parameters, not only pure green', () => {
    // driving-d0.mp4's backdrop, a typical chroma-key green cloth, a darker and a lighter green.
    for (const c of [[69, 151, 105], [0, 177, 64], [40, 100, 70], [120, 200, 140], [0, 255, 0]] as Rgb[]) {
      expect(keyPixel(c, D).alpha, c.join(',')).toBe(0);
      expect(keyPixel(c, D).likeness).toBeGreaterThanOrEqual(D.greenParamsRefinethHBgr);
    }
  });

  it('keeps what is not green: skin, hair, white, grey, black, yellow, red, blue', () => {
    const keep: Rgb[] = [
      [224, 172, 140], [189, 156, 149], [141, 85, 36], [60, 40, 30], [20, 24, 20], [33, 31, 32],
      [245, 245, 245], [128, 128, 128], [200, 215, 205], [0, 0, 0], [240, 220, 40], [255, 255, 0],
      [200, 30, 30], [30, 60, 200],
    ];
    for (const c of keep) expect(keyPixel(c, D).alpha, c.join(',')).toBe(1);
  });

  it('the inlined CPU loop is exactly the readable model (likeness, alpha, despill, composite)', () => {
    const colours = randomColours(4000, 3);
    for (const p of [D, blueScreenPreset(), { ...D, greenParamsSamplePointBgr: [103, 151, 69], greenParamsColorbalance: 37, greenParamsSpillByalpha: 0.9 } as GreenParams]) {
      const params = { ...p, greenParamsBlurKs: 0 };
      const k = prepareKey(params);
      const r = keyFrame(row(colours), params, { composite: true });
      const mismatches: string[] = [];
      colours.forEach(([cr, cg, cb], i) => {
        const a = alphaFromLikeness(keyLikeness(cr, cg, cb, k), k);
        if (r.rawAlpha[i] !== Math.round(a * 255)) mismatches.push(`alpha of ${cr},${cg},${cb}`);
        const fg = despill(cr, cg, cb, k, [0, 0, 0]);
        const a8 = (r.alpha[i] ?? 0) / 255;
        for (let c = 0; c < 3; c++) {
          if (r.composite?.[i * 4 + c] !== Math.round((fg[c] ?? 0) * a8 + (k.background[c] ?? 0) * (1 - a8))) mismatches.push(`colour of ${cr},${cg},${cb}`);
        }
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
    }
  });

  it('lowering RefinethHBgr or RefinethLBgr never makes any pixel more opaque (before and after smoothing)', () => {
    const colours = randomColours(3000, 11);
    // Greens, near-greens and edges are where it matters: add blends of backdrop and skin.
    for (let t = 0; t <= 1; t += 0.02) colours.push([69 + (224 - 69) * t, 151 + (172 - 151) * t, 105 + (140 - 105) * t].map(Math.round) as Rgb);
    // Two rows, so that smoothing works in both directions.
    const width = Math.floor(colours.length / 2);
    const frame: RgbaFrame = { width, height: 2, data: row(colours).data.subarray(0, width * 2 * 4) };
    const alphaFor = (h: number, l: number, ks: number) => keyFrame(frame, { ...D, greenParamsRefinethHBgr: h, greenParamsRefinethLBgr: l, greenParamsBlurKs: ks });
    const violations: string[] = [];
    const compare = (prev: ReturnType<typeof alphaFor>, next: ReturnType<typeof alphaFor>, what: string) => {
      for (let i = 0; i < next.alpha.length; i++) {
        if ((next.rawAlpha[i] ?? 0) > (prev.rawAlpha[i] ?? 0) || (next.alpha[i] ?? 0) > (prev.alpha[i] ?? 0)) violations.push(`${what} pixel ${i}`);
      }
    };
    let steps = 0;
    for (const ks of [0, 3, 6]) {
      let prev = alphaFor(255, 40, ks);
      for (let h = 250; h >= 41; h -= 7, steps++) {
        const next = alphaFor(h, 40, ks);
        compare(prev, next, `ks ${ks} H ${h}`);
        prev = next;
      }
      prev = alphaFor(160, 159, ks);
      for (let l = 150; l >= 0; l -= 6, steps++) {
        const next = alphaFor(160, l, ks);
        compare(prev, next, `ks ${ks} L ${l}`);
        prev = next;
      }
    }
    expect(steps).toBeGreaterThan(100);
    expect(violations.slice(0, 5)).toEqual([]);
  });

  it('the thresholds mean what §1.3.3 says: likeness ≥ H is background, ≤ L is subject, a ramp between', () => {
    const k = prepareKey(D);
    expect(alphaFromLikeness(160, k)).toBe(0);
    expect(alphaFromLikeness(200, k)).toBe(0);
    expect(alphaFromLikeness(40, k)).toBe(1);
    expect(alphaFromLikeness(0, k)).toBe(1);
    expect(alphaFromLikeness(100, k)).toBeCloseTo(0.5, 5);
  });

  it('Colorbalance 1 leaves a yellow patch\'s hue unchanged; 100 shifts it (§5.3)', () => {
    const yellows: Rgb[] = [[240, 220, 40], [255, 230, 0], [220, 200, 60], [250, 240, 120], [200, 170, 30]];
    for (const y of yellows) {
      const gentle = keyPixel(y, { ...D, greenParamsColorbalance: 1 });
      const full = keyPixel(y, { ...D, greenParamsColorbalance: 100 });
      expect(gentle.alpha).toBe(1);
      const rounded = gentle.foreground.map(Math.round) as Rgb;
      expect(Math.abs(hueDeg(...rounded) - hueDeg(...y)), y.join(',')).toBeLessThan(0.75);
      expect(Math.abs(hueDeg(...full.foreground) - hueDeg(...y))).toBeGreaterThan(5);
    }
  });

  it('SpillByalpha 0.5 changes nothing; other values change the colour, never the matte', () => {
    const colours = randomColours(2000, 5);
    const frame = row(colours);
    const base = keyFrame(frame, D, { composite: true });
    const noBalance = compose(frame, base.alpha, { ...prepareKey(D), beta: 0 });
    expect(Buffer.from(base.composite ?? [])).toEqual(Buffer.from(noBalance));
    for (const v of [0, 0.25, 0.8, 1]) {
      const other = keyFrame(frame, { ...D, greenParamsSpillByalpha: v }, { composite: true });
      expect(Buffer.from(other.alpha)).toEqual(Buffer.from(base.alpha));
      expect(Buffer.from(other.composite ?? [])).not.toEqual(Buffer.from(base.composite ?? []));
    }
    // 1 gives the removed green back as grey: the green channel of a spilled grey is kept.
    const spilled: Rgb = [150, 175, 150];
    expect(keyPixel(spilled, { ...D, greenParamsSpillByalpha: 1 }).foreground[1]).toBeCloseTo(175, 6);
    expect(keyPixel(spilled, D).foreground).toEqual([150, 150, 150]);
  });

  it('the key colour is B,G,R: the blue preset keys blue and keeps green; a grey key keys nothing', () => {
    const blue = blueScreenPreset();
    expect(keyPixel([20, 60, 200], blue).alpha).toBe(0);
    expect(keyPixel([69, 151, 105], blue).alpha).toBe(1);
    const grey = { ...D, greenParamsSamplePointBgr: [128, 128, 128] as [number, number, number] };
    expect(prepareKey(grey).valid).toBe(false);
    expect(keyPixel([0, 255, 0], grey).alpha).toBe(1);
    // The composite colour is B,G,R too: [255,0,0] behind the subject is blue.
    expect(keyPixel([69, 151, 105], D).composite).toEqual(bgrToRgb(D.greenParamsSampleBackground.color));
    expect(bgrToRgb(D.greenParamsSampleBackground.color)).toEqual([0, 0, 255]);
  });

  it('BlurKs is a ks × ks box with repeated edges (0 and 1: none)', () => {
    const r = rng(9);
    const w = 23;
    const h = 17;
    const src = Uint8Array.from({ length: w * h }, () => Math.floor(r() * 256));
    expect(boxBlur(src, w, h, 0)).toEqual(src);
    expect(boxBlur(src, w, h, 1)).toEqual(src);
    for (const ks of [2, 3, 5, 8]) {
      const from = -Math.floor(ks / 2);
      const at = (x: number, y: number) => src[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))] ?? 0;
      const horizontal = (x: number, y: number) => {
        let s = 0;
        for (let t = from; t < from + ks; t++) s += at(x + t, y);
        return Math.round(s / ks);
      };
      const out = boxBlur(src, w, h, ks);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          let s = 0;
          for (let t = from; t < from + ks; t++) s += horizontal(x, Math.min(h - 1, Math.max(0, y + t)));
          expect(out[y * w + x], `ks ${ks} at ${x},${y}`).toBe(Math.round(s / ks));
        }
      }
    }
  });
});
