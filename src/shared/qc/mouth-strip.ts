/**
 * "Lips at a glance" for the report: one small picture of the mouth every few seconds, in one
 * mosaic. The colour and hand tests of lips.occluded miss what barely changes the lip ring's
 * colour (held-out sets L–P: a thin straw, a pen tip, a lock of hair, fingers over a corner from the
 * first frame — about one cover in five). A person looking along the strip sees those in seconds,
 * so the one who signs the take off is shown the mouth itself, not only the checker's verdict.
 *
 * Pure: the checker offers frames (analysis-size RGBA and the primary face) and encodes the mosaic
 * with ffmpeg; this file picks the frames, cuts and scales the crops and lays out the grid.
 */
import { z } from 'zod';
import type { Finding, Severity } from '../findings';
import type { FaceMeasurement } from '../vision/analysis';

/** Tile size in pixels (5:3, about a mouth and its corners). */
export const TILE_WIDTH = 80;
export const TILE_HEIGHT = 48;
/** Tiles per row: 12 × 80 = 960 px, the report's width. */
export const STRIP_COLUMNS = 12;
/** At most this many tiles (20 rows): a long take gets a longer step, never a longer page. */
export const MAX_TILES = 240;
/** The crop is this share of the face's width wide: the lips, their corners and some cheek. */
const CROP_FACE_WIDTHS = 0.62;

export const MouthStripSchema = z.object({
  /** The mosaic as a data: URL (JPEG), columns × rows tiles. */
  image: z.string().regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/),
  columns: z.number().int().positive().max(STRIP_COLUMNS),
  tileWidth: z.number().int().positive().max(4 * TILE_WIDTH),
  tileHeight: z.number().int().positive().max(4 * TILE_HEIGHT),
  /** Seconds between tiles. */
  stepSec: z.number().positive(),
  /** Per tile in reading order: the frame's time, and whether a face (so a mouth) was found. */
  tiles: z.array(z.object({ t: z.number(), face: z.boolean() })).max(MAX_TILES),
});
export type MouthStrip = z.infer<typeof MouthStripSchema>;

/** Seconds between tiles for a take of `durationSec`: 1 s, or more so that at most MAX_TILES fit. */
export function stripStep(durationSec: number): number {
  const d = Number.isFinite(durationSec) && durationSec > 0 ? durationSec : 0;
  return Math.max(1, Math.ceil(d / MAX_TILES));
}

export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The part of a `width` × `height` frame the tile shows: centred on the outer lip contour, sized
 * by the face's width (steadier than the lips', which change with every vowel), at the tile's
 * aspect. May reach past the frame (the sampler paints outside grey). Null for a face without a
 * usable contour.
 */
export function mouthCrop(face: Pick<FaceMeasurement, 'box' | 'lipOuter'>, width: number, height: number): Crop | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i + 1 < face.lipOuter.length; i += 2) {
    const x = face.lipOuter[i]!;
    const y = face.lipOuter[i + 1]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  const faceW = (face.box.x1 - face.box.x0) * width;
  if (xs.length < 3 || !(faceW > 0) || !Number.isFinite(faceW)) return null;
  const cx = ((Math.min(...xs) + Math.max(...xs)) / 2) * width;
  const cy = ((Math.min(...ys) + Math.max(...ys)) / 2) * height;
  const w = Math.max(4, CROP_FACE_WIDTHS * faceW);
  const h = (w * TILE_HEIGHT) / TILE_WIDTH;
  return { x: cx - w / 2, y: cy - h / 2, width: w, height: h };
}

/**
 * Collects the tiles while the checker's frames go by (in time order) and lays them out as one
 * RGB mosaic. A frame is taken at the first frame at or after each step; without a face its tile
 * is dark grey and marked so.
 */
export class MouthStripBuilder {
  readonly step: number;
  private next = 0;
  private readonly tiles: { t: number; face: boolean; rgb: Uint8Array }[] = [];

  constructor(durationSec: number) {
    this.step = stripStep(durationSec);
  }

  /** Whether the frame at `t` would become a tile (lets the caller skip work for the others). */
  wants(t: number): boolean {
    return this.tiles.length < MAX_TILES && Number.isFinite(t) && t >= this.next - 1e-6;
  }

  offer(t: number, rgba: Uint8Array, width: number, height: number, face: Pick<FaceMeasurement, 'box' | 'lipOuter'> | null): void {
    if (!this.wants(t)) return;
    // A frame past a gap (a cut, a slow decode) stands for every step it skipped.
    while (this.next <= t + 1e-6) this.next += this.step;
    const crop = face ? mouthCrop(face, width, height) : null;
    this.tiles.push({ t, face: crop !== null, rgb: crop ? sampleTile(rgba, width, height, crop) : new Uint8Array(TILE_WIDTH * TILE_HEIGHT * 3).fill(48) });
  }

