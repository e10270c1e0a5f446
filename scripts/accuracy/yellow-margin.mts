/**
 * Harness only: the yellow test's margin (LIPS_OCCLUDED.yellow*). Per clip, the largest share of the
 * lip ring that measureFrame calls yellow or green over two clean frames in a row (outside the
 * labelled lips.occluded episodes), and the median share on the episodes' frames.
 *   npx tsx scripts/accuracy/yellow-margin.mts [keys or case ids …]   (held-out cases by id only)
 */
import path from 'node:path';
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
let top = 0;
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const use = n ? raw.slice(0, n) : raw;
  const clean: (number | null)[] = [];
  const onEpisode: number[] = [];
  await decodeFrames(file, (f, i) => {
    const r = use[i];
    if (!r) return;
    const read = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    const share = primaryFace(measureFrame(r.result, { width: f.width, height: f.height }, read, r.hands))?.yellowCover ?? null;
    const covered = episodes.some(([a, b]) => i >= a && i <= b);
    clean.push(covered ? null : share);
    if (covered && share !== null) onEpisode.push(share);
  });
  let twoFrameMax = 0;
  for (let i = 1; i < clean.length; i++) {
    const a = clean[i - 1];
    const b = clean[i];
    if (a != null && b != null) twoFrameMax = Math.max(twoFrameMax, Math.min(a, b));
  }
  top = Math.max(top, twoFrameMax);
  const med = onEpisode.sort((a, b) => a - b)[Math.floor(onEpisode.length / 2)];
  console.log(`${key.padEnd(48)} clean two-frame max ${twoFrameMax.toFixed(4)}${med === undefined ? '' : `  episode median ${med.toFixed(3)}`}`);
}
console.log(`largest clean two-frame share: ${top.toFixed(4)}`);
process.exit(0);
