/**
 * Camera frame → analysis-size RGBA in one pass, for the vision worker. A camera frame arrives as
 * a VideoFrame in its native layout (I420 or NV12 from most webcams and capture cards, sometimes
 * RGBA/BGRA); converting all of a 1080×1920 frame to RGB before scaling it down (what
 * createImageBitmap and drawImage do in software) costs 90–180 ms on the 2-core test machine, and
 * createImageBitmap(video) does it on the UI thread. Here only the output pixels are computed:
 * each one averages the 2×2 source luma around it and takes the nearest chroma. Pure (no DOM).
 */

/** The scale that brings a frame to at most `maxSide` on its long side (never up). */
export function analysisSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * s)), height: Math.max(1, Math.round(height * s)) };
}

export type PlaneFormat = 'I420' | 'I420A' | 'NV12' | 'RGBA' | 'RGBX' | 'BGRA' | 'BGRX';

export const SCALABLE_FORMATS: readonly string[] = ['I420', 'I420A', 'NV12', 'RGBA', 'RGBX', 'BGRA', 'BGRX'];

export interface PlaneLayout {
  offset: number;
  stride: number;
}

export interface SourceFrame {
  format: PlaneFormat;
  width: number;
  height: number;
  data: Uint8Array;
  layout: PlaneLayout[];
  /** Y'CbCr matrix and range (VideoFrame.colorSpace); BT.601 limited range when unknown. */
  matrix?: string | null;
  fullRange?: boolean | null;
}

/** Y'CbCr → R'G'B' coefficients: [Kr-derived Cr→R, Cb→G, Cr→G, Cb→B]. */
function coefficients(matrix: string | null | undefined): [number, number, number, number] {
  if (matrix === 'bt709') return [1.5748, 0.1873, 0.4681, 1.8556];
  if (matrix === 'bt2020-ncl') return [1.4746, 0.1646, 0.5714, 1.8814];
  return [1.402, 0.344136, 0.714136, 1.772];
}

/** Scale `src` to dstW×dstH RGBA (alpha 255). */
export function scaleFrameToRgba(src: SourceFrame, dstW: number, dstH: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(dstW * dstH * 4);
  const { width: W, height: H, data, layout } = src;
  const fx = W / dstW;
  const fy = H / dstH;
  const rgb = src.format === 'RGBA' || src.format === 'RGBX' || src.format === 'BGRA' || src.format === 'BGRX';
  const p0 = layout[0] ?? { offset: 0, stride: rgb ? W * 4 : W };

  if (rgb) {
    const bgr = src.format.startsWith('B');
    for (let y = 0; y < dstH; y++) {
      const sy = Math.min(H - 1, Math.floor((y + 0.5) * fy));
      const row = p0.offset + sy * p0.stride;
      for (let x = 0; x < dstW; x++) {
        const sx = Math.min(W - 1, Math.floor((x + 0.5) * fx));
        const i = row + sx * 4;
        const o = (y * dstW + x) * 4;
        out[o] = data[bgr ? i + 2 : i] ?? 0;
        out[o + 1] = data[i + 1] ?? 0;
        out[o + 2] = data[bgr ? i : i + 2] ?? 0;
        out[o + 3] = 255;
      }
    }
    return out;
  }

  const [crR, cbG, crG, cbB] = coefficients(src.matrix);
  const full = src.fullRange === true;
  const yScale = full ? 1 : 255 / 219;
  const cScale = full ? 1 : 255 / 224;
  const yOff = full ? 0 : 16;
  const pU = layout[1] ?? { offset: W * H, stride: W >> 1 };
  const pV = layout[2] ?? { offset: W * H + (W >> 1) * (H >> 1), stride: W >> 1 };
  const nv12 = src.format === 'NV12';
  // Per output column: the left luma sample of its 2×2 block and its chroma column.
  const lumaX = new Int32Array(dstW);
  const chromaX = new Int32Array(dstW);
  for (let x = 0; x < dstW; x++) {
    const cx = (x + 0.5) * fx - 0.5;
    lumaX[x] = Math.max(0, Math.min(W - 2, Math.floor(cx)));
    chromaX[x] = Math.min((W >> 1) - 1, Math.max(0, Math.round(cx / 2))) * (nv12 ? 2 : 1);
  }
  const d = data;
  let o = 0;
  for (let y = 0; y < dstH; y++) {
    const cy = (y + 0.5) * fy - 0.5;
    const y0 = Math.max(0, Math.min(H - 2, Math.floor(cy)));
    const r0 = p0.offset + y0 * p0.stride;
    const r1 = r0 + p0.stride;
    const cyRow = Math.min((H >> 1) - 1, Math.max(0, Math.round(cy / 2)));
    const uRow = pU.offset + cyRow * pU.stride;
    const vRow = nv12 ? uRow + 1 : pV.offset + cyRow * pV.stride;
    for (let x = 0; x < dstW; x++) {
      const x0 = lumaX[x]!;
      const Y = ((d[r0 + x0]! + d[r0 + x0 + 1]! + d[r1 + x0]! + d[r1 + x0 + 1]!) * 0.25 - yOff) * yScale;
      const c = chromaX[x]!;
      const cb = (d[uRow + c]! - 128) * cScale;
      const cr = (d[vRow + c]! - 128) * cScale;
      out[o] = Y + crR * cr;
      out[o + 1] = Y - cbG * cb - crG * cr;
      out[o + 2] = Y + cbB * cb;
      out[o + 3] = 255;
      o += 4;
    }
  }
  return out;
}
