/**
 * The CPU reference keyer: the model of src/shared/green-params.ts on an RGBA frame, in plain
 * TypeScript. Tests, offline checks and the CLI use it; the WebGL2 preview must agree with it
 * (mean |Δalpha| ≤ 2/255). It mirrors the GPU's passes, including their 8-bit intermediate
 * textures: raw alpha (8 bit) → horizontal box (8 bit) → vertical box.
 */
import type { GreenParams } from '../green-params';
import {
  KEY_HUE_FULL_DEG,
  KEY_HUE_ZERO_DEG,
  KEY_SAT_HI,
  KEY_SAT_LO,
  KEY_VALUE_FLOOR,
  prepareKey,
  type PreparedKey,
} from './model';

export interface RgbaFrame {
  width: number;
  height: number;
  /** width × height × 4 bytes, row 0 at the top. */
  data: Uint8Array | Uint8ClampedArray;
}

export interface KeyResult {
  width: number;
  height: number;
  /** Alpha before smoothing, 0–255 (255 = subject). */
  rawAlpha: Uint8Array;
  /** The matte after BlurKs smoothing, 0–255. */
  alpha: Uint8Array;
  /** Key likeness per pixel, 0–255 (rounded). */
  likeness: Uint8Array;
  /** RGBA: despilled subject over the background colour (only with `composite: true`). */
  composite: Uint8ClampedArray | null;
}

export function keyFrame(frame: RgbaFrame, params: GreenParams, opts: { composite?: boolean } = {}): KeyResult {
  const k = prepareKey(params);
  const { width: w, height: h, data } = frame;
  const n = w * h;
  if (data.length < n * 4) throw new Error(`frame data is ${data.length} bytes, expected ${n * 4} for ${w}×${h} RGBA`);
  const rawAlpha = new Uint8Array(n);
  const likeness = new Uint8Array(n);
  keyPixels(data, n, k, likeness, rawAlpha);
  const alpha = boxBlur(rawAlpha, w, h, k.blurKs);
  return { width: w, height: h, rawAlpha, alpha, likeness, composite: opts.composite ? compose(frame, alpha, k) : null };
}

/**
 * keyLikeness + alphaFromLikeness of model.ts for every pixel, inlined for speed (a unit test holds
 * it equal to the readable versions on random colours).
 */
function keyPixels(data: RgbaFrame['data'], n: number, k: PreparedKey, likeness: Uint8Array, rawAlpha: Uint8Array): void {
  if (!k.valid) {
    rawAlpha.fill(255);
    return;
  }
  const full = KEY_HUE_FULL_DEG;
  const hueSpan = KEY_HUE_ZERO_DEG - KEY_HUE_FULL_DEG;
  const satSpan = KEY_SAT_HI - KEY_SAT_LO;
  const satLo = KEY_SAT_LO;
  const floor = KEY_VALUE_FLOOR;
  const keyHue = k.hue;
  const keySat = k.sat;
  const ramp = k.hi > k.lo ? k.hi - k.lo : 0;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = data[j] as number;
    const g = data[j + 1] as number;
    const b = data[j + 2] as number;
    const v = r > g ? (r > b ? r : b) : g > b ? g : b;
    const m = r < g ? (r < b ? r : b) : g < b ? g : b;
    const c = v - m;
    let l = 0;
    if (c > 0) {
      let hue = v === r ? (g - b) / c : v === g ? (b - r) / c + 2 : (r - g) / c + 4;
      hue *= 60;
      if (hue < 0) hue += 360;
      let d = hue > keyHue ? hue - keyHue : keyHue - hue;
      if (d > 180) d = 360 - d;
      let t = (d - full) / hueSpan;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const hueTerm = 1 - t * t * (3 - 2 * t);
      if (hueTerm > 0) {
        let u = (c / (v > floor ? v : floor) / keySat - satLo) / satSpan;
        u = u < 0 ? 0 : u > 1 ? 1 : u;
        l = 255 * hueTerm * (u * u * (3 - 2 * u));
      }
    }
    likeness[i] = Math.round(l);
    let a: number;
    if (ramp > 0) {
      a = (k.hi - l) / ramp;
      a = a < 0 ? 0 : a > 1 ? 1 : a;
    } else a = l >= k.hi ? 0 : 1;
    rawAlpha[i] = Math.round(a * 255);
  }
}

