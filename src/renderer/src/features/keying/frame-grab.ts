import type { GreenParams } from '../../../../shared/green-params';
import { keyFrame, matteToRgba, type RgbaFrame } from '../../../../shared/keying/cpu-keyer';
import type { KeyView } from './gl-keyer';

/**
 * A video (file or camera) or a decoded image. Images are decoded once into an ImageBitmap without
 * colour-space conversion, so the GPU preview, the CPU analysis, colour picking and the CLI (ffmpeg)
 * all see the file's own pixel values.
 */
export type PictureSource = HTMLVideoElement | ImageBitmap;

/** The picture's own size (a video's natural size, or the bitmap's). */
export function sourceSize(src: PictureSource): { width: number; height: number } {
  if (src instanceof HTMLVideoElement) return { width: src.videoWidth, height: src.videoHeight };
  return { width: src.width, height: src.height };
}

/** Decode an image element's picture as it is in the file (no colour management). */
export function decodeImage(img: HTMLImageElement): Promise<ImageBitmap> {
  return createImageBitmap(img, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
}

let grabCanvas: HTMLCanvasElement | null = null;

/** The current picture as RGBA at full size (for the CPU analysis and colour picking). */
export function grabFrame(src: PictureSource): RgbaFrame | null {
  const { width, height } = sourceSize(src);
  if (!width || !height) return null;
  grabCanvas ??= document.createElement('canvas');
  if (grabCanvas.width !== width) grabCanvas.width = width;
  if (grabCanvas.height !== height) grabCanvas.height = height;
  const ctx = grabCanvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(src, 0, 0, width, height);
  const img = ctx.getImageData(0, 0, width, height, { colorSpace: 'srgb' });
  return { width, height, data: img.data };
}

/** Mean colour of a (2r+1)² patch, as [B, G, R] (the order of greenParamsSamplePointBgr). */
export function sampleBgr(frame: RgbaFrame, x: number, y: number, r = 2): [number, number, number] {
  let sr = 0;
  let sg = 0;
  let sb = 0;
  let n = 0;
  for (let yy = Math.max(0, y - r); yy <= Math.min(frame.height - 1, y + r); yy++) {
    for (let xx = Math.max(0, x - r); xx <= Math.min(frame.width - 1, x + r); xx++) {
      const j = (yy * frame.width + xx) * 4;
      sr += frame.data[j] ?? 0;
      sg += frame.data[j + 1] ?? 0;
      sb += frame.data[j + 2] ?? 0;
      n++;
    }
  }
  return n ? [Math.round(sb / n), Math.round(sg / n), Math.round(sr / n)] : [0, 255, 0];
}

/** Without WebGL2: the CPU reference draws the view into a 2D canvas (slow, but the same model). */
export function renderOnCpu(canvas: HTMLCanvasElement, src: PictureSource, params: GreenParams, view: KeyView): boolean {
  const frame = grabFrame(src);
  if (!frame) return false;
  const { width: w, height: h } = frame;
  const outW = view === 'side' ? w * 2 : w;
  if (canvas.width !== outW) canvas.width = outW;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) return false;
  const original = new ImageData(new Uint8ClampedArray(frame.data), w, h);
  if (view === 'original') {
    ctx.putImageData(original, 0, 0);
    return true;
  }
  const keyed = keyFrame(frame, params, { composite: view !== 'matte' });
  const pixels = view === 'matte' ? matteToRgba(keyed.alpha) : (keyed.composite ?? new Uint8ClampedArray(w * h * 4));
  ctx.putImageData(new ImageData(new Uint8ClampedArray(pixels), w, h), view === 'side' ? w : 0, 0);
  if (view === 'side') ctx.putImageData(original, 0, 0);
  return true;
}
