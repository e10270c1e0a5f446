import { readFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { locateFfmpeg } from '/work/wt/voiceperf/src/main/services/ffmpeg';
import { streamFfmpeg } from '/work/wt/voiceperf/src/main/services/ffmpeg/stream';
import { VoiceFrameAnalyzer } from '/work/wt/voiceperf/src/shared/voice/frames';
import { AudioAnalyzer } from '/work/wt/voiceperf/src/shared/qc/audio-analyzer';
import { loadSileroNode } from '/work/wt/voiceperf/src/main/services/voice/silero-node';
import { sileroProbs } from '/work/wt/voiceperf/src/shared/voice/silero';
const tick = 100;
function cpu(): number { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000 / tick; }
async function t<T>(name: string, fn: () => Promise<T> | T): Promise<T> { const c = cpu(); const w = performance.now(); const r = await fn(); console.log(`${name.padEnd(28)} wall ${((performance.now() - w) / 1000).toFixed(2)} s  cpu ${((cpu() - c) / 1000).toFixed(2)} s  load ${os.loadavg()[0]!.toFixed(1)}`); return r; }
const file = process.argv[2] ?? '/tmp/vp/speech-30min.wav';
const ff = await locateFfmpeg();
const only = process.argv[3] ?? 'all';
await t('ffmpeg decode to null', () => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']));
const pcm: Float32Array[] = [];
let total = 0;
await t('ffmpeg 16k f32 to node', () => streamFfmpeg(ff, ['-v', 'error', '-i', `file:${file}`, '-ac', '1', '-ar', '16000', '-f', 'f32le', 'pipe:1'], { onData: (c) => { const a = new Float32Array(c.buffer.slice(c.byteOffset, c.byteOffset + c.length - (c.length % 4))); pcm.push(a); total += a.length; } }));
const all = new Float32Array(total); let o = 0; for (const a of pcm) { all.set(a, o); o += a.length; }
await t('ffmpeg 16k + astats branch', () => streamFfmpeg(ff, ['-i', `file:${file}`, '-filter_complex', `[0:a:0]asplit=2[a][b];[a]aresample=16000,aformat=sample_fmts=flt:channel_layouts=mono[pcm];[b]astats=measure_perchannel=none:measure_overall=Peak_level+Peak_count[stats]`, '-map', '[pcm]', '-f', 'f32le', 'pipe:1', '-map', '[stats]', '-f', 'null', '-'], { onData: () => {} }));
await t('frame stats', () => { const fa = new VoiceFrameAnalyzer(); for (let i = 0; i < all.length; i += 65536) fa.push(all.subarray(i, i + 65536)); return fa.end(); });
await t('pitch 8k (s16 convert+YIN)', () => { const an = new AudioAnalyzer(8000 as 16000); const h = new Int16Array(all.length >> 1); for (let i = 0; i < h.length; i++) h[i] = Math.round((all[2*i]! + all[2*i+1]!) * 0.5 * 32767); an.push(new Uint8Array(h.buffer)); return an.end().length; });
if (only !== 'nosilero') {
  const model = await t('silero load', () => loadSileroNode());
  for (const lanes of (process.env.LANES ?? '256').split(',').map(Number)) await t(`silero wasm 1t lanes ${lanes}`, () => sileroProbs(model, all, { lanes }));
}