  get count(): number {
    return this.tiles.length;
  }

  /** The mosaic (RGB, STRIP_COLUMNS tiles wide, as many rows as needed) and the tiles' times; null with no tile. */
  mosaic(): { rgb: Uint8Array; width: number; height: number; tiles: { t: number; face: boolean }[] } | null {
    if (!this.tiles.length) return null;
    const columns = Math.min(STRIP_COLUMNS, this.tiles.length);
    const rows = Math.ceil(this.tiles.length / columns);
    const width = columns * TILE_WIDTH;
    const height = rows * TILE_HEIGHT;
    const rgb = new Uint8Array(width * height * 3).fill(255);
    this.tiles.forEach((tile, i) => {
      const ox = (i % columns) * TILE_WIDTH;
      const oy = Math.floor(i / columns) * TILE_HEIGHT;
      for (let y = 0; y < TILE_HEIGHT; y++) rgb.set(tile.rgb.subarray(y * TILE_WIDTH * 3, (y + 1) * TILE_WIDTH * 3), ((oy + y) * width + ox) * 3);
    });
    return { rgb, width, height, tiles: this.tiles.map(({ t, face }) => ({ t, face })) };
  }
}

/**
 * The crop scaled to one tile: each tile pixel the mean of a 3×3 grid of bilinear samples over its
 * footprint (enough to keep a straw's edge without aliasing when the crop is larger than the tile).
 * Outside the frame is mid grey.
 */
export function sampleTile(rgba: Uint8Array, width: number, height: number, crop: Crop): Uint8Array {
  const out = new Uint8Array(TILE_WIDTH * TILE_HEIGHT * 3);
  const sx = crop.width / TILE_WIDTH;
  const sy = crop.height / TILE_HEIGHT;
  const px = [0, 0, 0];
  const sample = (x: number, y: number) => {
    if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
      px[0] = px[1] = px[2] = 128;
      return;
    }
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const x1 = Math.min(width - 1, x0 + 1);
    const y1 = Math.min(height - 1, y0 + 1);
    const fx = x - x0;
    const fy = y - y0;
    for (let c = 0; c < 3; c++) {
      const a = rgba[(y0 * width + x0) * 4 + c]! * (1 - fx) + rgba[(y0 * width + x1) * 4 + c]! * fx;
      const b = rgba[(y1 * width + x0) * 4 + c]! * (1 - fx) + rgba[(y1 * width + x1) * 4 + c]! * fx;
      px[c] = a * (1 - fy) + b * fy;
    }
  };
  for (let ty = 0; ty < TILE_HEIGHT; ty++) {
    for (let tx = 0; tx < TILE_WIDTH; tx++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = 0; j < 3; j++) {
        for (let i = 0; i < 3; i++) {
          sample(crop.x + (tx + (i + 0.5) / 3) * sx - 0.5, crop.y + (ty + (j + 0.5) / 3) * sy - 0.5);
          r += px[0]!;
          g += px[1]!;
          b += px[2]!;
        }
      }
      const o = (ty * TILE_WIDTH + tx) * 3;
      out[o] = Math.round(r / 9);
      out[o + 1] = Math.round(g / 9);
      out[o + 2] = Math.round(b / 9);
    }
  }
  return out;
}

/**
 * Per tile, the most severe lips.* finding (error over warning; notes are not marked) the tile's
 * frame lies in, or null: what the report and the check screen frame. A finding's end is the end
 * of its last frame, so the frame at `end` is the first one after it.
 */
export function tileMarks(strip: Pick<MouthStrip, 'tiles'>, findings: readonly Pick<Finding, 'rule' | 'severity' | 'start' | 'end'>[]): ({ rule: string; severity: Exclude<Severity, 'info'> } | null)[] {
  const lips = findings.filter((f) => f.rule.startsWith('lips.') && f.severity !== 'info');
  return strip.tiles.map((tile) => {
    let best: { rule: string; severity: Exclude<Severity, 'info'> } | null = null;
    for (const f of lips) {
      if (!(tile.t >= f.start - 1e-6 && tile.t < f.end - 1e-6) || f.severity === 'info') continue;
      if (!best || (f.severity === 'error' && best.severity !== 'error')) best = { rule: f.rule, severity: f.severity };
    }
    return best;
  });
}
