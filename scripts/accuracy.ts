/**
 * `npm run accuracy`: the acceptance checker (checkFile, the real thing: ffmpeg, headless Chromium,
 * MediaPipe) on hand-labelled clips and clips derived from them with ffmpeg
 * (test/fixtures/accuracy-labels.json), scored per rule: precision (findings that overlap a
 * labelled episode), recall (episodes that some finding overlaps) and time error (|start| of the
 * matched finding against the label). Held-out cases are scored last, each set in its own table. Needs
 * `npx electron-vite build` once and the face model (CAPTURE_STUDIO_FACE_MODEL, or
 * ../shared/models/face_landmarker.task).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkFile } from '../src/main/services/checker/check-file';
import { openFaceAnalyzer } from '../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../src/main/services/checker/face-analyzer';
import type { Finding } from '../src/shared/findings';
import { ruleDef } from '../src/shared/rules';
import type { PresetId } from '../src/shared/standards';

interface Case {
  id: string;
  clip?: string;
  derive?: string[];
  voice?: string[];
  voiceMix?: string[];
  preset?: PresetId;
  heldOut?: boolean;
  /** Which held-out set (A, B, C, voice): each is scored in a table of its own. */
  set?: string;
  /** Second-voice cases: single, different pitch, similar pitch or overlap (the breakdown table). */
  voiceGroup?: string;
  rules: string[];
  episodes: Record<string, [number, number, string][]>;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const media = process.env.CAPTURE_STUDIO_MEDIA ?? path.resolve(root, '../shared/media');
process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(root, '../shared/models/face_landmarker.task');
const only = process.argv.slice(2);
const cases = (JSON.parse(readFileSync(path.join(root, 'test/fixtures/accuracy-labels.json'), 'utf8')) as { cases: Case[] }).cases.filter(
  (c) => only.length === 0 || only.includes(c.id),
);
const work = mkdtempSync(path.join(os.tmpdir(), 'cs-accuracy-'));
const ff = (args: string[]) => execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });

/** The file a case checks: the clip itself, an ffmpeg derivation, or voices on a plain picture. */
function fileOf(c: Case): string {
  if (c.clip) return path.join(media, c.clip);
  const out = path.join(work, `${c.id}.mp4`);
  if (c.derive) ff(c.derive.map((a) => a.replaceAll('{media}', media).replaceAll('{out}', out)));
  else if (c.voice || c.voiceMix) {
    const parts = (c.voice ?? c.voiceMix)!;
    const inputs = parts.flatMap((p) => ['-i', path.join(media, p)]);
    const labels = parts.map((_, i) => `[${i}:a]aresample=48000,aformat=channel_layouts=mono[a${i}]`).join(';');
    const join = c.voice
      ? `${parts.map((_, i) => `[a${i}]`).join('')}concat=n=${parts.length}:v=0:a=1[a]`
      : `${parts.map((_, i) => `[a${i}]`).join('')}amix=inputs=${parts.length}:duration=shortest:normalize=0[a]`;
    // A grey 25-fps picture under the voices: the checker needs a video stream; faces are not analysed.
    ff([...inputs, '-f', 'lavfi', '-i', 'color=gray:s=64x64:r=25', '-filter_complex', `${labels};${join}`, '-map', '[a]', '-map', `${parts.length}:v`, '-shortest', '-c:v', 'libx264', '-c:a', 'aac', out]);
  }
  return out;
}

interface Score {
  tp: number;
  fp: number;
  found: number;
  labels: number;
  dt: number[];
  /** Seconds of findings outside every labelled episode (±slack): a finding that overlaps an episode but runs on past it. */
  outside: number;
}
const scores = { main: new Map<string, Score>(), held: new Map<string, Map<string, Score>>() };
function tableOf(c: Case): Map<string, Score> {
  if (!c.heldOut) return scores.main;
  const set = c.set ?? 'held out';
  const t = scores.held.get(set) ?? new Map<string, Score>();
  scores.held.set(set, t);
  return t;
}
/** Per voiceGroup: cases and how many got an audio.second-voice finding. */
const voiceGroups = new Map<string, { cases: number; flagged: number }>();

/** Findings of a rule, read the way the labels are written (frames.frozen = the frozen kind of frames.discontinuous). */
function findingsOf(findings: Finding[], rule: string): Finding[] {
  if (rule === 'frames.frozen') return findings.filter((f) => f.rule === 'frames.discontinuous' && f.values?.kind === 'frozen');
  return findings.filter((f) => f.rule === rule && f.severity !== 'info');
}

