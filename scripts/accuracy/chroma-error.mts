/**
 * How far one H.264 generation moves a dark pixel's R−G (harness only; round 13 tried it as the
 * grey test's noise margin and dropped it: README Accuracy, round 13). Each shared clip's first 60 frames, as shot, dimmed and
 * cool-graded, at the analysis size: the graded RGB straight from the decoder against the same
 * graded picture encoded (libx264, yuv420p, crf 20) and decoded again. Over the reddish pixels
 * (R > G) with R+G+B 24–119 it prints the percentiles of |Δ(R−G)|, each clip and grade weighted
 * equally, and each pair's 99th.
 *   npx tsx scripts/accuracy/chroma-error.mts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const media = path.resolve('../shared/media');
const clips = ['driving-d0', 'driving-d3', 'driving-d13', 'driving-d14', 'driving-d18', 'driving-d20', 'talking-1', 'talking-3', 'talking-4'];
// Grades chosen before looking at any held-out recipe's numbers: none, a dim gamma, a cool balance.
const grades: Record<string, string> = {
  none: 'null',
  dim: 'eq=gamma=0.55:brightness=-0.08',
  cool: 'colorbalance=bs=0.25:bm=0.1:rs=-0.15,eq=brightness=-0.06',
};
const PER_PAIR = 20000;
const dir = mkdtempSync(path.join(os.tmpdir(), 'chroma-error-'));
const ff = (...a: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...a]);
const pooled: number[] = [];
const pairs: string[] = [];
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
try {
  for (const clip of clips) {
    const file = path.join(media, `${clip}.mp4`);
    const [w0, h0] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim().split(',').map(Number) as [number, number];
    const k = 720 / Math.max(w0, h0);
    const size = `${Math.round((w0 * k) / 2) * 2}:${Math.round((h0 * k) / 2) * 2}`;
    for (const [name, grade] of Object.entries(grades)) {
      const ref = path.join(dir, 'ref.rgb');
      const enc = path.join(dir, 'enc.mp4');
      const test = path.join(dir, 'test.rgb');
      ff('-i', file, '-frames:v', '60', '-vf', `${grade},format=rgb24,scale=${size}:flags=bicubic`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', ref);
      ff('-i', file, '-frames:v', '60', '-vf', grade, '-c:v', 'libx264', '-crf', '20', '-preset', 'medium', '-pix_fmt', 'yuv420p', enc);
      ff('-i', enc, '-vf', `format=rgb24,scale=${size}:flags=bicubic`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', test);
      const a = readFileSync(ref);
      const b = readFileSync(test);
      const err: number[] = [];
      for (let o = 0; o + 2 < Math.min(a.length, b.length); o += 3) {
        const s = a[o]! + a[o + 1]! + a[o + 2]!;
        if (s < 24 || s >= 120 || a[o]! <= a[o + 1]!) continue;
        err.push(Math.abs(b[o]! - b[o + 1]! - (a[o]! - a[o + 1]!)));
      }
      if (err.length < 1000) continue;
      err.sort((x, y) => x - y);
      pairs.push(`${clip} ${name}: ${err.length} pixels, p99 ${pct(err, 99)}`);
      // Every pair weighs the same: an even sample of PER_PAIR of its sorted errors.
      for (let i = 0; i < PER_PAIR; i++) pooled.push(err[Math.floor((i * err.length) / PER_PAIR)]!);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
pooled.sort((x, y) => x - y);
console.log(pairs.join('\n'));
console.log(`pooled |Δ(R−G)| p95 ${pct(pooled, 95)} p98.5 ${pct(pooled, 98.5)} p99 ${pct(pooled, 99)} p99.5 ${pct(pooled, 99.5)} (levels of 255)`);
