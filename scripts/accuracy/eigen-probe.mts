/**
 * Cue probe (harness only; round 12, not shipped): does the mouth's TEXTURE, against this face's
 * own recent look, separate covers the colour tests miss from clean frames? A patch around the
 * mouth in a frame fixed to the eyes (so opening, smiling and a hand all show as change), its luma
 * (over the patch mean) and chroma on a 24×14 grid; the face's last clear patches give a mean and
 * the top `K` principal components ("eigen-mouths": the mouth shapes this face has made); a frame's
 * score is its residual outside them over the median residual recent clear frames had when new.
 * Prints each clip's highest score two clean frames in a row reach and each episode's best run.
 *   npx tsx scripts/accuracy/eigen-probe.mts <keys or case ids …>
 * FLOOR=x puts a floor under the normaliser (a still face leaves residuals near 0); DUMP=file.jsonl
 * writes each frame's residual and normaliser, to try floors and limits offline.
 * Round 12, on the 139 clips of the replay (the shared ones, the development cases, all of I–K,
 * part of G and H): the highest clean two-frame runs are d3 turning with an expression (frames
 * 317–323 of every case made from d3: 8–16 at floors 0.004–0.016) and a phone by d14's cheek; the
 * best run of each of the 19 episodes the rules miss stays under them at every floor (at 0.008:
 * 11.3 K's watermelon, 10.3 G's straw, 7.8 J's lollipop, the rest under 6). A mouth this face has
 * not made yet looks as strange as a cover. Not shipped.
 */
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { measureFrame, primaryFace, primaryFaceIndex, VisionRules, type Landmark, type RgbaRegion } from '../../src/shared/vision/analysis';
import { EYE_OUTER_LEFT, EYE_OUTER_RIGHT, MOUTH_CORNER_LEFT, MOUTH_CORNER_RIGHT } from '../../src/shared/vision/mesh';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips, marginLine, pairMargins } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const K = Number(process.env.K ?? 6);
const HISTORY = 150;
/** The normaliser's floor: a still face on a clean picture leaves residuals near zero. */
const FLOOR = Number(process.env.FLOOR ?? 0);
const GX = 24;
const GY = 14;

function patch(lms: Landmark[], size: { width: number; height: number }, region: RgbaRegion): Float32Array | null {
  const p = (i: number) => { const l = lms[i]; return l ? [l.x * size.width, l.y * size.height] as [number, number] : null; };
  const er = p(EYE_OUTER_RIGHT), el = p(EYE_OUTER_LEFT), mr = p(MOUTH_CORNER_RIGHT), ml = p(MOUTH_CORNER_LEFT);
  if (!er || !el || !mr || !ml) return null;
  const eye = Math.hypot(el[0] - er[0], el[1] - er[1]);
  if (eye < 20) return null;
  const ux = (el[0] - er[0]) / eye, uy = (el[1] - er[1]) / eye;
  const vx = -uy, vy = ux;
  const cx = (mr[0] + ml[0]) / 2, cy = (mr[1] + ml[1]) / 2;
  const out = new Float32Array(GX * GY * 3);
  const { rect, data } = region;
  let lsum = 0;
  for (let j = 0; j < GY; j++) for (let i = 0; i < GX; i++) {
    const a = (-0.45 + (0.9 * (i + 0.5)) / GX) * eye;
    const b = (-0.28 + (0.56 * (j + 0.5)) / GY) * eye;
    const x = Math.floor(cx + ux * a + vx * b) - rect.x, y = Math.floor(cy + uy * a + vy * b) - rect.y;
    if (x < 0 || y < 0 || x >= rect.width || y >= rect.height) return null;
    const o = (y * rect.width + x) * 4;
    const R = Number(data[o]), G = Number(data[o + 1]), B = Number(data[o + 2]);
    const s = R + G + B + 1;
    const k = (j * GX + i) * 3;
    out[k] = 0.299 * R + 0.587 * G + 0.114 * B;
    out[k + 1] = (3 * (R - G)) / s;
    out[k + 2] = (3 * (G - B)) / s;
    lsum += out[k] as number;
  }
  const lmean = lsum / (GX * GY) || 1;
  for (let k = 0; k < out.length; k += 3) out[k] = (out[k] as number) / lmean;
  return out;
}

