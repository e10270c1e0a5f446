import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultGreenParams } from '../../src/shared/green-params';
import { analyseBackdrop, type KeyAnalysis } from '../../src/shared/keying/analysis';
import { keyFrame, type RgbaFrame } from '../../src/shared/keying/cpu-keyer';
import { KeyFindingSchema, type KeyFinding } from '../../src/shared/keying/findings';
import { ffmpegSync, tempDir } from './helpers/derive';
import { decodeRgba } from './helpers/keying';
import { mediaFile } from './helpers/media';

const D = defaultGreenParams();
const d0 = mediaFile('driving-d0.mp4');
/** d0 without its black bar: a clean green-screen frame to derive the §1.2.4 problems from. */
const CLEAN = 'crop=512:480:0:0';
const tmp = tempDir('capture-studio-keying-');

/**
 * Bar widths labelled by hand (2026-11, checks): the frames decoded to RGB, rows/columns counted from
 * the edge while every pixel's luma is ≤ 16, and the crops viewed 8× enlarged. driving-d0.mp4: the
 * bottom 27 rows are black (luma ≤ 3.9), row 484 is picture (mean luma 79.5). driving-d14.mp4: the
 * left 60 columns are black (≤ 2.6), column 60 is picture (mean 56.8). ffmpeg's cropdetect says 30
 * and 62 because it shrinks the kept area to a multiple of 16 (round ≤ 1 means 16) and centres the
 * shrink: 485 kept rows → 480 at y = 2; 452 kept columns → 448 at x = 62. The pixels are right.
 */
const D0_BOTTOM_BAR_PX = 27;
const D14_LEFT_BAR_PX = 60;

/** Rows (or columns) from an edge in which every pixel is near black: the independent count. */
function blackLinesFrom(frame: RgbaFrame, edge: 'bottom' | 'left', maxLuma = 16): number {
  const { width: w, height: h, data: d } = frame;
  const luma = (x: number, y: number) => {
    const j = (y * w + x) * 4;
    return 0.299 * (d[j] as number) + 0.587 * (d[j + 1] as number) + 0.114 * (d[j + 2] as number);
  };
  const along = edge === 'bottom' ? w : h;
  const across = edge === 'bottom' ? h : w;
  let k = 0;
  while (k < across && Array.from({ length: along }, (_, i) => (edge === 'bottom' ? luma(i, h - 1 - k) : luma(k, i))).every((v) => v <= maxLuma)) k++;
  return k;
}
afterAll(tmp.cleanup);

function analyse(frame: RgbaFrame, time = 0): KeyAnalysis {
  const a = analyseBackdrop(frame, D, { time });
  for (const f of a.findings) KeyFindingSchema.parse(f);
  return a;
}

const rules = (a: KeyAnalysis) => a.findings.map((f) => f.rule).sort();
const only = (a: KeyAnalysis, rule: KeyFinding['rule']) => a.findings.filter((f) => f.rule === rule);

/** A frame re-encoded as H.264 4:2:0, as an editing tool would deliver it. */
function viaH264(input: string, vf: string, name: string): RgbaFrame {
  const out = path.join(tmp.dir, `${name}.mp4`);
  ffmpegSync(['-ss', '1', '-t', '0.2', '-i', input, '-vf', `${vf},format=yuv420p`, '-c:v', 'libx264', '-crf', '23', '-an', out]);
  return decodeRgba(out);
}

/** Overlap of a reported box with where the problem was drawn, as a share of the drawn area. */
function coverage(f: KeyFinding | undefined, x: number, y: number, w: number, h: number): number {
  const b = f?.where.bbox;
  if (!b) return 0;
  const ox = Math.max(0, Math.min(b.x + b.width, x + w) - Math.max(b.x, x));
  const oy = Math.max(0, Math.min(b.y + b.height, y + h) - Math.max(b.y, y));
  return (ox * oy) / (w * h);
}

