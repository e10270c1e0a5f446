/**
 * Cue probe (harness only; round 11, not shipped): how far the fade test's limit
 * (LIPS_OCCLUDED.fadeRatio: the ring's redness over the cheeks against the median of this face's
 * last baselineFrames clear frames) could rise. Prints each clip's lowest ratio two clean frames in
 * a row both stay under, and each labelled episode's median and lowest two-frame run.
 *   npx tsx scripts/accuracy/fade-probe.mts <keys or case ids …>
 */
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips, marginLine, pairMargins } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
let lowest = Infinity;
let lowestAt = '';
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  let history: number[] = [];
  // Negated: pairMargins looks for high scores.
  const score: (number | null)[] = [];
  for (const f of frames) {
    const face = primaryFace(f.frame);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const c = face?.lipColour;
    if (!face || !c || face.occluded === null || level === 'off') {
      if (!c) history = [];
      score.push(null);
      continue;
    }
    const recent = history.slice(-LIPS_OCCLUDED.baselineFrames);
    const base = recent.length >= LIPS_OCCLUDED.baselineMinFrames ? median(recent) : NaN;
    score.push(base >= LIPS_OCCLUDED.baselineMinContrast ? -c.contrast / base : null);
    if (level === 'ok') {
      history.push(c.contrast);
      if (history.length > LIPS_OCCLUDED.binHistoryFrames) history.shift();
    }
  }
  const m = pairMargins(score, episodes);
  if (-m.cleanTop < lowest) [lowest, lowestAt] = [-m.cleanTop, `${key} @${m.cleanTopAt}`];
  console.log(marginLine(key, m, -1));
}
console.log(`lowest clean two-frame run ${lowest.toFixed(2)} (${lowestAt}); fires under ${LIPS_OCCLUDED.fadeRatio}`);
