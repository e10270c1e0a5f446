/**
 * Occlusion feature probe (harness only): for every shared clip, the raw landmarks from the cache
 * (landmarks.ts) and the frame's own pixels, the lip ring's colour per sector (thirds across the
 * mouth), dumped per frame as JSON for looking at which measure separates a finger over part of
 * the lips from a clear mouth.
 *   npx tsx scripts/accuracy/occlusion-probe.ts out.json
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { insidePolygon, measureFrame, primaryFace, type Landmark } from '../../src/shared/vision/analysis';
import { EYE_OUTER_LEFT, EYE_OUTER_RIGHT, LIPS_INNER, LIPS_OUTER, CHEEK_LEFT, CHEEK_RIGHT } from '../../src/shared/vision/mesh';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';

const media = path.resolve('../shared/media');
const clips: [string, string, number][] = [
  ['short_hamilton_clip.mp4', 'hamx2', 275],
  ['driving-d14.mp4', 'd14x2', 0],
  ['driving-d18.mp4', 'd18x2', 0],
  ['driving-d3.mp4', 'driving-d3', 0],
  ['driving-d13.mp4', 'driving-d13', 0],
  ['driving-d20.mp4', 'driving-d20', 0],
  ['talking-1.mp4', 'talking-1', 0],
  ['talking-3.mp4', 'talking-3', 0],
  ['talking-4.mp4', 'talking-4', 0],
];

function sectors(lms: Landmark[], w: number, h: number, rgba: Uint8Array | Buffer) {
  const P = (i: number): [number, number] => [lms[i]!.x * w, lms[i]!.y * h];
  const outer = LIPS_OUTER.map(P);
  const inner = LIPS_INNER.map(P);
  const eye = Math.hypot(P(EYE_OUTER_LEFT)[0] - P(EYE_OUTER_RIGHT)[0], P(EYE_OUTER_LEFT)[1] - P(EYE_OUTER_RIGHT)[1]);
  const at = (x: number, y: number) => {
    const cx = Math.floor(x);
    const cy = Math.floor(y);
    if (cx < 0 || cy < 0 || cx >= w || cy >= h) return null;
    const o = (cy * w + cx) * 4;
    const R = rgba[o]!;
    const G = rgba[o + 1]!;
    const B = rgba[o + 2]!;
    const s = R + G + B;
    return { rg: s < 24 ? 0 : (R - G) / s, luma: 0.299 * R + 0.587 * G + 0.114 * B };
  };
  let skinRg = 0;
  let skinL = 0;
  let sn = 0;
  const half = Math.max(1, eye * 0.07);
  for (const c of [CHEEK_LEFT, CHEEK_RIGHT]) {
    const [cx, cy] = P(c);
    for (let y = cy - half; y <= cy + half; y++)
      for (let x = cx - half; x <= cx + half; x++) {
        const s = at(x, y);
        if (s) {
          skinRg += s.rg;
          skinL += s.luma;
          sn++;
        }
      }
  }
  if (sn < 4) return null;
  skinRg /= sn;
  skinL /= sn;
  // Mouth axis: right corner 61 → left corner 291.
  const [ax, ay] = P(61);
  const [bx, by] = P(291);
  const len = Math.hypot(bx - ax, by - ay);
  const ux = (bx - ax) / len;
  const uy = (by - ay) / len;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of outer) {
    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
  }
  const mid = outer.map(([ox, oy], i) => { const [ix, iy] = inner[i]!; return [ix + (ox - ix) * 0.5, iy + (oy - iy) * 0.5] as [number, number]; });
  const step = Math.max(1, Math.sqrt(((x1 - x0) * (y1 - y0)) / 1500));
  const S = [0, 1, 2].map(() => ({ rg: 0, l: 0, l2: 0, n: 0, grad: 0, sk1: 0, sk2: 0, mouth: 0 }));
  for (let y = y0 + step / 2; y < y1; y += step)
    for (let x = x0 + step / 2; x < x1; x += step) {
      if (!insidePolygon(x, y, outer) || insidePolygon(x, y, inner)) continue;
      const s = at(x, y);
      if (!s) continue;
      const along = ((x - ax) * ux + (y - ay) * uy) / len;
      const k = Math.max(0, Math.min(2, Math.floor(along * 3)));
      const e = S[k]!;
      const teeth = s.luma >= 0.9 * skinL && s.rg < skinRg - 0.04;
      const interior = s.luma < 0.45 * skinL && insidePolygon(x, y, mid);
      if (teeth || interior) { e.mouth++; continue; }
      const d = s.rg - skinRg;
      const lr = s.luma / skinL;
      if (Math.abs(d) < 0.015 && lr > 0.8 && lr < 1.3) e.sk1++;
      if (Math.abs(d) < 0.025 && lr > 0.75 && lr < 1.4) e.sk2++;
      e.rg += s.rg;
      e.l += s.luma;
      e.l2 += s.luma * s.luma;
      e.n++;
      const sx = at(x + 1, y);
      const sy = at(x, y + 1);
      if (sx && sy) e.grad += Math.abs(sx.luma - s.luma) + Math.abs(sy.luma - s.luma);
    }
  return {
    skinRg,
    skinL,
    eye,
    mouthW: len / eye,
    sec: S.map((e) => (e.n ? { c: e.rg / e.n - skinRg, l: e.l / e.n / skinL, sd: Math.sqrt(Math.max(0, e.l2 / e.n - (e.l / e.n) ** 2)) / skinL, g: e.grad / e.n / skinL, n: e.n, sk1: e.sk1 / e.n, sk2: e.sk2 / e.n, m: e.mouth } : null)),
  };
}

const extra = process.argv.slice(3).map((f) => [f, path.basename(f, '.mp4'), 0] as [string, string, number]);
const out: Record<string, unknown[]> = {};
for (const [clip, key, n] of extra.length ? extra : clips) {
  const file = path.isAbsolute(clip) ? clip : path.join(media, clip);
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const limit = n || raw.length / (key.endsWith('x2') ? 2 : 1);
  const rows: unknown[] = [];
  await decodeFrames(file, (f, i) => {
    if (i >= limit) return;
    const r = raw[i];
    if (!r) return;
    const read = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    const m = measureFrame(r.result, { width: f.width, height: f.height }, read);
    const face = primaryFace(m);
    const k = m.faces.indexOf(face!);
    const lms = face ? r.result.faceLandmarks[k]! : null;
    const bs = face ? Object.fromEntries((r.result.faceBlendshapes?.[k]?.categories ?? []).map((c) => [c.categoryName, Math.round(c.score * 1000) / 1000])) : {};
    rows.push({
      i,
      t: r.t,
      face: face
        ? {
            yaw: face.yaw, pitch: face.pitch, roll: face.roll, h: face.heightShare, gap: face.lipGap, colour: face.lipColour, occ: face.occluded,
            s: lms ? sectors(lms, f.width, f.height, f.rgba as Buffer) : null,
            bs: { jawOpen: bs.jawOpen, mouthClose: bs.mouthClose, mouthPucker: bs.mouthPucker, mouthFunnel: bs.mouthFunnel, mouthSmileLeft: bs.mouthSmileLeft, mouthSmileRight: bs.mouthSmileRight, mouthPressLeft: bs.mouthPressLeft, mouthPressRight: bs.mouthPressRight, mouthLeft: bs.mouthLeft, mouthRight: bs.mouthRight },
          }
        : null,
    });
  });
  out[clip] = rows;
  console.error(clip, rows.length);
}
writeFileSync(process.argv[2] ?? '/tmp/acc2/probe.json', JSON.stringify(out));
