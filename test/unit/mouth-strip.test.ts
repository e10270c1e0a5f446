/**
 * "Lips at a glance" (mouth-strip.ts): the report shows the mouth every few seconds so a person can
 * see what the colour tests miss. Pure parts on hand-made frames (where frames are taken, crops at
 * and past the frame's edge, the tile cap, careless faces); then the real checker on a real face
 * (ffmpeg, headless Chromium, MediaPipe; needs the built renderer): a blue card put over the mouth
 * for one second with ffmpeg must be in that second's tile and not in its neighbours, judged by
 * decoding the JPEG the report carries, and the HTML must frame that tile as a lips.occluded error.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { encodeMouthStrip } from '../../src/main/services/checker/mouth-strip-jpeg';
import { locateFfmpeg } from '../../src/main/services/ffmpeg';
import { CheckReportSchema } from '../../src/shared/qc/report';
import { reportHtml } from '../../src/shared/qc/report-html';
import { MAX_TILES, MouthStripBuilder, MouthStripSchema, mouthCrop, tileMarks, sampleTile, stripStep, STRIP_COLUMNS, TILE_HEIGHT, TILE_WIDTH, type MouthStrip } from '../../src/shared/qc/mouth-strip';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { useFaceAnalyzer } from './helpers/real-checker';

const work = tempDir('cs-mouths-');
afterAll(() => work.cleanup());

/** A face whose outer lip contour spans x 0.4–0.6, y 0.7–0.76 and whose box is 0.5 of the frame wide. */
const FACE = { box: { x0: 0.25, y0: 0.2, x1: 0.75, y1: 0.9 }, lipOuter: [0.4, 0.73, 0.5, 0.7, 0.6, 0.73, 0.5, 0.76] };

/** W × H RGBA, red inside [x0,x1)×[y0,y1) and white elsewhere. */
function frameWithRed(W: number, H: number, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  const px = new Uint8Array(W * H * 4).fill(255);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) px.set([220, 30, 40, 255], (y * W + x) * 4);
  return px;
}

/** Mean RGB of a tile's region given as shares of the tile, from a decoded mosaic. */
function tileMean(rgb: Buffer, width: number, tile: number, columns: number, fx0: number, fy0: number, fx1: number, fy1: number): [number, number, number] {
  const ox = (tile % columns) * TILE_WIDTH;
  const oy = Math.floor(tile / columns) * TILE_HEIGHT;
  const sum = [0, 0, 0];
  let n = 0;
  for (let y = Math.round(fy0 * TILE_HEIGHT); y < Math.round(fy1 * TILE_HEIGHT); y++) {
    for (let x = Math.round(fx0 * TILE_WIDTH); x < Math.round(fx1 * TILE_WIDTH); x++) {
      const o = ((oy + y) * width + ox + x) * 3;
      for (let c = 0; c < 3; c++) sum[c]! += rgb[o + c]!;
      n++;
    }
  }
  return sum.map((s) => s / n) as [number, number, number];
}

let decoded = 0;
function decodeStrip(m: MouthStrip): { rgb: Buffer; width: number } {
  const jpeg = Buffer.from(m.image.slice(m.image.indexOf(',') + 1), 'base64');
  const file = path.join(work.dir, `strip-${++decoded}.jpg`);
  writeFileSync(file, jpeg);
  return { rgb: ffmpegSync(['-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1']), width: m.columns * m.tileWidth };
}

