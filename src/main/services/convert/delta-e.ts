/**
 * Colour difference of two SDR BT.709 pictures as a viewer sees it: CIEDE2000 (ΔE00) in CIELAB
 * under D65, from 8-bit R'G'B' decoded with the BT.1886 display gamma (2.4). Pure; used by the
 * benchmark and tests to compare the HDR fast path with the exact chain on real frames.
 */

export interface Lab {
  L: number;
  a: number;
  b: number;
}

const LINEAR = Array.from({ length: 256 }, (_, v) => (v / 255) ** 2.4);
// BT.709 primaries, D65 white: linear RGB → XYZ.
const M = [
  [0.4123908, 0.35758434, 0.18048079],
  [0.21263901, 0.71516868, 0.07219232],
  [0.01933082, 0.11919478, 0.95053215],
] as const;
const WHITE = { x: 0.95047, y: 1, z: 1.08883 };

function f(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116;
}

export function rgb8ToLab(r: number, g: number, b: number): Lab {
  const R = LINEAR[r] ?? 0;
  const G = LINEAR[g] ?? 0;
  const B = LINEAR[b] ?? 0;
  const x = (M[0][0] * R + M[0][1] * G + M[0][2] * B) / WHITE.x;
  const y = (M[1][0] * R + M[1][1] * G + M[1][2] * B) / WHITE.y;
  const z = (M[2][0] * R + M[2][1] * G + M[2][2] * B) / WHITE.z;
  const fx = f(x);
  const fy = f(y);
  const fz = f(z);
  return { L: 116 * fy - 16, a: 500 * (fx - fy), b: 200 * (fy - fz) };
}

const deg = Math.PI / 180;

/** CIEDE2000 (Sharma, Wu, Dalal 2005), kL = kC = kH = 1. */
export function deltaE2000(p: Lab, q: Lab): number {
  const C1 = Math.hypot(p.a, p.b);
  const C2 = Math.hypot(q.a, q.b);
  const Cm = (C1 + C2) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cm ** 7 / (Cm ** 7 + 25 ** 7)));
  const a1 = (1 + G) * p.a;
  const a2 = (1 + G) * q.a;
  const C1p = Math.hypot(a1, p.b);
  const C2p = Math.hypot(a2, q.b);
  const h = (b: number, a: number) => {
    if (a === 0 && b === 0) return 0;
    const v = Math.atan2(b, a) / deg;
    return v < 0 ? v + 360 : v;
  };
  const h1 = h(p.b, a1);
  const h2 = h(q.b, a2);
  const dL = q.L - p.L;
  const dC = C2p - C1p;
  let dh = 0;
  if (C1p * C2p !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(C1p * C2p) * Math.sin((dh / 2) * deg);
  const Lm = (p.L + q.L) / 2;
  const Cmp = (C1p + C2p) / 2;
  let hm = h1 + h2;
  if (C1p * C2p !== 0) {
    if (Math.abs(h1 - h2) <= 180) hm = (h1 + h2) / 2;
    else hm = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const T = 1 - 0.17 * Math.cos((hm - 30) * deg) + 0.24 * Math.cos(2 * hm * deg) + 0.32 * Math.cos((3 * hm + 6) * deg) - 0.2 * Math.cos((4 * hm - 63) * deg);
  const dTheta = 30 * Math.exp(-(((hm - 275) / 25) ** 2));
  const Rc = 2 * Math.sqrt(Cmp ** 7 / (Cmp ** 7 + 25 ** 7));
  const Sl = 1 + (0.015 * (Lm - 50) ** 2) / Math.sqrt(20 + (Lm - 50) ** 2);
  const Sc = 1 + 0.045 * Cmp;
  const Sh = 1 + 0.015 * Cmp * T;
  const Rt = -Math.sin(2 * dTheta * deg) * Rc;
  return Math.sqrt((dL / Sl) ** 2 + (dC / Sc) ** 2 + (dH / Sh) ** 2 + Rt * (dC / Sc) * (dH / Sh));
}

export interface DeltaEStats {
  mean: number;
  p95: number;
  max: number;
  pixels: number;
}

/** ΔE00 over two packed rgb24 frames of the same size, every `step`-th pixel. */
export function deltaEStats(a: Uint8Array, b: Uint8Array, step = 1): DeltaEStats {
  if (a.length !== b.length || a.length % 3 !== 0) throw new Error('frames differ in size');
  const values: number[] = [];
  for (let i = 0; i < a.length; i += 3 * step) {
    const ra = a[i] ?? 0, ga = a[i + 1] ?? 0, ba = a[i + 2] ?? 0;
    const rb = b[i] ?? 0, gb = b[i + 1] ?? 0, bb = b[i + 2] ?? 0;
    values.push(ra === rb && ga === gb && ba === bb ? 0 : deltaE2000(rgb8ToLab(ra, ga, ba), rgb8ToLab(rb, gb, bb)));
  }
  values.sort((x, y) => x - y);
  const sum = values.reduce((s, v) => s + v, 0);
  return {
    mean: values.length ? sum / values.length : 0,
    p95: values[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? 0,
    max: values.at(-1) ?? 0,
    pixels: values.length,
  };
}
