/** Image operations the backdrop measures share: work picture, masks, distances, components, medians. */
import type { Box } from '../findings';
import type { RgbaFrame } from '../cpu-keyer';

export function downscale(frame: RgbaFrame, crop: { x0: number; y0: number; x1: number; y1: number }, maxSide: number): RgbaFrame & { scale: number } {
  const cw = Math.max(0, crop.x1 - crop.x0);
  const ch = Math.max(0, crop.y1 - crop.y0);
  const scale = Math.max(1, Math.ceil(Math.max(cw, ch) / maxSide));
  const w = Math.floor(cw / scale);
  const h = Math.floor(ch / scale);
  const out = new Uint8ClampedArray(w * h * 4);
  const src = frame.data;
  const area = scale * scale;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < scale; dy++) {
        let j = ((crop.y0 + y * scale + dy) * frame.width + crop.x0 + x * scale) * 4;
        for (let dx = 0; dx < scale; dx++, j += 4) {
          r += src[j] as number;
          g += src[j + 1] as number;
          b += src[j + 2] as number;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = Math.round(r / area);
      out[o + 1] = Math.round(g / area);
      out[o + 2] = Math.round(b / area);
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out, scale };
}

export function signedHueOffset(r: number, g: number, b: number, keyHue: number): number {
  const v = Math.max(r, g, b);
  const c = v - Math.min(r, g, b);
  if (c <= 0) return 180;
  let hh = v === r ? (g - b) / c : v === g ? (b - r) / c + 2 : (r - g) / c + 4;
  hh *= 60;
  let off = hh - keyHue;
  while (off > 180) off -= 360;
  while (off <= -180) off += 360;
  return off;
}

export function forBorder(w: number, h: number, fn: (i: number) => void): void {
  if (!w || !h) return;
  for (let x = 0; x < w; x++) {
    fn(x);
    if (h > 1) fn((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    fn(y * w);
    if (w > 1) fn(y * w + w - 1);
  }
}

/** The 4-connected part of `mask` that touches the border. */
export function floodFromBorder(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const stack: number[] = [];
  forBorder(w, h, (i) => {
    if (mask[i] && !out[i]) {
      out[i] = 1;
      stack.push(i);
    }
  });
  while (stack.length) {
    const i = stack.pop() as number;
    const x = i % w;
    for (let q = 0; q < 4; q++) {
      const j = q === 0 ? (x > 0 ? i - 1 : -1) : q === 1 ? (x < w - 1 ? i + 1 : -1) : q === 2 ? i - w : i + w;
      if (j >= 0 && j < w * h && mask[j] && !out[j]) {
        out[j] = 1;
        stack.push(j);
      }
    }
  }
  return out;
}

/** Chessboard distance from each pixel to the nearest pixel whose mask value is `target`. */
export function chessboardDistance(mask: Uint8Array, w: number, h: number, target: 0 | 1): Uint16Array {
  const INF = 65535;
  const dist = new Uint16Array(w * h);
  for (let i = 0; i < w * h; i++) dist[i] = mask[i] === target ? 0 : INF;
  // Two raster passes over the 8-neighbourhood (each neighbour costs 1).
  for (let pass = 0; pass < 2; pass++) {
    const fwd = pass === 0;
    for (let yy = 0; yy < h; yy++) {
      const y = fwd ? yy : h - 1 - yy;
      for (let xx = 0; xx < w; xx++) {
        const x = fwd ? xx : w - 1 - xx;
        const i = y * w + x;
        let m = dist[i] as number;
        if (m === 0) continue;
        const dy = fwd ? -1 : 1;
        const dx = fwd ? -1 : 1;
        if (x + dx >= 0 && x + dx < w) m = Math.min(m, (dist[i + dx] as number) + 1);
        if (y + dy >= 0 && y + dy < h) {
          const r = (y + dy) * w;
          m = Math.min(m, (dist[r + x] as number) + 1);
          if (x - 1 >= 0) m = Math.min(m, (dist[r + x - 1] as number) + 1);
          if (x + 1 < w) m = Math.min(m, (dist[r + x + 1] as number) + 1);
        }
        dist[i] = m;
      }
    }
  }
  return dist;
}

export interface WorkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Component extends WorkBox {
  area: number;
  pixels: number[];
}

/** 8-connected components of `mask` with at least `minArea` pixels, largest first. */
export function components(mask: Uint8Array, w: number, h: number, minArea: number): Component[] {
  const seen = new Uint8Array(w * h);
  const comps: Component[] = [];
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || seen[s]) continue;
    const pixels: number[] = [];
    const stack = [s];
    seen[s] = 1;
    const box = { x0: w, y0: h, x1: 0, y1: 0 };
    while (stack.length) {
      const i = stack.pop() as number;
      pixels.push(i);
      const x = i % w;
      const y = (i - x) / w;
      if (x < box.x0) box.x0 = x;
      if (x > box.x1) box.x1 = x;
      if (y < box.y0) box.y0 = y;
      if (y > box.y1) box.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (pixels.length >= minArea) comps.push({ area: pixels.length, pixels, ...box });
  }
  return comps.sort((a, b) => b.area - a.area);
}

export function markComponent(c: { pixels: number[] }, into: Uint8Array): void {
  for (const p of c.pixels) into[p] = 1;
}

export function unionBox(boxes: Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

export const HUE_BINS_PER_DEG = 4;
export const HUE_BINS = 360 * HUE_BINS_PER_DEG + 1;

export function hueBin(offset: number): number {
  return Math.min(HUE_BINS - 1, Math.max(0, Math.round((offset + 180) * HUE_BINS_PER_DEG)));
}

/** The median bin of a histogram holding `count` values. */
export function histMedian(hist: Uint32Array, count: number): number {
  const half = count / 2;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v] as number;
    if (acc >= half) return v;
  }
  return hist.length - 1;
}
