import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { computePeaks } from '../../src/main/services/media/peaks';
import { locateFfmpeg } from '../../src/main/services/ffmpeg';
function cpu(): number { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10; }
async function t<T>(name: string, fn: () => Promise<T> | T): Promise<T> { const c = cpu(); const w = performance.now(); const r = await fn(); console.log(`${name.padEnd(40)} wall ${((performance.now() - w) / 1000).toFixed(2)} s  cpu ${((cpu() - c) / 1000).toFixed(2)} s  load ${os.loadavg()[0]!.toFixed(1)}`); return r; }
const file = '/tmp/vp/speech-30min.wav';
const ff = await locateFfmpeg();
//await t('ffmpeg decode null', () => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-']));
//await t('ffmpeg 8k s16 null', () => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', '8000', '-f', 's16le', '-y', '/dev/null']));
//await t('ffmpeg native s16 mono null', () => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-f', 's16le', '-y', '/dev/null']));
//await t('ffmpeg 8k lowfilter', () => execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-af', 'aresample=8000:filter_size=4:phase_shift=0', '-ac', '1', '-f', 's16le', '-y', '/dev/null']));
await t('computePeaks current', () => computePeaks(file, { ff, peaksPerSecond: 50 }));
import { probeMedia } from '../../src/main/services/ffmpeg';
import { streamFfmpeg } from '../../src/main/services/ffmpeg/stream';
await t('probeMedia', () => probeMedia(file, ff));
await t('stream 8k noop', () => streamFfmpeg(ff, ['-v', 'error', '-i', file, '-map', '0:a:0', '-vn', '-sn', '-dn', '-ac', '1', '-ar', '8000', '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'], { onData: () => {}, durationSec: 1800 }));
await t('stream 8k noop no progress', () => new Promise<void>((res) => { const c = spawn('ffmpeg', ['-v', 'error', '-i', file, '-ac', '1', '-ar', '8000', '-f', 's16le', 'pipe:1']); c.stdout.on('data', () => {}); c.on('close', () => res()); }));
