import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { sileroProbs } from '../../src/shared/voice/silero';
import { sileroModelPath } from '../../src/main/services/voice/silero-node';
import { execFileSync } from 'node:child_process';
const req = createRequire('/tmp/vp/ortn/');
const ort = req('onnxruntime-node');
function cpu(): number { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10; }
async function t<T>(name: string, fn: () => Promise<T> | T): Promise<T> { const c = cpu(); const w = performance.now(); const r = await fn(); console.log(`${name.padEnd(34)} wall ${((performance.now() - w) / 1000).toFixed(2)} s  cpu ${((cpu() - c) / 1000).toFixed(2)} s  load ${os.loadavg()[0]!.toFixed(1)}`); return r; }
const file = process.argv[2] ?? '/tmp/vp/speech-30min.wav';
const buf = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', '16000', '-f', 'f32le', 'pipe:1'], { maxBuffer: 1 << 30 });
const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length - (buf.length % 4)));
const bytes = readFileSync(sileroModelPath());
let ref: Float32Array | null = null;
for (const spec of (process.env.SPECS ?? '1:256,2:256,1:64,1:1024').split(',')) {
  const [threads, lanes] = spec.split(':').map(Number);
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential' });
  const p = await t(`native ${threads}t lanes ${lanes}`, () => sileroProbs({ ort, session }, all, { lanes }));
  let n = 0; for (const v of p) if (v >= 0.5) n++;
  let maxd = 0; if (ref) for (let i = 0; i < p.length; i++) maxd = Math.max(maxd, Math.abs(p[i]! - ref[i]!));
  ref ??= p;
  console.log(`  speech ${(n * 0.032).toFixed(2)} s, max |dp| vs first ${maxd.toFixed(4)}`);
}
