/**
 * The dark-cover test's margin (harness only): on every clean shared clip and labelled occlusion
 * case, each frame's whole lip ring against this face's own recent clear frames (the rule's
 * baseline: the median of the last LIPS_OCCLUDED.baselineFrames frames the rules called clear) as
 * two ratios, redness (contrast) and luma. Prints per clip the clean two-frame runs (a breach
 * needs two) that came closest to the test — the lowest luma ratio among those with the redness
 * ratio under darkCoverContrast — and each labelled episode's best two-frame run.
 *   npx tsx scripts/accuracy/dark-margin.mts [case ids …]     (held-out cases only when named)
 */
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
let closest = Infinity;
for (const { file, key, frames: n, episodes: eps } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const base: { c: number; l: number }[] = [];
  // Per frame: [redness ratio, luma ratio] against the baseline, or null when not judged.
  const ratios: ([number, number] | null)[] = frames.map((f) => {
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const k = primaryFace(f.frame)?.lipColour;
    if (!k) return null;
    let r: [number, number] | null = null;
    if (base.length >= LIPS_OCCLUDED.baselineMinFrames) {
      const bc = median(base.map((b) => b.c));
      if (bc >= LIPS_OCCLUDED.baselineMinContrast) r = [k.contrast / bc, k.luma / median(base.map((b) => b.l))];
    }
    if (level === 'ok') {
      base.push({ c: k.contrast, l: k.luma });
      if (base.length > LIPS_OCCLUDED.baselineFrames) base.shift();
    }
    return r;
  });
  // A two-frame run is as far as its nearer frame: the larger of each ratio.
  const run = (i: number): [number, number] | null => {
    const a = ratios[i];
    const b = ratios[i + 1];
    return a && b ? [Math.max(a[0], b[0]), Math.max(a[1], b[1])] : null;
  };
  const inEp = (i: number) => eps.some(([a, b]) => i >= a - 1 && i <= b + 1);
  let top: [number, number, number] | null = null;
  for (let i = 0; i + 1 < ratios.length; i++) {
    const r = run(i);
    if (!r || inEp(i) || inEp(i + 1) || r[0] >= LIPS_OCCLUDED.darkCoverContrast) continue;
    if (!top || r[1] < top[1]) top = [r[0], r[1], i];
  }
  if (top) closest = Math.min(closest, top[1]);
  const epText = eps.map(([a, b]) => {
    let best: [number, number] | null = null;
    for (let i = a; i < b; i++) {
      const r = run(i);
      if (r && (!best || Math.max(r[0] / LIPS_OCCLUDED.darkCoverContrast, r[1] / LIPS_OCCLUDED.darkCoverLuma) < Math.max(best[0] / LIPS_OCCLUDED.darkCoverContrast, best[1] / LIPS_OCCLUDED.darkCoverLuma))) best = r;
    }
    return `${a}-${b}: ${best ? `${best[0].toFixed(2)}/${best[1].toFixed(2)}` : 'n'}`;
  });
  const f2 = (v: number) => v.toFixed(2);
  console.log(`${key}: clean closest ${top ? `${f2(top[0])}/${f2(top[1])}@${top[2]}` : '–'}${epText.length ? ' | ' + epText.join(', ') : ''}`);
}
console.log(
  `fires below redness ${LIPS_OCCLUDED.darkCoverContrast} and luma ${LIPS_OCCLUDED.darkCoverLuma} of the baseline; lowest clean luma ratio with redness under ${LIPS_OCCLUDED.darkCoverContrast}: ${closest.toFixed(2)}`,
);