describe('mouth strip: which frames, which crop', () => {
  it('one tile a second, a longer step only past MAX_TILES seconds, never more tiles than MAX_TILES', () => {
    expect([0, 5, 240, 241, 480, 481, 3600].map(stripStep)).toEqual([1, 1, 1, 2, 2, 3, 15]);
    for (const bad of [NaN, -3, Infinity]) expect(stripStep(bad)).toBe(1);
    const b = new MouthStripBuilder(10);
    const px = new Uint8Array(8 * 8 * 4);
    for (let i = 0; i < 250; i++) b.offer(i / 25, px, 8, 8, null);
    expect(b.mosaic()!.tiles.map((t) => t.t)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A 1-hour take declared as 10 s (a wrong duration): still capped.
    for (let s = 10; s < 400; s++) b.offer(s, px, 8, 8, null);
    expect(b.count).toBe(MAX_TILES);
  });

  it('a frame after a gap stands for the steps it skipped; times going backwards add nothing', () => {
    const b = new MouthStripBuilder(20);
    const px = new Uint8Array(4 * 4 * 4);
    for (const t of [0, 0.04, 3.5, 3.6, 2, 4.0, NaN, 7]) b.offer(t, px, 4, 4, null);
    expect(b.mosaic()!.tiles.map((t) => t.t)).toEqual([0, 3.5, 4, 7]);
  });

  it('the crop is centred on the lips, sized by the face, at the tile aspect; a broken contour gives none', () => {
    const c = mouthCrop(FACE, 400, 400)!;
    expect(c.x + c.width / 2).toBeCloseTo(200, 6);
    expect(c.y + c.height / 2).toBeCloseTo(292, 6);
    expect(c.width / c.height).toBeCloseTo(TILE_WIDTH / TILE_HEIGHT, 6);
    expect(c.width).toBeCloseTo(0.62 * 200, 6);
    expect(mouthCrop({ ...FACE, lipOuter: [NaN, NaN, 0.5, 0.5] }, 400, 400)).toBeNull();
    expect(mouthCrop({ ...FACE, lipOuter: [] }, 400, 400)).toBeNull();
    expect(mouthCrop({ ...FACE, box: { x0: 0.5, y0: 0, x1: 0.5, y1: 1 } }, 400, 400)).toBeNull();
    expect(mouthCrop({ ...FACE, box: { x0: NaN, y0: 0, x1: 0.5, y1: 1 } }, 400, 400)).toBeNull();
  });

  it('a red mouth lands in the middle of its tile; past the frame edge is grey, not garbage', () => {
    // The red block is where FACE's lips are in a 400 × 400 frame.
    const px = frameWithRed(400, 400, 160, 280, 240, 304);
    const tile = sampleTile(px, 400, 400, mouthCrop(FACE, 400, 400)!);
    const at = (x: number, y: number) => Array.from(tile.subarray((y * TILE_WIDTH + x) * 3, (y * TILE_WIDTH + x) * 3 + 3));
    expect(at(40, 24)).toEqual([220, 30, 40]);
    expect(at(2, 2)).toEqual([255, 255, 255]);
    // The same face moved to the bottom-right corner: half the crop is outside the frame.
    const edge = sampleTile(px, 400, 400, { x: 360, y: 380, width: 80, height: 48 });
    expect(Array.from(edge.subarray(((TILE_HEIGHT - 1) * TILE_WIDTH + TILE_WIDTH - 1) * 3, ((TILE_HEIGHT - 1) * TILE_WIDTH + TILE_WIDTH) * 3))).toEqual([128, 128, 128]);
    expect(Array.from(edge.subarray(0, 3))).toEqual([255, 255, 255]);
  });

  it('the mosaic lays tiles out in rows of STRIP_COLUMNS and ffmpeg encodes it to a JPEG of that size', async () => {
    const b = new MouthStripBuilder(30);
    const px = frameWithRed(400, 400, 160, 280, 240, 304);
    for (let s = 0; s < 30; s++) b.offer(s, px, 400, 400, s === 13 ? null : FACE);
    const m = (await encodeMouthStrip(await locateFfmpeg(), b))!;
    expect(m.columns).toBe(STRIP_COLUMNS);
    expect(m.tiles).toHaveLength(30);
    expect(m.tiles[13]!.face).toBe(false);
    const { rgb, width } = decodeStrip(m);
    expect(width).toBe(STRIP_COLUMNS * TILE_WIDTH);
    expect(rgb.length).toBe(width * 3 * TILE_HEIGHT * 3);
    // Tile 14 (row 1, column 2): red in the middle; tile 13: the dark "no face" grey.
    const mid = tileMean(rgb, width, 14, m.columns, 0.4, 0.4, 0.6, 0.6);
    expect(mid[0] - mid[1]).toBeGreaterThan(120);
    const none = tileMean(rgb, width, 13, m.columns, 0.2, 0.2, 0.8, 0.8);
    for (const c of none) expect(Math.abs(c - 48)).toBeLessThan(8);
    expect(await encodeMouthStrip(await locateFfmpeg(), new MouthStripBuilder(5))).toBeNull();
  });
});

describe('mouth strip from a report file someone copied in', () => {
  const ok: MouthStrip = { image: 'data:image/jpeg;base64,/9j/AA==', columns: 2, tileWidth: TILE_WIDTH, tileHeight: TILE_HEIGHT, stepSec: 1, tiles: [{ t: 0, face: true }, { t: 1, face: false }] };
  it.each([
    ['markup in the picture', { image: 'data:image/jpeg;base64,AA"><script>alert(1)</script>' }],
    ['another kind of URL', { image: 'https://example.com/x.jpg' }],
    ['an SVG (can carry script)', { image: 'data:image/svg+xml;base64,PHN2Zz4=' }],
    ['a million columns', { columns: 1_000_000 }],
    ['giant tiles', { tileWidth: 100_000 }],
    ['zero step', { stepSec: 0 }],
    ['ten thousand tiles', { tiles: Array.from({ length: 10_000 }, (_, i) => ({ t: i, face: true })) }],
  ])('%s is refused by the schema', (_name, over) => {
    expect(MouthStripSchema.safeParse({ ...ok, ...over }).success).toBe(false);
  });

  it('a lips finding frames its tiles, the most severe first; a note or another rule frames none', () => {
    const strip = { tiles: [0, 1, 2, 3].map((t) => ({ t, face: true })) };
    const marks = tileMarks(strip, [
      { rule: 'lips.open-no-voice', severity: 'warn', start: 0.5, end: 2.5 },
      { rule: 'lips.occluded', severity: 'error', start: 2, end: 3 },
      { rule: 'face.multiple', severity: 'error', start: 0, end: 4 },
      { rule: 'lips.occluded', severity: 'info', start: 3, end: 4 },
    ]);
    expect(marks).toEqual([null, { rule: 'lips.open-no-voice', severity: 'warn' }, { rule: 'lips.occluded', severity: 'error' }, null]);
  });
});

describe('mouth strip on a real face through the real checker', () => {
  const analyzer = useFaceAnalyzer();
  it('driving-d20: a blue card over his mouth for frames 25–49 is in tile 1 only, framed as lips.occluded in both languages', async () => {
    const file = path.join(work.dir, 'd20-blue-card.mp4');
    // His mouth is at x 195–255, y 290–330 in frames 25–49 (measured on the frames by eye).
    ffmpegSync(['-i', mediaFile('driving-d20.mp4'), '-vf', "drawbox=x=186:y=284:w=80:h=52:color=0x2040d0:t=fill:enable='between(n,25,49)'", '-c:a', 'copy', file]);
    const { report } = await checkFile(file, { preset: 'motion-actions', faces: analyzer() });
    const strip = CheckReportSchema.parse(JSON.parse(JSON.stringify(report))).mouthStrip!;
    expect(strip.stepSec).toBe(1);
    expect(strip.tiles.map((t) => t.t)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(strip.tiles.every((t) => t.face)).toBe(true);
    const { rgb, width } = decodeStrip(strip);
    const centre = (i: number) => tileMean(rgb, width, i, strip.columns, 0.35, 0.35, 0.65, 0.65);
    const covered = centre(1);
    expect(covered[2] - covered[0]).toBeGreaterThan(80);
    for (const i of [0, 2, 3]) {
      const [r, g, b] = centre(i);
      // His red lips (and skin) in the middle: red over green and blue.
      expect(r - b).toBeGreaterThan(30);
      expect(r - g).toBeGreaterThan(30);
    }
    for (const lang of ['en', 'zh-CN'] as const) {
      const html = reportHtml(report, lang);
      expect(html).toContain('data-testid="mouth-strip" data-tiles="7"');
      expect(html).toMatch(/class="mk error"[^>]*data-tile="1" data-rule="lips.occluded"/);
      expect(html).not.toMatch(/data-tile="[02-6]" data-rule/);
      expect(html).toContain(lang === 'en' ? 'Lips at a glance' : '嘴部一览');
    }
  }, 300_000);
});