/** Offsets of a ks-tap box: ks 3 → −1…1, ks 2 → −1…0 (OpenCV's anchor), ks ≤ 1 → 0…0. */
export function boxTaps(ks: number): { from: number; to: number } {
  const size = Math.max(1, Math.floor(ks));
  const from = -Math.floor(size / 2);
  return { from, to: from + size - 1 };
}

/** Separable ks × ks box filter with repeated edge pixels, rounding to 8 bits after each pass. */
export function boxBlur(src: Uint8Array, w: number, h: number, ks: number): Uint8Array {
  const { from, to } = boxTaps(ks);
  if (from === 0 && to === 0) return src.slice();
  const taps = to - from + 1;
  const tmp = new Uint8Array(src.length);
  const out = new Uint8Array(src.length);
  // Sliding sums: add the sample entering the window, drop the one leaving it (edges repeated).
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let sum = 0;
    for (let t = from; t <= to; t++) sum += src[row + clampIndex(t, w)] as number;
    for (let x = 0; x < w; x++) {
      tmp[row + x] = Math.round(sum / taps);
      sum += (src[row + clampIndex(x + to + 1, w)] as number) - (src[row + clampIndex(x + from, w)] as number);
    }
  }
  // Vertical pass row by row (cache-friendly): one running sum per column.
  const sums = new Float64Array(w);
  for (let t = from; t <= to; t++) {
    const row = clampIndex(t, h) * w;
    for (let x = 0; x < w; x++) sums[x] = (sums[x] as number) + (tmp[row + x] as number);
  }
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const enter = clampIndex(y + to + 1, h) * w;
    const leave = clampIndex(y + from, h) * w;
    for (let x = 0; x < w; x++) {
      const sum = sums[x] as number;
      out[row + x] = Math.round(sum / taps);
      sums[x] = sum + (tmp[enter + x] as number) - (tmp[leave + x] as number);
    }
  }
  return out;
}

function clampIndex(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}

/**
 * Despilled, balanced subject over the background colour, by the smoothed alpha: model.ts's
 * despill() inlined (a unit test holds them equal).
 */
export function compose(frame: RgbaFrame, alpha: Uint8Array, k: PreparedKey): Uint8ClampedArray {
  const { data } = frame;
  const out = new Uint8ClampedArray(alpha.length * 4);
  const [br, bg, bb] = k.background;
  const [ur, ug, ub] = k.spillU;
  const s = k.strength;
  const beta = k.beta;
  const ch = k.spillChannel;
  for (let i = 0, j = 0; i < alpha.length; i++, j += 4) {
    const a = (alpha[i] as number) / 255;
    const r = data[j] as number;
    const g = data[j + 1] as number;
    const b = data[j + 2] as number;
    const spill = r * ur + g * ug + b * ub;
    const removed = spill > 0 ? s * spill : 0;
    const back = beta * removed;
    let fr = r - (ch === 0 ? removed : 0) + back;
    let fg = g - (ch === 1 ? removed : 0) + back;
    let fb = b - (ch === 2 ? removed : 0) + back;
    fr = fr < 0 ? 0 : fr > 255 ? 255 : fr;
    fg = fg < 0 ? 0 : fg > 255 ? 255 : fg;
    fb = fb < 0 ? 0 : fb > 255 ? 255 : fb;
    // Uint8ClampedArray rounds half to even; Math.round keeps the GPU's round-half-up.
    out[j] = Math.round(fr * a + br * (1 - a));
    out[j + 1] = Math.round(fg * a + bg * (1 - a));
    out[j + 2] = Math.round(fb * a + bb * (1 - a));
    out[j + 3] = 255;
  }
  return out;
}

/** The matte as an RGBA grey picture (white = subject), e.g. to write a PNG. */
export function matteToRgba(alpha: Uint8Array): Uint8ClampedArray {
  const out = new Uint8ClampedArray(alpha.length * 4);
  for (let i = 0, j = 0; i < alpha.length; i++, j += 4) {
    const a = alpha[i] ?? 0;
    out[j] = a;
    out[j + 1] = a;
    out[j + 2] = a;
    out[j + 3] = 255;
  }
  return out;
}
