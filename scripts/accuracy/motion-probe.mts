/**
 * How far the face moves between frames (harness only), from cached raw landmarks: per clip the
 * largest move of the mouth's centre from one frame to the next, in face heights, inside the
 * labelled lips.occluded episodes and outside them, and the spread over every frame. Round 14 asked
 * it whether held-out O's camera shake (its false breaches on smeared lips) can be told from
 * footage by the landmarks' own motion.
 *   npx tsx scripts/accuracy/motion-probe.mts [show-id]   (every cached clip; frames of show-id)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RawFrame } from './landmarks';

const root = path.join(process.env.TMPDIR ?? os.tmpdir(), 'capture-studio-accuracy');
const cache = root;
const media = path.resolve('../shared/media');
const shared: Record<string, string> = { hamx2: 'short_hamilton_clip.mp4', d14x2: 'driving-d14.mp4', d18x2: 'driving-d18.mp4' };
interface Case { id: string; episodes: Record<string, [number, number, string][]> }
const cases = new Map((JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')) as { cases: Case[] }).cases.map((c) => [c.id, c]));
const show = process.argv[2];
const all: number[] = [];
const rows: string[] = [];
for (const name of readdirSync(cache).filter((n) => n.endsWith('-VIDEO-H3.json'))) {
  const key = name.replace('-VIDEO-H3.json', '');
  const file = shared[key] ? path.join(media, shared[key]) : existsSync(path.join(media, `${key}.mp4`)) ? path.join(media, `${key}.mp4`) : path.join(root, 'clips', `${key}.mp4`);
  if (!existsSync(file)) continue;
  const [w, h] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim().split(',').map(Number) as [number, number];
  const raw = JSON.parse(readFileSync(path.join(cache, name), 'utf8')) as RawFrame[];
  const eps = (cases.get(key)?.episodes['lips.occluded'] ?? []).map(([, , t]) => /frames (\d+)-(\d+)/.exec(t)!.slice(1).map(Number) as [number, number]);
  const inside = (i: number) => eps.some(([a, b]) => i >= a - 2 && i <= b + 2);
  let last: { x: number; y: number } | null = null;
  let maxIn = 0;
  let maxOut = 0;
  // The median move of the last `run` frames: a camera shaking (or a head moving) on and on.
  const run = Number(process.env.RUN ?? 1);
  const moves: number[] = [];
  raw.forEach((f, i) => {
    const lm = f.result.faceLandmarks[0];
    if (!lm) {
      last = null;
      moves.length = 0;
      return;
    }
    const ys = lm.map((p) => p.y * h);
    const fh = Math.max(...ys) - Math.min(...ys);
    const m = { x: ((lm[13]!.x + lm[14]!.x) / 2) * w, y: ((lm[13]!.y + lm[14]!.y) / 2) * h };
    if (last) {
      moves.push(Math.hypot(m.x - last.x, m.y - last.y) / fh);
      if (moves.length > run) moves.shift();
      const move = [...moves].sort((a, b) => a - b)[Math.floor(moves.length / 2)]!;
      if (inside(i)) maxIn = Math.max(maxIn, move);
      else {
        maxOut = Math.max(maxOut, move);
        if (key !== show) all.push(move);
      }
      if (key === show) console.log(`${i} ${move.toFixed(3)}${inside(i) ? ' (labelled)' : ''}`);
    }
    last = m;
  });
  rows.push(`${maxOut.toFixed(3)} out, ${maxIn.toFixed(3)} in  ${key}`);
}
rows.sort().reverse();
console.log(rows.slice(0, 40).join('\n'));
all.sort((a, b) => a - b);
const q = (p: number) => all[Math.min(all.length - 1, Math.floor(p * all.length))]!.toFixed(3);
console.log(`${all.length} frames outside episodes: p50 ${q(0.5)} p99 ${q(0.99)} p99.9 ${q(0.999)} max ${q(1)}`);
