import { readFileSync } from 'node:fs';
import os from 'node:os';
import { locateFfmpeg, probeMedia } from '../../src/main/services/ffmpeg';
import { streamFfmpeg } from '../../src/main/services/ffmpeg/stream';
import { VoiceFrameAnalyzer } from '../../src/shared/voice/frames';
function cpu(): number { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10; }
function own(): number { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
async function t<T>(name: string, fn: () => Promise<T> | T): Promise<T> { const c = cpu(); const o = own(); const w = performance.now(); const r = await fn(); console.log(`${name.padEnd(30)} wall ${((performance.now() - w) / 1000).toFixed(2)} s  tree cpu ${((cpu() - c) / 1000).toFixed(2)} s  node ${((own() - o) / 1000).toFixed(2)} s load ${os.loadavg()[0]!.toFixed(1)}`); return r; }
const file = '/tmp/vp/speech-30min.wav';
const ff = await locateFfmpeg();
const args = ['-i', `file:${file}`, '-filter_complex', `[0:a:0]asplit=2[a][b];[a]aresample=16000,aformat=sample_fmts=flt:channel_layouts=mono[pcm];[b]volumedetect[stats]`, '-map', '[pcm]', '-f', 'f32le', 'pipe:1', '-map', '[stats]', '-f', 'null', '-'];
//await t('probe', () => probeMedia(file, ff));
//await t('stream noop', () => streamFfmpeg(ff, args, { durationSec: 1800, onData: () => {} }));
const big = new Uint8Array(1801 * 16000 * 4); let off = 0;
await t('stream copy', () => streamFfmpeg(ff, args, { durationSec: 1800, onData: (c) => { big.set(c, off); off += c.length; } }));
const x = new Float32Array(big.buffer, 0, off >> 2);
await t('frames only', () => { const fa = new VoiceFrameAnalyzer(); for (let i = 0; i < x.length; i += 16384) fa.push(x.subarray(i, i + 16384)); return fa.end(); });
import { fft } from '../../src/shared/voice/frames';
{ // FFT against a direct DFT
  const n = 512; const re = new Float64Array(n), im = new Float64Array(n); const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.9));
  x.forEach((v, i) => (re[i] = v)); fft(re, im); let maxd = 0;
  for (let k = 0; k < n; k++) { let r = 0, q = 0; for (let t = 0; t < n; t++) { r += x[t]! * Math.cos(-2 * Math.PI * k * t / n); q += x[t]! * Math.sin(-2 * Math.PI * k * t / n); } maxd = Math.max(maxd, Math.abs(r - re[k]!), Math.abs(q - im[k]!)); }
  console.log('fft vs dft max diff', maxd);
}
