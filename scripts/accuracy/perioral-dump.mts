/**
 * Harness only: per frame, the redness of the skin band just outside the outer lip contour (chin,
 * philtrum, beside the corners) against the cheeks, for studying occluders as red as the lips (a
 * mug rim, a lollipop, a straw, a marker): they reach past the lips, where the skin is no redder
 * than the cheeks. Writes one JSON per clip to $TMPDIR/perioral/<key>.json: per frame the band's
 * histogram of (R−G)/(R+G+B) minus the cheeks' (bins of 0.01 from −0.1), the ring's contrast and
 * the current rules' lips.occluded level.
 *   npx tsx scripts/accuracy/perioral-dump.mts <keys or case ids …>
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { insidePolygon, measureFrame, primaryFace, primaryFaceIndex, VisionRules, type Landmark } from '../../src/shared/vision/analysis';
import { CHEEK_LEFT, CHEEK_RIGHT, EYE_OUTER_LEFT, EYE_OUTER_RIGHT, LIPS_OUTER } from '../../src/shared/vision/mesh';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const outDir = path.join(process.env.TMPDIR ?? '/tmp', 'perioral');
mkdirSync(outDir, { recursive: true });
const GAPS = [0.04, 0.08];
const WIDTH = 0.15;
const BINS = 50;

for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const use = n ? raw.slice(0, n) : raw;
  const rules = new VisionRules();
  const rows: unknown[] = [];
  await decodeFrames(file, (f, i) => {
    const r = use[i];
    if (!r) return;
    const size = { width: f.width, height: f.height };
    const read = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    const m = measureFrame(r.result, size, read, r.hands);
    const level = rules.step({ t: r.t, frame: m, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const face = primaryFace(m);
    const k = primaryFaceIndex(r.result);
    const lms = k >= 0 ? (r.result.faceLandmarks[k] as Landmark[]) : null;
    if (!face || !lms) {
      rows.push(null);
      return;
    }
    const P = (l: Landmark): [number, number] => [l.x * f.width, l.y * f.height];
    const sample = (x: number, y: number) => {
      const xi = Math.floor(x);
      const yi = Math.floor(y);
      if (xi < 0 || yi < 0 || xi >= f.width || yi >= f.height) return null;
      const o = (yi * f.width + xi) * 4;
      const R = f.rgba[o]!;
      const G = f.rgba[o + 1]!;
      const B = f.rgba[o + 2]!;
      const s = R + G + B;
      return { rg: s < 24 ? 0 : (R - G) / s, luma: 0.299 * R + 0.587 * G + 0.114 * B };
    };
    const [lx, ly] = P(lms[EYE_OUTER_LEFT]!);
    const [rx, ry] = P(lms[EYE_OUTER_RIGHT]!);
    const eye = Math.hypot(lx - rx, ly - ry);
    let skinRg = 0;
    let skinN = 0;
    const half = Math.max(1, eye * 0.07);
    for (const c of [lms[CHEEK_LEFT]!, lms[CHEEK_RIGHT]!]) {
      const [cx, cy] = P(c);
      for (let y = cy - half; y <= cy + half; y++)
        for (let x = cx - half; x <= cx + half; x++) {
          const s = sample(x, y);
          if (s) {
            skinRg += s.rg;
            skinN++;
          }
        }
    }
    skinRg /= Math.max(1, skinN);
    const outer = LIPS_OUTER.map((i) => P(lms[i]!));
    const cx = outer.reduce((a, p) => a + p[0], 0) / outer.length;
    const cy = outer.reduce((a, p) => a + p[1], 0) / outer.length;
    const grow = (d: number): [number, number][] =>
      outer.map(([x, y]) => {
        const l = Math.hypot(x - cx, y - cy) || 1;
        return [x + ((x - cx) / l) * d, y + ((y - cy) / l) * d];
      });
    const hists = GAPS.map((g) => {
      const inner = grow(g * eye);
      const out = grow((g + WIDTH) * eye);
      const xs = out.map((p) => p[0]);
      const ys = out.map((p) => p[1]);
      const x0 = Math.min(...xs);
      const x1 = Math.max(...xs);
      const y0 = Math.min(...ys);
      const y1 = Math.max(...ys);
      const step = Math.max(1, Math.sqrt(((x1 - x0) * (y1 - y0)) / 2500));
      const h = new Array<number>(BINS).fill(0);
      let total = 0;
      for (let y = y0 + step / 2; y < y1; y += step)
        for (let x = x0 + step / 2; x < x1; x += step) {
          if (!insidePolygon(x, y, out) || insidePolygon(x, y, inner)) continue;
          const s = sample(x, y);
          if (!s) continue;
          const b = Math.max(0, Math.min(BINS - 1, Math.floor((s.rg - skinRg + 0.1) / 0.01)));
          h[b]!++;
          total++;
        }
      return { h, total };
    });
    rows.push({ t: r.t, eye: Math.round(eye), skinRg: +skinRg.toFixed(4), c: face.lipColour ? +face.lipColour.contrast.toFixed(4) : null, gap: +face.lipGap.toFixed(4), level, hists });
  });
  writeFileSync(path.join(outDir, `${key}.json`), JSON.stringify({ key, episodes, rows }));
  console.log(`${key}: ${rows.length} frames`);
}