describe('backdrop analysis on the real media', () => {
  it.each([0.3, 1.2, 2.6])('driving-d0.mp4 at %s s: the bottom black bar, an error, and nothing else', (at) => {
    const frame = decodeRgba(d0, { at });
    expect(blackLinesFrom(frame, 'bottom')).toBe(D0_BOTTOM_BAR_PX);
    const a = analyse(frame, at);
    expect(a.backdrop.detected).toBe(true);
    expect(rules(a)).toEqual(['key.non-backdrop-edge']);
    const [bar] = a.findings;
    expect(bar).toMatchObject({ severity: 'error', section: '§1.2.4', start: at, end: at, kind: 'black-bar', where: { edge: 'bottom' } });
    expect(bar?.values.px).toBe(D0_BOTTOM_BAR_PX);
    expect(bar?.where.bbox).toEqual({ x: 0, y: 512 - D0_BOTTOM_BAR_PX, width: 512, height: D0_BOTTOM_BAR_PX });
    expect(bar?.message).toMatch(/bottom edge/);
    expect(bar?.action).toMatch(/Crop/);
  });

  it.each([1, 6, 15])('driving-d14.mp4 at %s s (a room, not a green screen): the left black bar, a warning', (at) => {
    const frame = decodeRgba(mediaFile('driving-d14.mp4'), { at });
    expect(blackLinesFrom(frame, 'left')).toBe(D14_LEFT_BAR_PX);
    const a = analyse(frame, at);
    expect(a.backdrop.detected).toBe(false);
    expect(rules(a)).toEqual(['key.non-backdrop-edge']);
    expect(a.findings[0]).toMatchObject({ severity: 'warn', kind: 'black-bar', where: { edge: 'left', bbox: { x: 0, y: 0, height: 512 } } });
    expect(a.findings[0]?.values.px).toBe(D14_LEFT_BAR_PX);
  });

  it.each(['talking-1.mp4', 'driving-d13.mp4', 'driving-d20.mp4', 'short_hamilton_clip.mp4'])('%s (no bars, no green screen): no findings', (file) => {
    expect(analyse(decodeRgba(mediaFile(file), { at: 1 })).findings).toEqual([]);
  });

  it('no state is kept between calls: the same frame gives the same analysis after another frame', () => {
    const green = decodeRgba(d0, { at: 1.2 });
    const room = decodeRgba(mediaFile('driving-d14.mp4'), { at: 6 });
    const first = analyse(green, 1.2);
    analyse(room, 6);
    expect(analyse(green, 1.2)).toEqual(first);
  });

  it('d0 without its bar: a clean green screen, no findings', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: CLEAN }));
    expect(a.backdrop.detected).toBe(true);
    expect(a.findings).toEqual([]);
    expect(a.backdrop.medianRgb?.[1]).toBeGreaterThan(140);
  });
});