/** Mean and top-K principal directions of the rows (Gram matrix, power iteration with deflation). */
function basis(rows: Float32Array[]): { mean: Float64Array; dirs: Float64Array[] } {
  const n = rows.length, d = rows[0]!.length;
  const mean = new Float64Array(d);
  for (const r of rows) for (let k = 0; k < d; k++) mean[k]! += (r[k] as number) / n;
  const X = rows.map((r) => Float64Array.from(r, (v, k) => v - (mean[k] as number)));
  const G = X.map((a) => X.map((b) => { let s = 0; for (let k = 0; k < d; k++) s += (a[k] as number) * (b[k] as number); return s; }));
  const dirs: Float64Array[] = [];
  for (let c = 0; c < Math.min(K, n - 1); c++) {
    let u = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1 + c));
    let lambda = 0;
    for (let it = 0; it < 60; it++) {
      const w = new Float64Array(n);
      for (let i = 0; i < n; i++) { let s = 0; const g = G[i]!; for (let j = 0; j < n; j++) s += g[j]! * u[j]!; w[i] = s; }
      lambda = Math.hypot(...w);
      if (lambda < 1e-9) break;
      u = w.map((v) => v / lambda);
    }
    if (lambda < 1e-9) break;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) G[i]![j]! -= lambda * u[i]! * u[j]!;
    const v = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) v[k]! += u[i]! * X[i]![k]!;
    const norm = Math.hypot(...v) || 1;
    dirs.push(v.map((x) => x / norm));
  }
  return { mean, dirs };
}

function residual(x: Float32Array, b: { mean: Float64Array; dirs: Float64Array[] }): number {
  const c = Float64Array.from(x, (v, k) => v - (b.mean[k] as number));
  let e = 0;
  for (const v of c) e += v * v;
  for (const dir of b.dirs) { let p = 0; for (let k = 0; k < c.length; k++) p += dir[k]! * c[k]!; e -= p * p; }
  return Math.max(0, e) / c.length;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
let top = -Infinity;
let topAt = '';
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const patches: (Float32Array | null)[] = [];
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, (r, size, read, hands) => {
    const i = primaryFaceIndex(r);
    const lms = i >= 0 ? r.faceLandmarks[i] : undefined;
    patches.push(lms ? patch(lms, size, read({ x: 0, y: 0, width: size.width, height: size.height }) as RgbaRegion) : null);
    return measureFrame(r, size, read, hands);
  });
  const rules = new VisionRules();
  const history: Float32Array[] = [];
  const fresh: number[] = [];
  let b: ReturnType<typeof basis> | null = null;
  const score: (number | null)[] = [];
  const dump: [number | null, number | null][] = [];
  frames.forEach((f, i) => {
    const x = patches[i];
    let s: number | null = null;
    const judged = primaryFace(f.frame)?.occluded != null;
    if (x && judged && history.length >= 30) {
      if (!b || i % 5 === 0) b = basis(history);
      const r = residual(x, b);
      const m = fresh.length >= 10 ? median(fresh.slice(-45)) : null;
      s = m !== null ? r / Math.max(m, FLOOR) : null;
      dump.push([r, m]);
      if (m === null || r / m < 4) fresh.push(r);
    } else dump.push([null, null]);
    score.push(s);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    if (!x) { history.length = 0; fresh.length = 0; b = null; return; }
    const own = dump[i]!;
    if (level === 'ok' && (own[1] === null || (own[0] as number) / own[1] < 4)) { history.push(x); if (history.length > HISTORY) history.shift(); }
  });
  if (process.env.DUMP) appendFileSync(process.env.DUMP, JSON.stringify({ key, episodes, dump }) + '\n');
  const m = pairMargins(score, episodes);
  if (m.cleanTop > top) [top, topAt] = [m.cleanTop, `${key} @${m.cleanTopAt}`];
  console.log(marginLine(key, m));
}
console.log(`highest clean two-frame run ${top.toFixed(2)} (${topAt})`);
