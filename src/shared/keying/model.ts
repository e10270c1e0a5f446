/**
 * The keying model's per-pixel maths, shared by the CPU reference (cpu-keyer.ts) and — as uniforms
 * and the same formulas in GLSL — the WebGL2 preview. Why each step is what it is: the model notes
 * in src/shared/green-params.ts. All colour values are 0–255 (the GPU scales its texels to match).
 */
import { bgrToRgb, type GreenParams } from '../green-params';

/** Hue (chroma direction) within this many degrees of the key's: full likeness. */
export const KEY_HUE_FULL_DEG = 35;
/** From this hue difference on: no likeness (yellow and cyan are 60° from green). */
export const KEY_HUE_ZERO_DEG = 60;
/** Saturation relative to the key's: below LO no likeness, from HI on full. */
export const KEY_SAT_LO = 0.12;
export const KEY_SAT_HI = 0.4;
/** Saturation is chroma / max(value, this): dark pixels' noise chroma does not count fully. */
export const KEY_VALUE_FLOOR = 96;
/** A key colour with less chroma than this (a grey sample) has no hue: nothing keys. */
export const KEY_MIN_CHROMA = 16;

export type Rgb = [number, number, number];

/** Everything the per-pixel maths needs, computed once per parameter set (the GPU's uniforms). */
export interface PreparedKey {
  /** false when the key colour has no chroma: nothing keys, nothing is despilled. */
  valid: boolean;
  /** HSV hue of the key colour, degrees. */
  hue: number;
  /** The key's own saturation (chroma / max(value, floor)), > 0 when valid. */
  sat: number;
  hi: number;
  lo: number;
  /** Spill measure: spill = max(0, rgb · spillU); for green (−½, 1, −½) = G − (R+B)/2. */
  spillU: Rgb;
  /** Index (0 R, 1 G, 2 B) of the key's dominant channel, where despill removes the spill. */
  spillChannel: 0 | 1 | 2;
  /** Despill strength 0–1 (Colorbalance / 100). */
  strength: number;
  /** Colour balance −1…1 (2 × SpillByalpha − 1): share of the removed spill added back as grey. */
  beta: number;
  /** Composite colour, RGB. */
  background: Rgb;
  /** Matte box-filter size; ≤ 1 = none. */
  blurKs: number;
}

export function hueDeg(r: number, g: number, b: number): number {
  const v = Math.max(r, g, b);
  const c = v - Math.min(r, g, b);
  if (c <= 0) return 0;
  let h: number;
  if (v === r) h = (g - b) / c;
  else if (v === g) h = (b - r) / c + 2;
  else h = (r - g) / c + 4;
  h *= 60;
  return h < 0 ? h + 360 : h;
}

export function saturation(r: number, g: number, b: number): number {
  const v = Math.max(r, g, b);
  return (v - Math.min(r, g, b)) / Math.max(v, KEY_VALUE_FLOOR);
}

export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b);
  return d > 180 ? 360 - d : d;
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

export function prepareKey(p: GreenParams): PreparedKey {
  const key = bgrToRgb(p.greenParamsSamplePointBgr);
  const [r, g, b] = key;
  const chroma = Math.max(r, g, b) - Math.min(r, g, b);
  const valid = chroma >= KEY_MIN_CHROMA;
  const mean = (r + g + b) / 3;
  const dev: Rgb = [r - mean, g - mean, b - mean];
  const top = Math.max(...dev);
  const spillChannel = Math.max(0, dev.indexOf(top)) as 0 | 1 | 2;
  return {
    valid,
    hue: hueDeg(r, g, b),
    sat: valid ? saturation(r, g, b) : 1,
    hi: p.greenParamsRefinethHBgr,
    lo: p.greenParamsRefinethLBgr,
    spillU: valid ? [dev[0] / top, dev[1] / top, dev[2] / top] : [0, 0, 0],
    spillChannel,
    strength: p.greenParamsColorbalance / 100,
    beta: 2 * p.greenParamsSpillByalpha - 1,
    background: bgrToRgb(p.greenParamsSampleBackground.color),
    blurKs: p.greenParamsBlurKs,
  };
}

/** Key likeness 0–255 of one pixel (255 = the key colour). */
export function keyLikeness(r: number, g: number, b: number, k: PreparedKey): number {
  if (!k.valid) return 0;
  const hueTerm = 1 - smoothstep(KEY_HUE_FULL_DEG, KEY_HUE_ZERO_DEG, hueDistance(hueDeg(r, g, b), k.hue));
  if (hueTerm <= 0) return 0;
  const satTerm = smoothstep(KEY_SAT_LO, KEY_SAT_HI, saturation(r, g, b) / k.sat);
  return 255 * hueTerm * satTerm;
}

/** Alpha 0–1 (1 = subject) from likeness: the RefinethL…RefinethH ramp. */
export function alphaFromLikeness(l: number, k: PreparedKey): number {
  if (k.hi <= k.lo) return l >= k.hi ? 0 : 1;
  return Math.min(1, Math.max(0, (k.hi - l) / (k.hi - k.lo)));
}

/** Spill of a pixel toward the key colour, 0–255 (0 = none). */
export function spillOf(r: number, g: number, b: number, k: PreparedKey): number {
  return Math.max(0, r * k.spillU[0] + g * k.spillU[1] + b * k.spillU[2]);
}

/** Despill (Colorbalance) then colour balance (SpillByalpha), into `out` (0–255 floats, clamped). */
export function despill(r: number, g: number, b: number, k: PreparedKey, out: Rgb): Rgb {
  const removed = k.strength * spillOf(r, g, b, k);
  const back = k.beta * removed;
  out[0] = clamp255(r - (k.spillChannel === 0 ? removed : 0) + back);
  out[1] = clamp255(g - (k.spillChannel === 1 ? removed : 0) + back);
  out[2] = clamp255(b - (k.spillChannel === 2 ? removed : 0) + back);
  return out;
}

function clamp255(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/** One pixel through the whole model without smoothing: for tests and explanations. */
export function keyPixel(rgb: Rgb, p: GreenParams): { likeness: number; alpha: number; foreground: Rgb; composite: Rgb } {
  const k = prepareKey(p);
  const likeness = keyLikeness(rgb[0], rgb[1], rgb[2], k);
  const alpha = alphaFromLikeness(likeness, k);
  const foreground = despill(rgb[0], rgb[1], rgb[2], k, [0, 0, 0]);
  const composite = foreground.map((c, i) => c * alpha + (k.background[i] ?? 0) * (1 - alpha)) as Rgb;
  return { likeness, alpha, foreground, composite };
}
