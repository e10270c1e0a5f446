/**
 * Occlusion replay (harness only): the current measureFrame + VisionRules on cached raw landmarks
 * and each clip's own pixels, for the shared clips and every labelled occlusion case of
 * test/fixtures/accuracy-labels.json (derived with its ffmpeg recipe). Prints, per clip, the frames
 * the rules call covered (runs of ≥ 2 frames, the breach minimum) against the labelled episodes.
 * Fast once the landmarks are cached: analysis.ts can be changed and re-measured in a minute.
 *   npx tsx scripts/accuracy/occlusion-replay.ts            every case but the held-out ones
 *   npx tsx scripts/accuracy/occlusion-replay.ts <id> …     only these (held-out ones included)
 * REVERSE=1 also runs the rules on each clip's frames backwards in time and prints the covered runs
 * they find (REVERSE=only scores those instead): a cover there from the first frame, or one the
 * history tests learnt as the lips, seen from the other side (round 11: the same misses both ways).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const media = path.resolve('../shared/media');
const derived = path.join(process.env.TMPDIR ?? os.tmpdir(), 'capture-studio-accuracy', 'clips');
mkdirSync(derived, { recursive: true });

interface Case {
  id: string;
  clip?: string;
  derive?: string[];
  heldOut?: boolean;
  rules: string[];
  episodes: Record<string, [number, number, string][]>;
}
const labels = JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')) as { cases: Case[] };

/** [file, cache key, frames to use (0 = all), episodes as frame ranges] */
const clips: [string, string, number, [number, number][]][] = [
  ['short_hamilton_clip.mp4', 'hamx2', 275, []],
  ['driving-d14.mp4', 'd14x2', 536, []],
  ['driving-d18.mp4', 'd18x2', 216, []],
  ...['driving-d0', 'driving-d3', 'driving-d13', 'driving-d20', 'talking-1', 'talking-3', 'talking-4'].map(
    (k): [string, string, number, [number, number][]] => [`${k}.mp4`, k, 0, []],
  ),
];
const frameRange = (text: string): [number, number] => {
  const m = /frames (\d+)-(\d+)/.exec(text);
  if (!m) throw new Error(`no frame range in "${text}"`);
  return [Number(m[1]), Number(m[2])];
};
const hamilton = labels.cases.find((c) => c.id === 'hamilton-occlusion');
if (hamilton) clips[0]![3] = (hamilton.episodes['lips.occluded'] ?? []).map(([, , t]) => frameRange(t));
const asked = process.argv.slice(2);
for (const c of labels.cases) {
  if (!c.derive || !c.rules.includes('lips.occluded')) continue;
  if (asked.length ? !asked.includes(c.id) : c.heldOut) continue;
  const out = path.join(derived, `${c.id}.mp4`);
  if (!existsSync(out)) {
    const args = c.derive.map((a) => a.replaceAll('{media}', media).replaceAll('{out}', out));
    execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  }
  clips.push([out, c.id, 0, (c.episodes['lips.occluded'] ?? []).map(([, , t]) => frameRange(t))]);
}

let episodes = 0;
let found = 0;
let falseRuns = 0;
for (const [clip, key, n, eps] of clips) {
  if (asked.length && !asked.includes(key)) continue;
  const file = path.isAbsolute(clip) ? clip : path.join(media, clip);
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const runs: [number, number][] = [];
  frames.forEach((f, i) => {
    const r = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'];
    if (r.level !== 'warn' && r.level !== 'error') return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  let breaches = runs.filter(([a, b]) => b - a + 1 >= 2);
  if (process.env.REVERSE) {
    const back = new VisionRules();
    const T = frames[frames.length - 1]?.t ?? 0;
    const flags: boolean[] = new Array(frames.length).fill(false);
    for (let i = frames.length - 1; i >= 0; i--) {
      const f = frames[i]!;
      const r = back.step({ t: T - f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'];
      flags[i] = r.level === 'warn' || r.level === 'error';
    }
    const bruns: [number, number][] = [];
    flags.forEach((x, i) => { if (!x) return; const last = bruns[bruns.length - 1]; if (last && last[1] === i - 1) last[1] = i; else bruns.push([i, i]); });
    const bb = bruns.filter(([a, b]) => b - a + 1 >= 2);
    console.log(`  ${key} backward: ${bb.map(([a, b]) => `${a}-${b}`).join(' ') || '–'}`);
    if (process.env.REVERSE === 'only') breaches = bb;
  }
  // Frames the hand test alone calls covered (hand-over-lips.ts), to see what it adds.
  const handRuns: [number, number][] = [];
  frames.forEach((f, i) => {
    const face = primaryFace(f.frame);
    if (!face || face.handCover === null || face.handCover < LIPS_OCCLUDED.handMinShare) return;
    const last = handRuns[handRuns.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else handRuns.push([i, i]);
  });
  const overlaps = ([a, b]: [number, number], [c, d]: [number, number]) => a <= d && b >= c;
  const hit = eps.filter((e) => breaches.some((r) => overlaps(r, e)));
  const wrong = breaches.filter((r) => !eps.some((e) => overlaps(r, e)));
  episodes += eps.length;
  found += hit.length;
  falseRuns += wrong.length;
  const fmt = (rs: [number, number][]) => rs.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(' ') || '–';
  console.log(`${key} (${frames.length} frames): labelled ${fmt(eps)} | found ${hit.length}/${eps.length} | breaches ${fmt(breaches)} | false ${fmt(wrong)} | hand ${fmt(handRuns)}`);
}
console.log(`episodes found ${found}/${episodes}, false breaches ${falseRuns}`);
