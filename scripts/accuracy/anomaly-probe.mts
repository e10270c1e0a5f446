/**
 * Cue probe (harness only; round 11, not shipped): does a slice of the lip ring that moved far from
 * its own colour in ANY direction (not only towards the cheeks, as lip-slices.ts asks) tell a cover
 * from talking? Per frame, each of the 16 slices' distance from the median of the same slice in
 * this face's last 45 clear frames with a similar lip gap, in lip-slices' (redness × weight, luma)
 * plane, as a share of that slice's lip-to-cheek distance; the smaller of two adjacent slices, the
 * largest such pair. TH=0.15 also asks the history frames for a lip ring about as thick as now's
 * (|log ratio| ≤ TH of ring area / mouth width²: lips pressed thin in a frown look different);
 * LOCAL=1 subtracts the median slice's distance (a change of the whole picture is no cover).
 * Prints each clip's highest clean two-frame run and each labelled episode's median and best run.
 *   npx tsx scripts/accuracy/anomaly-probe.mts <keys or case ids …>
 */
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips, marginLine, pairMargins } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const TH = Number(process.env.TH ?? 0);
const w = LIPS_OCCLUDED.binRednessWeight;
const med = (v: number[]) => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
/** Shoelace area of a flat [x, y, x, y …] polygon. */
const area = (p: readonly number[]) => {
  let a = 0;
  const n = p.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    a += (p[2 * i] as number) * (p[2 * j + 1] as number) - (p[2 * j] as number) * (p[2 * i + 1] as number);
  }
  return Math.abs(a) / 2;
};
const thickness = (outer: readonly number[], inner: readonly number[]) => {
  const xs = outer.filter((_, i) => i % 2 === 0);
  const width = Math.max(...xs) - Math.min(...xs);
  return (area(outer) - area(inner)) / (width * width);
};

interface Remembered {
  contrast: number[];
  luma: number[];
  gap: number;
  thick: number;
}
let top = -Infinity;
let topAt = '';
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  let memory: Remembered[] = [];
  const score: (number | null)[] = [];
  for (const f of frames) {
    const face = primaryFace(f.frame);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const c = face?.lipColour;
    if (!face || !c || face.occluded === null || level === 'off' || !(c.eyePx >= LIPS_OCCLUDED.binMinEyePx)) {
      if (!face || level === 'off') memory = [];
      score.push(null);
      continue;
    }
    const thick = thickness(face.lipOuter, face.lipInner);
    const similar: Remembered[] = [];
    for (let i = memory.length - 1; i >= 0 && similar.length < LIPS_OCCLUDED.binMedianOf; i--) {
      const m = memory[i] as Remembered;
      if (Math.abs(m.gap - face.lipGap) <= LIPS_OCCLUDED.binSimilarGap && (!TH || Math.abs(Math.log(m.thick / thick)) <= TH)) similar.push(m);
    }
    let s: number | null = null;
    if (similar.length >= LIPS_OCCLUDED.baselineMinFrames) {
      const d = c.bins.map((k, b) => {
        const hc = med(similar.map((r) => r.contrast[b] as number));
        const hl = med(similar.map((r) => r.luma[b] as number));
        const lipToSkin = Math.hypot(hc * w, 1 - hl);
        if (!(k.pixels >= LIPS_OCCLUDED.binMinPixels) || !(lipToSkin >= LIPS_OCCLUDED.binMinLipToSkin)) return NaN;
        return Math.hypot((k.contrast - hc) * w, k.luma - hl) / lipToSkin;
      });
      let best = -Infinity;
      for (let b = 0; b + 1 < d.length; b++) {
        const low = Math.min(d[b] as number, d[b + 1] as number);
        if (Number.isFinite(low)) best = Math.max(best, low);
      }
      if (Number.isFinite(best)) s = process.env.LOCAL ? best - med(d) : best;
    }
    score.push(s);
    if (level === 'ok') {
      memory.push({ contrast: c.bins.map((k) => (k.pixels ? k.contrast : NaN)), luma: c.bins.map((k) => (k.pixels ? k.luma : NaN)), gap: face.lipGap, thick });
      if (memory.length > LIPS_OCCLUDED.binHistoryFrames) memory.shift();
    }
  }
  const m = pairMargins(score, episodes);
  if (m.cleanTop > top) [top, topAt] = [m.cleanTop, `${key} @${m.cleanTopAt}`];
  console.log(marginLine(key, m));
}
console.log(`highest clean two-frame run ${top.toFixed(2)} (${topAt})`);
