import { parsePam } from '../../../src/main/services/keying/frames';
import type { RgbaFrame } from '../../../src/shared/keying/cpu-keyer';
import { ffmpegSync } from './derive';

/**
 * One frame of a media file (optionally at a time and through a filter chain, to derive an edge
 * case with ffmpeg at test time) as RGBA.
 */
export function decodeRgba(input: string, opts: { at?: number; vf?: string } = {}): RgbaFrame & { data: Uint8Array } {
  const buf = ffmpegSync([
    ...(opts.at ? ['-ss', String(opts.at)] : []),
    '-i', input,
    '-frames:v', '1',
    ...(opts.vf ? ['-vf', opts.vf] : []),
    '-f', 'image2pipe', '-c:v', 'pam', '-pix_fmt', 'rgba', '-',
  ]);
  return parsePam(buf);
}

/** Mean alpha (0–1) over a w×h patch at (x, y). */
export function patchAlpha(alpha: Uint8Array, width: number, x: number, y: number, w: number, h: number): { mean: number; max: number; min: number } {
  let sum = 0;
  let max = 0;
  let min = 255;
  for (let yy = y; yy < y + h; yy++) {
    for (let xx = x; xx < x + w; xx++) {
      const a = alpha[yy * width + xx] ?? 0;
      sum += a;
      max = Math.max(max, a);
      min = Math.min(min, a);
    }
  }
  return { mean: sum / (w * h) / 255, max: max / 255, min: min / 255 };
}
