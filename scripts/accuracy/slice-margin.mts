/**
 * The slice test's margin (harness only): for every clean shared clip and every labelled occlusion
 * case, the largest move towards the cheeks of binRun adjacent slices (lip-slices.ts) on each frame,
 * against the same history VisionRules keeps; printed as the clean frames' maximum and each labelled
 * episode's median and lowest. The rule fires at LIPS_OCCLUDED.binToSkin.
 *   npx tsx scripts/accuracy/slice-margin.mts [case ids …]
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { measureFrame, primaryFace, VisionRules, type LipColour } from '../../src/shared/vision/analysis';
import { towardsSkin } from '../../src/shared/vision/lip-slices';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const media = path.resolve('../shared/media');
const clipsDir = path.join(process.env.TMPDIR ?? '/tmp', 'capture-studio-accuracy', 'clips');
const labels = JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')) as {
  cases: { id: string; derive?: string[]; heldOut?: boolean; rules: string[]; episodes: Record<string, [number, number, string][]> }[];
};
const asked = process.argv.slice(2);
const list: [string, string, number, [number, number][]][] = [
  ['driving-d14.mp4', 'd14x2', 536, []],
  ['driving-d18.mp4', 'd18x2', 216, []],
  ...['driving-d0', 'driving-d3', 'driving-d13', 'driving-d20', 'talking-1', 'talking-3', 'talking-4'].map((k): [string, string, number, [number, number][]] => [`${k}.mp4`, k, 0, []]),
];
for (const c of labels.cases) {
  if (!c.derive || !c.rules.includes('lips.occluded') || (asked.length ? !asked.includes(c.id) : c.heldOut && c.id.startsWith('held-out-c-'))) continue;
  const eps = (c.episodes['lips.occluded'] ?? []).map(([, , t]): [number, number] => {
    const m = /frames (\d+)-(\d+)/.exec(t)!;
    return [Number(m[1]), Number(m[2])];
  });
  list.push([path.join(clipsDir, `${c.id}.mp4`), c.id, 0, eps]);
}

const median = (v: number[]) => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : NaN;
};
for (const [clip, key, n, eps] of list) {
  if (asked.length && !asked.includes(key)) continue;
  const file = path.isAbsolute(clip) ? clip : path.join(media, clip);
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  // The history as VisionRules keeps it: clear frames only (the rules' own verdict), similar gap.
  const rules = new VisionRules();
  const hist: { c: LipColour; gap: number }[] = [];
  const move: (number | null)[] = [];
  frames.forEach((f, i) => {
    const face = primaryFace(f.frame);
    const state = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'];
    const c = face?.lipColour;
    if (!face || !c || face.occluded === null || c.eyePx < LIPS_OCCLUDED.binMinEyePx) return void move.push(null);
    const similar = hist.filter((h) => Math.abs(h.gap - face.lipGap) <= LIPS_OCCLUDED.binSimilarGap).slice(-LIPS_OCCLUDED.binMedianOf);
    let best: number | null = null;
    if (similar.length >= LIPS_OCCLUDED.baselineMinFrames) {
      const hc = c.bins.map((_, b) => median(similar.map((h) => (h.c.bins[b]!.pixels ? h.c.bins[b]!.contrast : NaN))));
      const hl = c.bins.map((_, b) => median(similar.map((h) => (h.c.bins[b]!.pixels ? h.c.bins[b]!.luma : NaN))));
      const m = towardsSkin(c.bins, hc, hl);
      for (let b = 0; b + LIPS_OCCLUDED.binRun <= m.length; b++) {
        const low = Math.min(...m.slice(b, b + LIPS_OCCLUDED.binRun));
        if (Number.isFinite(low)) best = Math.max(best ?? -Infinity, low);
      }
    }
    move.push(best);
    if (state.level === 'ok') {
      hist.push({ c, gap: face.lipGap });
      if (hist.length > LIPS_OCCLUDED.binHistoryFrames) hist.shift();
    }
    void i;
  });
  const inEp = (i: number) => eps.some(([a, b]) => i >= a && i <= b);
  const clean = move.filter((m, i): m is number => m !== null && !inEp(i));
  const top = clean.length ? Math.max(...clean) : NaN;
  const epText = eps.map(([a, b]) => {
    const v = move.slice(a, b + 1).filter((m): m is number => m !== null);
    return `${a}-${b}: median ${median(v).toFixed(2)} lowest ${Math.min(...v).toFixed(2)} (${v.length} judged)`;
  });
  if (process.env.SHOW) console.log(move.map((m, i) => (m !== null && m > Number(process.env.SHOW) ? `${i}:${m.toFixed(2)}` : "")).filter(Boolean).join(" "));
  console.log(`${key}: clean frames ${clean.length}, largest ${top.toFixed(2)}${epText.length ? ' | ' + epText.join(', ') : ''}`);
}
