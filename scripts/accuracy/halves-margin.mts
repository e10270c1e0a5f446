/**
 * Harness only: the margin of a skin test on the two halves of the lip ring (LipColour.halves: the
 * lip above and the lip below the mouth's axis). Per clip, the score of a frame is the lowest
 * redness over the cheeks of a half at least as bright as LIPS_OCCLUDED.skinSectorMinLuma × the
 * cheeks (with sectorMinPixels judged); over two clean frames in a row (outside the labelled
 * lips.occluded episodes; faces under paleMinEyePx, as skinAlongLip) the lowest of the pair's higher score, and on the episodes the median
 * score and the share of frames at or under the limit asked for.
 *   npx tsx scripts/accuracy/halves-margin.mts <limit> [keys or case ids …]   (held-out cases by id only)
 */
import path from 'node:path';
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const [limitArg, ...asked] = process.argv.slice(2);
const limit = Number(limitArg);
let lowest = Infinity;
let lowestAt = '';
for (const { file, key, frames: n, episodes } of marginClips(asked)) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const use = n ? raw.slice(0, n) : raw;
  const clean: (number | null)[] = [];
  const onEpisode: number[] = [];
  let episodeFrames = 0;
  await decodeFrames(file, (f, i) => {
    const r = use[i];
    if (!r) return;
    const read = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    const face = primaryFace(measureFrame(r.result, { width: f.width, height: f.height }, read, r.hands));
    const c = face?.occluded === null || (face?.lipColour?.eyePx ?? 0) < LIPS_OCCLUDED.paleMinEyePx ? null : face?.lipColour;
    let score: number | null = null;
    for (const h of c?.halves ?? []) {
      if (h.pixels < LIPS_OCCLUDED.sectorMinPixels || h.luma < LIPS_OCCLUDED.skinSectorMinLuma) continue;
      score = Math.min(score ?? Infinity, h.contrast);
    }
    const covered = episodes.some(([a, b]) => i >= a && i <= b);
    clean[i] = covered ? null : score;
    if (covered) {
      episodeFrames++;
      if (score !== null) onEpisode.push(score);
    }
  });
  let low = Infinity;
  let at = -1;
  for (let i = 1; i < clean.length; i++) {
    const a = clean[i - 1];
    const b = clean[i];
    if (a != null && b != null && Math.max(a, b) < low) {
      low = Math.max(a, b);
      at = i;
    }
  }
  if (low < lowest) {
    lowest = low;
    lowestAt = `${key} frame ${at}`;
  }
  const sorted = onEpisode.sort((a, b) => a - b);
  const med = sorted[Math.floor(sorted.length / 2)];
  const hit = sorted.filter((v) => v <= limit).length;
  console.log(
    `${key.padEnd(56)} clean ${Number.isFinite(low) ? low.toFixed(4) : '  –   '} (frame ${at})${episodeFrames ? `   episode median ${med === undefined ? '–' : med.toFixed(4)}, ${hit}/${episodeFrames} frames ≤ ${limit}` : ''}`,
  );
}
console.log(`lowest clean two-frame score: ${lowest.toFixed(4)} (${lowestAt})`);
process.exit(0);
