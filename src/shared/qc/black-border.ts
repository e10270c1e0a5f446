/**
 * Black bars and thin black borders at the frame edges (§1.2.4: "a 1-pixel black border that is
 * invisible to the naked eye, only discovered during final video compositing"). Measured on
 * full-resolution grey frames sampled through the file: an edge line counts as border when it is
 * dark and flat in (nearly) every sample, so a dark scene or a shadow does not count.
 */
import type { Finding } from '../findings';
import { makeFinding } from '../rules';
import { BLACK_BORDER } from '../standards';

export type Edge = 'top' | 'bottom' | 'left' | 'right';
export const EDGES: Edge[] = ['top', 'bottom', 'left', 'right'];

/** How many lines from each edge are dark and flat in this frame (up to a quarter of the side). */
export function borderLines(gray: Uint8Array, width: number, height: number): Record<Edge, number> {
  const max = BLACK_BORDER.maxLuma * 255;
  const isDark = (values: (i: number) => number, n: number) => {
    let above = 0;
    for (let i = 0; i < n; i++) if (values(i) > max) above++;
    // 99 % of the line dark: a few noisy pixels do not break a real bar.
    return above <= n * 0.01;
  };
  const row = (y: number) => isDark((i) => gray[y * width + i]!, width);
  const col = (x: number) => isDark((i) => gray[i * width + x]!, height);
  const count = (test: (k: number) => boolean, limit: number) => {
    let k = 0;
    while (k < limit && test(k)) k++;
    return k;
  };
  return {
    top: count((k) => row(k), height >> 2),
    bottom: count((k) => row(height - 1 - k), height >> 2),
    left: count((k) => col(k), width >> 2),
    right: count((k) => col(width - 1 - k), width >> 2),
  };
}

/** The border each edge has in at least 90 % of the samples (its smallest thickness among those). */
export function consistentBorders(samples: Record<Edge, number>[]): Record<Edge, number> {
  const out = { top: 0, bottom: 0, left: 0, right: 0 } as Record<Edge, number>;
  if (samples.length === 0) return out;
  for (const e of EDGES) {
    const v = samples.map((s) => s[e]).sort((a, b) => b - a);
    out[e] = v[Math.floor(v.length * 0.9 - 1e-9)] ?? 0;
  }
  return out;
}

export function blackBorderFindings(borders: Record<Edge, number>, durationSec: number): Finding[] {
  const found = EDGES.filter((e) => borders[e] >= BLACK_BORDER.minRows);
  if (found.length === 0) return [];
  const where = found.map((e) => `${e} ${borders[e]} px`).join(', ');
  return [
    makeFinding('video.black-border', { section: BLACK_BORDER.section, start: 0, end: durationSec, values: { where }, value: Math.max(...found.map((e) => borders[e])) }),
  ];
}
