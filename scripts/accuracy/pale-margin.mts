/**
 * The pale test's margin (harness only): each frame's paleCover (measureLipRing: the share of the
 * lip ring's outer half that is teeth-coloured) on every clean shared clip and labelled occlusion
 * case, printed as the clean frames' top three, the top over two frames in a row (a breach needs
 * two), and every labelled episode's frames. The rule fires at LIPS_OCCLUDED.paleMinShare.
 *   npx tsx scripts/accuracy/pale-margin.mts [case ids …]     (held-out cases only when named)
 */
import path from 'node:path';
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
let cleanTop = 0;
for (const { file, key, frames: n, episodes: eps } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const vals: (number | null)[] = [];
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  for (const f of frames) vals.push(primaryFace(f.frame)?.paleCover ?? null);
  const inEp = (i: number) => eps.some(([a, b]) => i >= a - 1 && i <= b + 1);
  const clean = vals.map((v, i) => [v, i] as const).filter(([v, i]) => v !== null && !inEp(i)) as [number, number][];
  clean.sort((a, b) => b[0] - a[0]);
  // Two frames in a row (the breach minimum): the smaller of the two.
  const run2 = vals.map((v, i) => (i > 0 && v !== null && vals[i - 1] !== null && !inEp(i) && !inEp(i-1) ? Math.min(v, vals[i - 1]!) : -1));
  const top2 = Math.max(...run2);
  cleanTop = Math.max(cleanTop, top2);
  const epText = eps.map(([a, b]) => {
    const v = vals.slice(a, b + 1).map((x) => (x === null ? 'n' : x.toFixed(2)));
    return `${a}-${b}: ${v.join(' ')}`;
  });
  console.log(`${key}: clean ${clean.length}, top ${clean.slice(0, 3).map(([v, i]) => `${v.toFixed(2)}@${i}`).join(' ')}, 2-run top ${top2.toFixed(2)}${epText.length ? ' | ' + epText.join(', ') : ''}`);
}
console.log(`fires at ${LIPS_OCCLUDED.paleMinShare}; largest on two clean frames in a row ${cleanTop.toFixed(2)}`);
