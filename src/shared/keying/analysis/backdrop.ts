/**
 * What the keyed backdrop is: whether there is one (enough keys out and it reaches the border),
 * the per-pixel facts of the work picture, the backdrop region reached from the border, and its
 * own shade (medians over what keys out fully). The measures (uneven, holes, spill) read these.
 */
import { KEYING_CHECKS as C } from '../../standards';
import type { RgbaFrame } from '../cpu-keyer';
import type { Box } from '../findings';
import { KEY_HUE_ZERO_DEG, KEY_VALUE_FLOOR, spillOf, type PreparedKey, type Rgb } from '../model';
import { chessboardDistance, floodFromBorder, forBorder, HUE_BINS, HUE_BINS_PER_DEG, hueBin, histMedian, signedHueOffset, type WorkBox } from './image-ops';

export interface BackdropSummary {
  /** A keyed screen is in the picture (enough of it keys out and it reaches the frame border). */
  detected: boolean;
  keyedShare: number;
  borderKeyedShare: number;
  /** Median colour of the fully keyed backdrop, RGB, when there is one. */
  medianRgb: Rgb | null;
}

/** Is there a keyed screen: the share that keys out, overall and along the border. */
export function measureBackdropPresence(alpha: Uint8Array, w: number, h: number, k: PreparedKey): BackdropSummary {
  const n = w * h;
  let keyedCount = 0;
  for (let i = 0; i < n; i++) if ((alpha[i] as number) < 128) keyedCount++;
  let borderCount = 0;
  let borderKeyed = 0;
  forBorder(w, h, (i) => {
    borderCount++;
    if ((alpha[i] as number) < 128) borderKeyed++;
  });
  const keyedShare = n ? keyedCount / n : 0;
  const borderKeyedShare = borderCount ? borderKeyed / borderCount : 0;
  return {
    detected: k.valid && keyedShare >= C.backdrop.minKeyedShare && borderKeyedShare >= C.backdrop.minBorderKeyedShare,
    keyedShare,
    borderKeyedShare,
    medianRgb: null,
  };
}

/** Everything the measures need about the work picture, computed once. */
export interface WorkFacts {
  w: number;
  h: number;
  n: number;
  /** RGBA of the work picture. */
  data: RgbaFrame['data'];
  /** The key's raw alpha (no blur), 0 = keyed out. */
  alpha: Uint8Array;
  value: Uint8Array;
  chroma: Uint8Array;
  /** Signed hue distance from the key colour, degrees; 180 for grey. */
  hueOff: Float32Array;
  /** Green cast relative to brightness. */
  cast: Float32Array;
  /** The backdrop region (1) reached from the border, and distances to it and to the subject. */
  inB: Uint8Array;
  distToB: Uint16Array;
  distToF: Uint16Array;
  bCount: number;
  /** The backdrop's own value and hue offset (medians over the fully keyed backdrop). */
  vRef: number;
  hueRef: number;
  /** A work-picture box in full-frame pixels. */
  toFrame: (box: WorkBox) => Box;
  /** The smallest region that counts, as a share of the work picture. */
  minRegion: (share: number) => number;
  base: { start: number; end: number };
}

/** Per-pixel value, chroma, hue offset and green cast of the work picture. */
export function pixelFacts(work: RgbaFrame, k: PreparedKey): Pick<WorkFacts, 'value' | 'chroma' | 'hueOff' | 'cast'> {
  const n = work.width * work.height;
  const d = work.data;
  const value = new Uint8Array(n);
  const hueOff = new Float32Array(n);
  const chroma = new Uint8Array(n);
  const cast = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = d[j] as number;
    const g = d[j + 1] as number;
    const b = d[j + 2] as number;
    const v = Math.max(r, g, b);
    value[i] = v;
    chroma[i] = v - Math.min(r, g, b);
    hueOff[i] = signedHueOffset(r, g, b, k.hue);
    cast[i] = spillOf(r, g, b, k) / Math.max(v, KEY_VALUE_FLOOR);
  }
  return { value, chroma, hueOff, cast };
}

/** The backdrop region: what keys out or has the key's hue, reached from the border. */
export function backdropRegion(alpha: Uint8Array, chroma: Uint8Array, hueOff: Float32Array, w: number, h: number): Pick<WorkFacts, 'inB' | 'distToB' | 'distToF' | 'bCount'> {
  const n = w * h;
  const backdropLike = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    backdropLike[i] = (alpha[i] as number) < 128 || ((chroma[i] as number) >= 8 && Math.abs(hueOff[i] as number) <= KEY_HUE_ZERO_DEG) ? 1 : 0;
  }
  const inB = floodFromBorder(backdropLike, w, h);
  let bCount = 0;
  for (let i = 0; i < n; i++) bCount += inB[i] as number;
  return { inB, distToB: chessboardDistance(inB, w, h, 1), distToF: chessboardDistance(inB, w, h, 0), bCount };
}

/**
 * The backdrop's own shade: medians of value, hue offset and RGB over what keys out fully
 * (histograms, no big arrays); null when fewer than 16 pixels key out fully.
 */
export function backdropShade(
  f: Pick<WorkFacts, 'n' | 'data' | 'alpha' | 'inB' | 'value' | 'hueOff'>,
): { vRef: number; hueRef: number; medianRgb: Rgb } | null {
  const vHist = new Uint32Array(256);
  const rgbHist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)] as const;
  const hueHist = new Uint32Array(HUE_BINS);
  let refCount = 0;
  for (let i = 0; i < f.n; i++) {
    if (!f.inB[i] || f.alpha[i] !== 0) continue;
    refCount++;
    const v = f.value[i] as number;
    vHist[v] = (vHist[v] as number) + 1;
    const hb = hueBin(f.hueOff[i] as number);
    hueHist[hb] = (hueHist[hb] as number) + 1;
    for (let c = 0; c < 3; c++) {
      const hh = rgbHist[c] as Uint32Array;
      const x = f.data[i * 4 + c] as number;
      hh[x] = (hh[x] as number) + 1;
    }
  }
  if (refCount < 16) return null;
  return {
    vRef: histMedian(vHist, refCount),
    hueRef: histMedian(hueHist, refCount) / HUE_BINS_PER_DEG - 180,
    medianRgb: [histMedian(rgbHist[0], refCount), histMedian(rgbHist[1], refCount), histMedian(rgbHist[2], refCount)],
  };
}
