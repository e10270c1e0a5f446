/**
 * Harness only: where face.dark fires on the shared clips and the labelled occlusion cases, replayed
 * on cached landmarks (VisionRules as the checker runs it). Prints each clip's face.dark breaches as
 * frame ranges, so the shared footage and every clean control can be seen to stay quiet.
 *   npx tsx scripts/accuracy/dark-face-replay.mts [keys or case ids …]   (held-out cases by id only)
 */
import path from 'node:path';
import { measureFrame, VisionRules } from '../../src/shared/vision/analysis';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
let firing = 0;
for (const { file, key, frames: n } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const runs: string[] = [];
  let from = -1;
  frames.forEach((f, i) => {
    const on = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['face.dark'].breach;
    if (on && from < 0) from = i;
    if (!on && from >= 0) {
      runs.push(`${from}-${i - 1}`);
      from = -1;
    }
  });
  if (from >= 0) runs.push(`${from}-${frames.length - 1}`);
  if (runs.length) firing++;
  console.log(`${key}: ${frames.length} frames, face.dark ${runs.length ? runs.join(' ') : '–'}`);
}
console.log(`clips with face.dark: ${firing}`);
process.exit(0);
