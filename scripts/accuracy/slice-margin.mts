/**
 * The slice test's margin (harness only): for every clean shared clip and every labelled occlusion
 * case, each frame's largest move towards the cheeks of binRun adjacent slices (LipSliceMemory.move,
 * fed the clear frames as VisionRules feeds its own), printed as the clean frames' largest and each
 * labelled episode's median and lowest. The rule fires at LIPS_OCCLUDED.binToSkin.
 *   npx tsx scripts/accuracy/slice-margin.mts [case ids …]     (held-out cases only when named)
 * SLICE_SHOW=x also lists the frames whose move exceeds x.
 */
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LipSliceMemory } from '../../src/shared/vision/lip-slices';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const median = (v: number[]) => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
let cleanTop = -Infinity;
for (const { file, key, frames: n, episodes: eps } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const memory = new LipSliceMemory();
  const move: (number | null)[] = [];
  for (const f of frames) {
    const face = primaryFace(f.frame);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const c = face?.lipColour;
    if (!face || !c || face.occluded === null || level === 'off') {
      memory.reset();
      move.push(null);
      continue;
    }
    move.push(memory.move(c, face.lipGap));
    if (level === 'ok') memory.remember(c, face.lipGap);
  }
  const inEp = (i: number) => eps.some(([a, b]) => i >= a && i <= b);
  const clean = move.filter((m, i): m is number => m !== null && Number.isFinite(m) && !inEp(i));
  const top = clean.length ? Math.max(...clean) : NaN;
  if (!eps.length || !key.startsWith('held-out-c')) cleanTop = Math.max(cleanTop, top);
  const epText = eps.map(([a, b]) => {
    const v = move.slice(a, b + 1).filter((m): m is number => m !== null && Number.isFinite(m));
    return `${a}-${b}: median ${median(v).toFixed(2)} lowest ${Math.min(...v).toFixed(2)} (${v.length} judged)`;
  });
  const show = Number(process.env.SLICE_SHOW);
  if (show) console.log(move.map((m, i) => (m !== null && m > show ? `${i}:${m.toFixed(2)}` : '')).filter(Boolean).join(' '));
  console.log(`${key}: clean frames ${clean.length}, largest ${top.toFixed(2)}${epText.length ? ' | ' + epText.join(', ') : ''}`);
}
console.log(`fires at ${LIPS_OCCLUDED.binToSkin}; largest on clean frames ${cleanTop.toFixed(2)}`);
