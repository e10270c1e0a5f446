/**
 * Occlusion replay (harness only): the current measureFrame + VisionRules on every shared clip's
 * cached raw landmarks and its own pixels; prints the frames the rules call covered, grouped in
 * runs, and which runs a consecutive-frame minimum of 1, 2 or 3 would keep.
 *   npx tsx scripts/accuracy/occlusion-replay.ts
 */
import path from 'node:path';
import { measureFrame, VisionRules } from '../../src/shared/vision/analysis';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';

const media = path.resolve('../shared/media');
const clips: [string, string, number][] = [
  ['short_hamilton_clip.mp4', 'hamx2', 275],
  ['driving-d14.mp4', 'd14x2', 536],
  ['driving-d18.mp4', 'd18x2', 216],
  ['driving-d3.mp4', 'driving-d3', 0],
  ['driving-d13.mp4', 'driving-d13', 0],
  ['driving-d20.mp4', 'driving-d20', 0],
  ['talking-1.mp4', 'talking-1', 0],
  ['talking-3.mp4', 'talking-3', 0],
  ['talking-4.mp4', 'talking-4', 0],
];
for (const [clip, key, n] of clips) {
  const file = path.join(media, clip);
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const covered: number[] = [];
  frames.forEach((f, i) => {
    const s = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true });
    const r = s.rules['lips.occluded'];
    if (r.level === 'warn' || r.level === 'error') covered.push(i);
  });
  const runs: [number, number][] = [];
  for (const i of covered) {
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  }
  const fmt = (min: number) => runs.filter(([a, b]) => b - a + 1 >= min).map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(' ');
  console.log(`${clip} (${frames.length} frames): covered ${covered.length}; runs ≥1: ${fmt(1) || '–'} | ≥2: ${fmt(2) || '–'} | ≥3: ${fmt(3) || '–'}`);
}
