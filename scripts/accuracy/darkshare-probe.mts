/**
 * Cue probe (harness only; round 14): the share of the lip ring darker than darkLuma × the cheeks
 * but redder than them (LipColour.darkShare: dark lipstick, a beard, a shadow, or a brown thing
 * such as chocolate), against this face's own recent clear frames (median of the last
 * baselineFrames frames the rules called clear). Prints per clip the highest rise two clean frames
 * in a row both reach (a breach needs two) and each labelled episode's median and best pair.
 *   npx tsx scripts/accuracy/darkshare-probe.mts <keys or case ids …>
 */
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips, marginLine, pairMargins } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
let top = -Infinity;
let topAt = '';
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const base: number[] = [];
  const score = frames.map((f) => {
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const k = primaryFace(f.frame)?.lipColour;
    if (!k) return null;
    const s = base.length >= LIPS_OCCLUDED.baselineMinFrames ? k.darkShare - median(base) : null;
    if (level === 'ok') {
      base.push(k.darkShare);
      if (base.length > LIPS_OCCLUDED.baselineFrames) base.shift();
    }
    return s;
  });
  const m = pairMargins(score, episodes);
  if (m.cleanTop > top) {
    top = m.cleanTop;
    topAt = `${key}@${m.cleanTopAt}`;
  }
  console.log(marginLine(key, m));
}
console.log(`highest clean two-frame rise of darkShare: ${top.toFixed(3)} (${topAt})`);