function score(c: Case, findings: Finding[], duration: number): string[] {
  const table = tableOf(c);
  const lines: string[] = [];
  const slack = 0.05;
  for (const rule of c.rules) {
    const eps = (c.episodes[rule] ?? []).map(([s, e, note]) => [s, e < 0 ? duration : e, note] as [number, number, string]);
    const got = findingsOf(findings, rule);
    const s = table.get(rule) ?? { tp: 0, fp: 0, found: 0, labels: 0, dt: [], outside: 0 };
    const overlaps = (f: Finding, [a, b]: [number, number, string]) => f.start < b + slack && f.end > a - slack;
    for (const f of got) {
      if (eps.some((e) => overlaps(f, e))) s.tp++;
      else s.fp++;
      s.outside += secondsOutside(f, eps, slack);
    }
    for (const e of eps) {
      const m = got.filter((f) => overlaps(f, e)).sort((x, y) => Math.abs(x.start - e[0]) - Math.abs(y.start - e[0]))[0];
      s.labels++;
      if (m) {
        s.found++;
        s.dt.push(Math.abs(m.start - e[0]));
      }
    }
    table.set(rule, s);
    lines.push(`  ${rule}: ${got.length} finding(s) ${got.map((f) => `[${f.start.toFixed(2)}–${f.end.toFixed(2)}]`).join(' ')} vs ${eps.length} label(s) ${eps.map((e) => `[${e[0]}–${e[1].toFixed(2)}]`).join(' ')}`);
  }
  return lines;
}

/** How much of a finding lies outside every episode widened by slack (episodes may overlap each other). */
function secondsOutside(f: Finding, eps: [number, number, string][], slack: number): number {
  const cuts = eps.map(([a, b]) => [a - slack, b + slack] as const).sort((x, y) => x[0] - y[0]);
  let inside = 0;
  let reach = f.start;
  for (const [a, b] of cuts) {
    const lo = Math.max(a, reach);
    const hi = Math.min(b, f.end);
    if (hi > lo) {
      inside += hi - lo;
      reach = hi;
    }
  }
  return Math.max(0, f.end - f.start - inside);
}

function table(map: Map<string, Score>): string {
  const rows = [
    '| rule | severity | findings (true / false) | labelled episodes found | precision | recall | mean start error | seconds found outside the labels |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [rule, s] of [...map.entries()].sort()) {
    const sev = rule === 'frames.frozen' ? 'warn' : (ruleDef(rule)?.severity ?? '?');
    const p = s.tp + s.fp ? (s.tp / (s.tp + s.fp)).toFixed(2) : '– (none)';
    const r = s.labels ? (s.found / s.labels).toFixed(2) : '– (no episodes)';
    const dt = s.dt.length ? `${(s.dt.reduce((a, b) => a + b, 0) / s.dt.length).toFixed(3)} s` : '–';
    rows.push(`| ${rule} | ${sev} | ${s.tp} / ${s.fp} | ${s.found} / ${s.labels} | ${p} | ${r} | ${dt} | ${s.outside.toFixed(2)} s |`);
  }
  return rows.join('\n');
}

async function main(): Promise<void> {
  let faces: FaceAnalyzer | null = null;
  try {
    const ordered = [...cases.filter((c) => !c.heldOut), ...cases.filter((c) => c.heldOut)];
    for (const c of ordered) {
      const file = fileOf(c);
      if (!existsSync(file)) throw new Error(`${c.id}: ${file} is missing`);
      const needsFaces = !(c.voice || c.voiceMix || c.voiceGroup);
      if (needsFaces && !faces) faces = await openFaceAnalyzer({ rendererDir: path.join(root, 'out', 'renderer') });
      const t0 = Date.now();
      const { report } = await checkFile(file, { preset: c.preset ?? 'motion-actions', faces: needsFaces ? faces : null });
      console.log(`${c.heldOut ? `[held out${c.set ? ` ${c.set}` : ''}] ` : ''}${c.id} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      for (const l of score(c, report.findings, report.stats.durationSec)) console.log(l);
      if (c.voiceGroup) {
        const g = voiceGroups.get(c.voiceGroup) ?? { cases: 0, flagged: 0 };
        g.cases++;
        if (findingsOf(report.findings, 'audio.second-voice').length) g.flagged++;
        voiceGroups.set(c.voiceGroup, g);
      }
    }
  } finally {
    await faces?.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nLabelled set (episode level: a finding that overlaps a labelled episode ±0.05 s is true)\n');
  console.log(table(scores.main));
  if (voiceGroups.size) {
    console.log('\naudio.second-voice by kind of case (single speakers: false alarms; mixes: hits)\n');
    console.log('| case kind | cases | with a second-voice finding | rate |\n|---|---|---|---|');
    for (const [g, v] of voiceGroups) console.log(`| ${g} | ${v.cases} | ${v.flagged} | ${(v.flagged / v.cases).toFixed(2)} |`);
  }
  for (const [set, t] of [...scores.held.entries()].sort()) {
    console.log(`\nHeld-out set ${set} (labelled before the code it measures, measured last)\n`);
    console.log(table(t));
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
