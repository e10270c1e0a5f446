/**
 * Cue probe (harness only; round 11, not shipped): does an occluder's outline crossing the lips
 * show as edges inside the lip ring? Per frame, the ring (outer minus inner lip contour) in BINS
 * (8) slices along the mouth; per slice the median luma gradient (central differences ~1/60 of the
 * mouth's width apart) over the ring's mean luma; against the median of the same slice in this
 * face's last 45 clear frames with a similar lip gap; the smaller ratio of two adjacent slices,
 * the largest such pair. Prints each clip's highest clean two-frame run and each labelled
 * episode's median and best run.
 *   npx tsx scripts/accuracy/edge-probe.mts <keys or case ids …>
 */
import path from 'node:path';
import { insidePolygon, measureFrame, primaryFace, primaryFaceIndex, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_INNER, LIPS_OUTER, MOUTH_CORNER_LEFT, MOUTH_CORNER_RIGHT } from '../../src/shared/vision/mesh';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips, marginLine, pairMargins } from './occlusion-clips';
process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const BINS = Number(process.env.BINS ?? 8);
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
let cleanTop = -Infinity, topAt = '';
for (const { file, key, frames: n, episodes: eps } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const edges: (number[] | null)[] = [];
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, (r, size, read, hands) => {
    const m = measureFrame(r, size, read, hands);
    const k = primaryFaceIndex(r);
    const lms = k >= 0 ? r.faceLandmarks[k] : undefined;
    const reg = read({ x: 0, y: 0, width: size.width, height: size.height });
    if (!lms || !reg) { edges.push(null); return m; }
    const P = (i: number): [number, number] => [lms[i]!.x * size.width, lms[i]!.y * size.height];
    const outer = LIPS_OUTER.map(P), inner = LIPS_INNER.map(P);
    const [ax, ay] = P(MOUTH_CORNER_RIGHT), [bx, by] = P(MOUTH_CORNER_LEFT);
    const L = Math.max(1, (bx - ax) ** 2 + (by - ay) ** 2);
    const W = size.width, H = size.height, d = reg.data;
    const lu = (x: number, y: number) => { const xi = Math.min(W - 1, Math.max(0, Math.round(x))), yi = Math.min(H - 1, Math.max(0, Math.round(y))); const o = (yi * W + xi) * 4; return 0.299 * d[o]! + 0.587 * d[o + 1]! + 0.114 * d[o + 2]!; };
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const [x, y] of outer) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    const mw = Math.sqrt(L); const h = Math.max(1, mw / 60); // gradient step ~1/60 of mouth width
    const sums = Array.from({ length: BINS }, () => [] as number[]);
    const st = Math.max(1, Math.sqrt(((x1 - x0) * (y1 - y0)) / 1500));
    let skinL = 0, sn = 0;
    for (let y = y0 + st / 2; y < y1; y += st) for (let x = x0 + st / 2; x < x1; x += st) {
      if (!insidePolygon(x, y, outer) || insidePolygon(x, y, inner)) continue;
      // stay off the contours: the lip outline is an edge of the lips themselves
      const gx = lu(x + h, y) - lu(x - h, y), gy = lu(x, y + h) - lu(x, y - h);
      const along = ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / L;
      sums[Math.max(0, Math.min(BINS - 1, Math.floor(along * BINS)))]!.push(Math.hypot(gx, gy));
      skinL += lu(x, y); sn++;
    }
    const mean = sn ? skinL / sn : 1;
    edges.push(sums.map((v) => (v.length >= 3 ? med(v) / Math.max(8, mean) : NaN)));
    return m;
  });
  const rules = new VisionRules();
  let mem: { e: number[]; gap: number }[] = [];
  const score: (number | null)[] = [];
  frames.forEach((f, i) => {
    const face = primaryFace(f.frame);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const e = edges[i];
    if (!face || !e || level === 'off' || face.occluded === null || !(face.lipColour && face.lipColour.eyePx >= 64)) { if (!face) mem = []; score.push(null); return; }
    const sim = mem.filter((m) => Math.abs(m.gap - face.lipGap) <= 0.08).slice(-45);
    let s: number | null = null;
    if (sim.length >= 8) {
      const r = e.map((v, b) => { const h = med(sim.map((m) => m.e[b]!)); return v / Math.max(h, 0.01); });
      let best = -Infinity; for (let b = 0; b + 1 < BINS; b++) { const lo = Math.min(r[b]!, r[b + 1]!); if (Number.isFinite(lo)) best = Math.max(best, lo); }
      s = Number.isFinite(best) ? best : null;
    }
    score.push(s);
    if (level === 'ok') { mem.push({ e, gap: face.lipGap }); if (mem.length > 150) mem.shift(); }
  });
  const m = pairMargins(score, eps);
  if (m.cleanTop > cleanTop) [cleanTop, topAt] = [m.cleanTop, `${key} @${m.cleanTopAt}`];
  console.log(marginLine(key, m));
}
console.log(`highest clean two-frame run ${cleanTop.toFixed(2)} (${topAt})`);
