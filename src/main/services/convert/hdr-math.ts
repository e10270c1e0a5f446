/**
 * The HDR → SDR transform of the exact chain (hdr.ts), written out in numbers so a LUT can be made
 * without zscale: the fallback for an ffmpeg built without libzimg. It follows zimg as measured on
 * zimg 3 (HLG inverse OETF, then the OOTF's system gamma 1.2 at a 1000 cd/m² peak applied to each
 * component rather than to luminance; PQ EOTF), the primaries matrix derived
 * from the BT.2020 and BT.709 chromaticities, ffmpeg's tonemap filter (Hable on the brightest
 * component, desat 0), and for `t=bt709` what zimg 3 does from display light: the BT.1886 inverse
 * EOTF (gamma 2.4), not the camera OETF. A unit test holds it against the zscale-built LUT.
 */
import type { HdrTransfer } from '../../../shared/probe';

export type HdrKind = Exclude<HdrTransfer, 'none'>;

/**
 * The tone-mapping recipe. Linear light is scaled so 1.0 = 100 cd/m² (npl); `peak` 10 = 1000 cd/m²,
 * the nominal peak of HLG and the usual mastering peak of PQ. Hable keeps mid-tones and rolls off
 * highlights; desat=0 keeps skin colour instead of greying bright areas.
 */
export const TONEMAP = { npl: 100, peak: 10, curve: 'hable', desat: 0 } as const;

type Vec3 = [number, number, number];
type Mat3 = [Vec3, Vec3, Vec3];

const HLG = { a: 0.17883277, b: 0.28466892, c: 0.55991073, gamma: 1.2, peakNits: 1000 };
const PQ = { m1: 0.1593017578125, m2: 78.84375, c1: 0.8359375, c2: 18.8515625, c3: 18.6875, peakNits: 10000 };
/** BT.1886 display gamma. */
const REC1886_GAMMA = 2.4;

function hlgInverseOetf(x: number): number {
  const v = Math.max(x, 0);
  return v <= 0.5 ? (v * v) / 3 : (Math.exp((v - HLG.c) / HLG.a) + HLG.b) / 12;
}

function pqEotf(x: number): number {
  const v = Math.max(x, 0) ** (1 / PQ.m2);
  return (Math.max(v - PQ.c1, 0) / (PQ.c2 - PQ.c3 * v)) ** (1 / PQ.m1);
}

function rec1886InverseEotf(x: number): number {
  return x <= 0 ? 0 : x ** (1 / REC1886_GAMMA);
}

/** ffmpeg vf_tonemap's Hable curve. */
function hable(x: number): number {
  const [a, b, c, d, e, f] = [0.15, 0.5, 0.1, 0.2, 0.02, 0.3];
  return (x * (x * a + b * c) + d * e) / (x * (x * a + b) + d * f) - e / f;
}

/** Linear RGB → XYZ for primaries given as xy chromaticities and a white point. */
function rgbToXyz(r: [number, number], g: [number, number], b: [number, number], w: [number, number]): Mat3 {
  const xyz = ([x, y]: [number, number]): Vec3 => [x / y, 1, (1 - x - y) / y];
  const P = [xyz(r), xyz(g), xyz(b)];
  const m: Mat3 = [
    [P[0]![0], P[1]![0], P[2]![0]],
    [P[0]![1], P[1]![1], P[2]![1]],
    [P[0]![2], P[1]![2], P[2]![2]],
  ];
  const s = mul(invert(m), xyz(w));
  return m.map((row) => row.map((v, i) => v * s[i]!) as Vec3) as Mat3;
}

function mul(m: Mat3, v: Vec3): Vec3 {
  return m.map((row) => row[0] * v[0] + row[1] * v[1] + row[2] * v[2]) as Vec3;
}

function matmul(a: Mat3, b: Mat3): Mat3 {
  return a.map((row) => [0, 1, 2].map((j) => row[0] * b[0][j]! + row[1] * b[1][j]! + row[2] * b[2][j]!)) as Mat3;
}

function invert(m: Mat3): Mat3 {
  const [[a, b, c], [d, e, f], [g, h, i]] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [
    [A / det, -(b * i - c * h) / det, (b * f - c * e) / det],
    [B / det, (a * i - c * g) / det, -(a * f - c * d) / det],
    [C / det, -(a * h - b * g) / det, (a * e - b * d) / det],
  ];
}

const D65: [number, number] = [0.3127, 0.329];
const BT2020_TO_XYZ = rgbToXyz([0.708, 0.292], [0.17, 0.797], [0.131, 0.046], D65);
const BT709_TO_XYZ = rgbToXyz([0.64, 0.33], [0.3, 0.6], [0.15, 0.06], D65);
/** Linear BT.2020 → linear BT.709. */
export const BT2020_TO_BT709 = matmul(invert(BT709_TO_XYZ), BT2020_TO_XYZ);

/** One non-linear BT.2020 R'G'B' (0–1, HLG or PQ) → non-linear BT.709 R'G'B' (unclamped). */
export function toneMapRgb(kind: HdrKind, rgb: Vec3): Vec3 {
  let lin: Vec3;
  if (kind === 'hlg') {
    lin = rgb.map((v) => (hlgInverseOetf(v) ** HLG.gamma * HLG.peakNits) / TONEMAP.npl) as Vec3;
  } else {
    lin = rgb.map((v) => (pqEotf(v) * PQ.peakNits) / TONEMAP.npl) as Vec3;
  }
  const c = mul(BT2020_TO_BT709, lin);
  const sigOrig = Math.max(c[0], c[1], c[2], 1e-6);
  const sig = hable(sigOrig) / hable(TONEMAP.peak);
  return c.map((v) => rec1886InverseEotf((v * sig) / sigOrig)) as Vec3;
}

/** The whole LUT as .cube text (red fastest), clamped to 0–1. */
export function computedCube(kind: HdrKind, n: number, title: string): string {
  const lines = [`TITLE "${title}"`, `LUT_3D_SIZE ${n}`, 'DOMAIN_MIN 0 0 0', 'DOMAIN_MAX 1 1 1'];
  const c = (v: number) => Math.min(1, Math.max(0, v)).toFixed(6);
  for (let b = 0; b < n; b++) {
    for (let g = 0; g < n; g++) {
      for (let r = 0; r < n; r++) {
        const out = toneMapRgb(kind, [r / (n - 1), g / (n - 1), b / (n - 1)]);
        lines.push(`${c(out[0])} ${c(out[1])} ${c(out[2])}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