describe('key.non-backdrop-edge: bars and borders derived with ffmpeg', () => {
  it('a 1-px black line, lossless, on the left of a green screen: an error', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},format=rgb24,pad=iw+1:ih:1:0:black` }));
    expect(only(a, 'key.non-backdrop-edge')).toEqual([expect.objectContaining({ severity: 'error', where: expect.objectContaining({ edge: 'left' }), values: expect.objectContaining({ px: 1 }) })]);
  });

  it.each([
    ['top', 'x=0:y=0:w=iw:h=1'],
    ['left', 'x=0:y=0:w=1:h=ih'],
    ['right', 'x=iw-1:y=0:w=1:h=ih'],
    ['bottom', 'x=0:y=ih-1:w=iw:h=1'],
  ])('a 1-px black line at the %s, through H.264 4:2:0 (smeared by the codec): still found', (edge, box) => {
    for (const [src, base, severity] of [[d0, CLEAN, 'error'], [mediaFile('talking-1.mp4'), 'null', 'warn']] as const) {
      const a = analyse(viaH264(src, `${base},drawbox=${box}:color=black:t=fill`, `${path.basename(src)}-${edge}`));
      const found = only(a, 'key.non-backdrop-edge');
      expect(found.map((f) => [f.where.edge, f.severity]), src).toEqual([[edge, severity]]);
      expect(found[0]?.values.px).toBeLessThanOrEqual(2);
    }
  });

  it('a grey bar at the top of a green screen (a non-green bar): an error naming its width', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},pad=512:504:0:24:color=0x808080` }));
    expect(only(a, 'key.non-backdrop-edge')).toEqual([
      expect.objectContaining({ severity: 'error', kind: 'color-bar', where: expect.objectContaining({ edge: 'top' }), values: expect.objectContaining({ px: 24 }) }),
    ]);
  });

  it('a flat green band at an edge is backdrop, not a bar', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},pad=512:504:0:24:color=0x459769` }));
    expect(only(a, 'key.non-backdrop-edge')).toEqual([]);
  });
});

describe('key.backdrop-uneven, key.holes: problems of §1.2.4 drawn into a real frame', () => {
  it('a dark fold in the backdrop: uneven, "dark", boxed where it is', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},drawbox=x=20:y=30:w=90:h=70:color=0x1E4630:t=fill` }));
    const [f] = only(a, 'key.backdrop-uneven');
    expect(f).toMatchObject({ severity: 'warn', kind: 'dark' });
    expect(coverage(f, 20, 30, 90, 70)).toBeGreaterThan(0.8);
    expect(rules(a)).toEqual(['key.backdrop-uneven']);
  });

  it('a second shade of green: uneven, "shade"', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},drawbox=x=400:y=20:w=112:h=120:color=0x28A028:t=fill` }));
    const [f] = only(a, 'key.backdrop-uneven');
    expect(f).toMatchObject({ kind: 'shade' });
    expect(coverage(f, 400, 20, 112, 120)).toBeGreaterThan(0.8);
  });

  it('green seen through glasses (a darker green inside the face): holes, an error, boxed', () => {
    const glasses = 'drawbox=x=190:y=228:w=44:h=22:color=0x2F6A48:t=fill,drawbox=x=278:y=228:w=44:h=22:color=0x2F6A48:t=fill';
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},${glasses}` }));
    const [f] = only(a, 'key.holes');
    expect(f).toMatchObject({ severity: 'error', kind: 'keyed' });
    expect(f?.where.regions).toHaveLength(2);
    expect(coverage(f, 190, 228, 44, 22) + coverage(f, 278, 228, 44, 22)).toBeGreaterThan(0.8);
    expect(rules(a)).toEqual(['key.holes']);
  });

  it('the backdrop itself seen through a gap in the subject is not a hole', () => {
    const a = analyse(decodeRgba(d0, { at: 1, vf: `${CLEAN},drawbox=x=300:y=440:w=50:h=30:color=0x459769:t=fill` }));
    expect(a.findings).toEqual([]);
  });
});

describe('key.spill and key.distance-hint', () => {
  /** Simulated spill: mix the backdrop's colour into the subject within 8 px of the backdrop. */
  function spilled(mix: number): RgbaFrame {
    const f = decodeRgba(d0, { at: 1, vf: CLEAN });
    const k = keyFrame(f, D);
    const { width: w, height: h } = f;
    const out = new Uint8Array(f.data);
    const R = 8;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if ((k.alpha[i] ?? 0) < 250) continue;
        let near = false;
        for (let dy = -R; dy <= R && !near; dy += 2) {
          for (let dx = -R; dx <= R; dx += 2) {
            const yy = y + dy;
            const xx = x + dx;
            if (yy >= 0 && yy < h && xx >= 0 && xx < w && (k.alpha[yy * w + xx] ?? 255) < 5) {
              near = true;
              break;
            }
          }
        }
        if (!near) continue;
        [69, 151, 105].forEach((c, ch) => (out[i * 4 + ch] = Math.round((out[i * 4 + ch] ?? 0) * (1 - mix) + c * mix)));
      }
    }
    return { width: w, height: h, data: out };
  }

  it('mild spill along the outline: key.spill (warning), no distance hint', () => {
    const a = analyse(spilled(0.15));
    expect(rules(a)).toEqual(['key.spill']);
    expect(only(a, 'key.spill')[0]).toMatchObject({ severity: 'warn', section: '§1.2.4' });
  });

  it('strong spill: key.spill and the §1.2.2 distance hint (closer than 2 m)', () => {
    const a = analyse(spilled(0.35));
    expect(rules(a)).toEqual(['key.distance-hint', 'key.spill']);
    const [hint] = only(a, 'key.distance-hint');
    expect(hint).toMatchObject({ severity: 'info', section: '§1.2.2', values: expect.objectContaining({ metres: 2 }) });
    expect(hint?.message).toMatch(/closer than 2 m/);
  });
});
