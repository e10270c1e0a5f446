/**
 * A held-out set (test/fixtures/accuracy-labels.json, ids `held-out-<set>-*`): rebuilds every case's
 * derived clip with its own `derive` recipe and draws a contact sheet of EVERY frame of each
 * labelled episode plus 2 frames either side (or the listed frames of a clean control), cropped
 * around the mouth, each frame stamped with its 0-based number. The labels were set by looking at
 * these sheets; rerun it to see them again. Not run by tests; it never runs the checker.
 *
 *   npx tsx scripts/accuracy/heldout-sheets.ts c|d [case ids]   → sheets in a new temp folder
 * Where to crop each case is in scripts/accuracy/heldout-<set>/views.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Case {
  id: string;
  clip?: string;
  derive?: string[];
  episodes: Record<string, [number, number, string][]>;
}
/** Where to look in each case: crop w:h:x:y around the mouth, the frame range to show, the clip's fps. */
interface View {
  crop: string;
  from: number;
  to: number;
  fps: number;
  scale?: number;
  /** The file's last frame, when an episode runs to the end (no 2 frames after it to show). */
  last?: number;
}

const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, '../..');
const set = (process.argv[2] ?? '').toLowerCase();
if (!/^[a-z]$/.test(set)) throw new Error('Name the held-out set first: c or d.');
const media = process.env.CAPTURE_STUDIO_MEDIA ?? path.resolve(root, '../shared/media');
const only = process.argv.slice(3);
const views = JSON.parse(readFileSync(path.join(here, `heldout-${set}`, 'views.json'), 'utf8')) as Record<string, View>;
const cases = (JSON.parse(readFileSync(path.join(root, 'test/fixtures/accuracy-labels.json'), 'utf8')) as { cases: Case[] }).cases.filter(
  (c) => c.id.startsWith(`held-out-${set}-`) && (only.length === 0 || only.includes(c.id)),
);
const out = mkdtempSync(path.join(os.tmpdir(), `heldout-${set}-sheets-`));
const ff = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

for (const c of cases) {
  const v = views[c.id];
  if (!v) throw new Error(`${c.id}: no entry in views.json`);
  const clip = c.clip ? path.join(media, c.clip) : path.join(out, `${c.id}.mp4`);
  if (c.derive) ff(c.derive.map((a) => a.replaceAll('{media}', media).replaceAll('{out}', clip)));
  // The whole file must decode without an error.
  ff(['-i', clip, '-f', 'null', '-']);
  // Every labelled episode's frames ±2 (from the labels, not from views.json) must lie inside the sheet.
  for (const eps of Object.values(c.episodes))
    for (const [s, e, note] of eps) {
      const a = Math.round(s * v.fps);
      const b = Math.round(e * v.fps) - 1;
      if (Math.max(a - 2, 0) < v.from || Math.min(b + 2, v.last ?? Infinity) > v.to) throw new Error(`${c.id}: episode ${note} (${a}-${b}) ±2 is not inside the sheet ${v.from}-${v.to}`);
    }
  const n = v.to - v.from + 1;
  const cols = Math.min(8, n);
  const rows = Math.ceil(n / cols);
  const sheet = path.join(out, `${c.id}.png`);
  ff([
    '-i', clip,
    '-vf',
    `crop=${v.crop},drawtext=text='%{n}':x=2:y=2:fontsize=13:fontcolor=yellow:box=1:boxcolor=black@0.6,` +
      `select='between(n\\,${v.from}\\,${v.to})',scale=iw*${v.scale ?? 1}:-2,tile=${cols}x${rows}:padding=2:color=blue`,
    '-fps_mode', 'passthrough', '-frames:v', '1', sheet,
  ]);
  console.log(`${c.id}: frames ${v.from}-${v.to} → ${sheet}`);
}
console.log(`sheets in ${out}`);
