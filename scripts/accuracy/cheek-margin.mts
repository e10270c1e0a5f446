/**
 * Harness only: the skin reference of the lip colour check (the two cheek patches) on clean faces
 * and with something on a cheek. Per clip: the largest |redness difference| and colour distance
 * (hypot of the redness and the (G−B)/(R+G+B) differences) between the left and the right patch
 * over two frames in a row, and on how many frames skinReference left pixels out (further than
 * LIPS_OCCLUDED.cheekPixelGap from the median of both patches), at most what share.
 *   npx tsx scripts/accuracy/cheek-margin.mts [keys or case ids …]   (held-out cases by id only)
 * CHEEK_SHOW=1 prints each frame's two patches (redness/(G−B)/luma).
 */
import path from 'node:path';
import { cheekPatches, primaryFaceIndex, skinReference } from '../../src/shared/vision/analysis';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const show = process.env.CHEEK_SHOW;
let top = { rg: 0, yb: 0, at: '' };
for (const { file, key, frames: n } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const use = n ? raw.slice(0, n) : raw;
  const d: ({ rg: number; yb: number } | null)[] = [];
  let droppedFrames = 0;
  let droppedTop = 0;
  await decodeFrames(file, (f, i) => {
    const r = use[i];
    const lms = r?.result.faceLandmarks[primaryFaceIndex(r.result)];
    if (!lms) return void (d[i] = null);
    const region = { rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba };
    const p = cheekPatches(lms as never, { width: f.width, height: f.height }, region);
    const [a, b] = p;
    const ref = skinReference(lms as never, { width: f.width, height: f.height }, region);
    if (ref && ref.dropped > 0) {
      droppedFrames++;
      droppedTop = Math.max(droppedTop, ref.dropped / (ref.n + ref.dropped));
    }
    d[i] = a && b ? { rg: Math.abs(a.rg - b.rg), yb: Math.hypot(a.rg - b.rg, a.yb - b.yb) } : null;
    if (show && d[i]) console.log(i, p.map((k) => (k ? `${k.rg.toFixed(3)}/${k.yb.toFixed(3)}/${k.luma.toFixed(0)}` : '-')).join('  '));
  });
  let rg = 0;
  let yb = 0;
  for (let i = 1; i < d.length; i++) {
    const a = d[i - 1];
    const b = d[i];
    if (!a || !b) continue;
    rg = Math.max(rg, Math.min(a.rg, b.rg));
    yb = Math.max(yb, Math.min(a.yb, b.yb));
  }
  if (Math.max(rg, yb) > Math.max(top.rg, top.yb)) top = { rg, yb, at: key };
  console.log(`${key.padEnd(56)} |Δ redness| ${rg.toFixed(3)}  colour distance ${yb.toFixed(3)}  frames with pixels left out ${droppedFrames} (at most ${(droppedTop * 100).toFixed(1)} %)`);
}
console.log(`largest: ${top.at} ${top.rg.toFixed(3)} / ${top.yb.toFixed(3)}`);
process.exit(0);
