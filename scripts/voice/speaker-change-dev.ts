/**
 * Development aid for the spectral second-voice test (issue #14): builds the DEVELOPMENT voice cases
 * of test/fixtures/accuracy-labels.json exactly as scripts/accuracy.ts does (never the held-out
 * ones), and prints per case how many voices the ΔBIC clustering finds at each penalty weight λ.
 * `npx tsx scripts/voice/speaker-change-dev.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AudioAnalyzer } from '../../src/shared/qc/audio-analyzer';
import { speechFrames } from '../../src/shared/qc/audio-rules';
import { voiceClusters } from '../../src/shared/voice/second-voice';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const media = path.resolve(root, '../shared/media');
interface Case { id: string; voice?: string[]; voiceMix?: string[]; voiceGroup?: string; heldOut?: boolean }
const cases = (JSON.parse(readFileSync(path.join(root, 'test/fixtures/accuracy-labels.json'), 'utf8')) as { cases: Case[] }).cases.filter(
  (c) => c.voiceGroup && !c.heldOut && (c.voice || c.voiceMix),
);
const work = mkdtempSync(path.join(os.tmpdir(), 'cs-voice4-'));
const ff = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { maxBuffer: 1 << 30 });
const lambdas = (process.env.LAMBDAS ?? '0.6,0.8,1,1.2,1.4,1.6,1.8,2,2.5,3').split(',').map(Number);
console.log(`case | group | voiced s | ${lambdas.join(' | ')}`);
for (const c of cases) {
  const parts = (c.voice ?? c.voiceMix)!;
  const out = path.join(work, `${c.id}.mp4`);
  const inputs = parts.flatMap((p) => ['-i', path.join(media, p)]);
  const labels = parts.map((_, i) => `[${i}:a]aresample=48000,aformat=channel_layouts=mono[a${i}]`).join(';');
  const join = c.voice
    ? `${parts.map((_, i) => `[a${i}]`).join('')}concat=n=${parts.length}:v=0:a=1[a]`
    : `${parts.map((_, i) => `[a${i}]`).join('')}amix=inputs=${parts.length}:duration=shortest:normalize=0[a]`;
  ff([...inputs, '-f', 'lavfi', '-i', 'color=gray:s=64x64:r=25', '-filter_complex', `${labels};${join}`, '-map', '[a]', '-map', `${parts.length}:v`, '-shortest', '-c:v', 'libx264', '-c:a', 'aac', out]);
  const pcm = new Uint8Array(ff(['-i', out, '-vn', '-af', 'aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono', '-f', 's16le', '-']));
  const a = new AudioAnalyzer();
  a.push(pcm);
  const frames = a.end();
  const speech = speechFrames(frames);
  const row = lambdas.map((l) => {
    const r = voiceClusters(a.mfcc!.frames, frames, speech, l);
    return `${r.voices}(${r.clusters.slice(0, 3).map((x) => x.seconds.toFixed(1)).join('/')})`;
  });
  const voiced = frames.filter((f, i) => speech[i]).length * 0.04;
  console.log(`${c.id} | ${c.voiceGroup} | ${voiced.toFixed(1)} | ${row.join(' | ')}`);
}
rmSync(work, { recursive: true, force: true });
