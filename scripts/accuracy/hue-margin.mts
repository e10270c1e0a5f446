/**
 * Harness only: the margins of the hue tests (LIPS_OCCLUDED.yellow*, blue*). Per clip and test, the
 * largest share measureFrame gives (yellowCover, blueCover) over two clean frames in a row (outside
 * the labelled lips.occluded episodes), and the median share on the episodes' frames.
 *   npx tsx scripts/accuracy/hue-margin.mts [keys or case ids …]   (held-out cases by id only)
 */
import path from 'node:path';
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { decodeFrames, openRawAnalyzer, rawLandmarks } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const TESTS = ['yellowCover', 'blueCover'] as const;
const top = { yellowCover: 0, blueCover: 0 };
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const use = n ? raw.slice(0, n) : raw;
  const clean = { yellowCover: [] as (number | null)[], blueCover: [] as (number | null)[] };
  const onEpisode = { yellowCover: [] as number[], blueCover: [] as number[] };
  await decodeFrames(file, (f, i) => {
    const r = use[i];
    if (!r) return;
    const read = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    const face = primaryFace(measureFrame(r.result, { width: f.width, height: f.height }, read, r.hands));
    const covered = episodes.some(([a, b]) => i >= a && i <= b);
    for (const t of TESTS) {
      const share = face?.[t] ?? null;
      clean[t].push(covered ? null : share);
      if (covered && share !== null) onEpisode[t].push(share);
    }
  });
  const cells = TESTS.map((t) => {
    let twoFrameMax = 0;
    const c = clean[t];
    for (let i = 1; i < c.length; i++) {
      const a = c[i - 1];
      const b = c[i];
      if (a != null && b != null) twoFrameMax = Math.max(twoFrameMax, Math.min(a, b));
    }
    top[t] = Math.max(top[t], twoFrameMax);
    const med = onEpisode[t].sort((a, b) => a - b)[Math.floor(onEpisode[t].length / 2)];
    return `${t} clean ${twoFrameMax.toFixed(4)}${med === undefined ? '' : ` episode ${med.toFixed(3)}`}`;
  });
  console.log(`${key.padEnd(48)} ${cells.join('   ')}`);
}
console.log(`largest clean two-frame share: yellow ${top.yellowCover.toFixed(4)}, blue ${top.blueCover.toFixed(4)}`);
process.exit(0);
