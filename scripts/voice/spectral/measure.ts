/**
 * Measures the spectral second-voice experiment (issue #14; not a rule — rejected, see README
 * "Accuracy"): builds the voice cases of test/fixtures/accuracy-labels.json as scripts/accuracy.ts
 * does (ffmpeg, AAC in MP4), decodes them as the checker's audio pass does (16 kHz mono s16), and
 * prints per case how many voices the ΔBIC clustering finds at each penalty weight λ. Also the
 * single-speaker recipe of test/unit/second-voice.test.ts: d14 in 2-s phrases with 0.6-s pauses
 * (as a take has them; d14 as shot has no pause, so the level VAD finds no speech in it).
 *   npx tsx scripts/voice/spectral/measure.ts                # development cases only
 *   npx tsx scripts/voice/spectral/measure.ts --held-out     # and the held-out ones
 *   LAMBDAS=2,3.1,5 npx tsx scripts/voice/spectral/measure.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AudioAnalyzer } from '../../../src/shared/qc/audio-analyzer';
import { speechFrames } from '../../../src/shared/qc/audio-rules';
import { MfccStream } from './mfcc';
import { SPEAKER_CHANGE } from './params';
import { voiceClusters } from './second-voice';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
const media = path.resolve(root, '../shared/media');
interface Case { id: string; voice?: string[]; voiceMix?: string[]; derive?: string[]; voiceGroup?: string; heldOut?: boolean }
const withHeldOut = process.argv.includes('--held-out');
const cases = (JSON.parse(readFileSync(path.join(root, 'test/fixtures/accuracy-labels.json'), 'utf8')) as { cases: Case[] }).cases.filter(
  (c) => c.voiceGroup && (withHeldOut || !c.heldOut),
);
const work = mkdtempSync(path.join(os.tmpdir(), 'cs-spectral-'));
const ff = (args: string[]) => execFileSync(process.env.FFMPEG_PATH ?? 'ffmpeg', ['-v', 'error', '-nostdin', '-y', ...args], { maxBuffer: 1 << 30 });
const lambdas = (process.env.LAMBDAS ?? `2,2.6,3,${SPEAKER_CHANGE.lambda},3.4,4,5`).split(',').map(Number);

function build(c: Case, out: string): void {
  if (c.derive) return void ff(c.derive.map((a) => a.replaceAll('{media}', media).replaceAll('{out}', out)));
  const parts = (c.voice ?? c.voiceMix)!;
  const inputs = parts.flatMap((p) => ['-i', path.join(media, p)]);
  const labels = parts.map((_, i) => `[${i}:a]aresample=48000,aformat=channel_layouts=mono[a${i}]`).join(';');
  const join = c.voice
    ? `${parts.map((_, i) => `[a${i}]`).join('')}concat=n=${parts.length}:v=0:a=1[a]`
    : `${parts.map((_, i) => `[a${i}]`).join('')}amix=inputs=${parts.length}:duration=shortest:normalize=0[a]`;
  ff([...inputs, '-f', 'lavfi', '-i', 'color=gray:s=64x64:r=25', '-filter_complex', `${labels};${join}`, '-map', '[a]', '-map', `${parts.length}:v`, '-shortest', '-c:v', 'libx264', '-c:a', 'aac', out]);
}

function row(id: string, group: string, file: string): string {
  const pcm = new Uint8Array(ff(['-i', file, '-vn', '-af', 'aresample=16000,aformat=sample_fmts=s16:channel_layouts=mono', '-f', 's16le', '-']));
  const a = new AudioAnalyzer();
  a.push(pcm);
  const frames = a.end();
  const mfcc = new MfccStream();
  for (let i = 0; i + 1 < pcm.length; i += 2) mfcc.push((((pcm[i + 1]! << 8) | pcm[i]!) << 16 >> 16) / 32768);
  const speech = speechFrames(frames);
  const cells = lambdas.map((l) => String(voiceClusters(mfcc.frames, frames, speech, l).voices));
  const speechS = speech.filter(Boolean).length * 0.04;
  return `| ${id} | ${group} | ${speechS.toFixed(1)} | ${cells.join(' | ')} |`;
}

console.log(`| case | kind | speech s | ${lambdas.map((l) => `λ=${l}`).join(' | ')} |\n|---|---|---|${lambdas.map(() => '---|').join('')}`);
try {
  for (const c of cases) {
    const out = path.join(work, `${c.id}.mp4`);
    build(c, out);
    console.log(row(c.id, `${c.heldOut ? '[held out] ' : ''}${c.voiceGroup}`, out));
  }
  // The d14 recipe of test/unit/second-voice.test.ts: one young woman, 2-s phrases, 0.6-s pauses.
  const d14 = path.join(work, 'd14-pauses.wav');
  const starts = [0, 2.5, 5, 7.5, 10, 12.5, 15];
  const parts = starts.map((s, i) => `[0:a]atrim=${s}:${s + 2},asetpts=N/SR/TB[p${i}];[1:a]atrim=0:0.6,asetpts=N/SR/TB[s${i}]`).join(';');
  const chain = starts.map((_, i) => `[p${i}][s${i}]`).join('');
  ff(['-i', path.join(media, 'driving-d14.mp4'), '-f', 'lavfi', '-t', '1', '-i', 'anullsrc=r=16000:cl=mono', '-filter_complex', `${parts};${chain}concat=n=14:v=0:a=1`, '-ac', '1', '-ar', '16000', d14]);
  console.log(row('d14 with pauses (unit-test recipe)', 'single', d14));
} finally {
  rmSync(work, { recursive: true, force: true });
}
