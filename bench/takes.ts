/**
 * Does a background finalize starve the next take? The next take's recording is stood in for by
 * a real-time encode (ffmpeg -re, 1080×1920 at 25 fps, x264 veryfast: about what Chromium's
 * MediaRecorder does), run alone, beside a finalize at normal priority, and beside a finalize at
 * FINALIZE_PRIORITY (nice 10). A real-time speed below 1.0× is what becomes dropped frames.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { locateFfmpeg, makeDeliveryMp4 } from '../src/main/services/ffmpeg';
import { FINALIZE_PRIORITY } from '../src/main/services/takes/finalize';
import { ffmpeg, tempDir, timed, type BenchEntry } from './lib';

const run = promisify(execFile);
const LIVE_SECONDS = 12;

async function liveSpeed(): Promise<number> {
  const { ms } = await timed(() =>
    run('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', `testsrc2=s=1080x1920:r=25:d=${LIVE_SECONDS}`,
      '-c:v', 'libx264', '-preset', 'veryfast', '-f', 'null', '-',
    ]),
  );
  return LIVE_SECONDS / (ms / 1000);
}

export async function benchTakes(): Promise<BenchEntry[]> {
  const dir = tempDir('takes');
  const raw = path.join(dir, 'raw.mkv');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=1080x1920:r=25:d=30', '-f', 'lavfi', '-i', 'sine=d=30', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', raw]);
  const ff = await locateFfmpeg();
  const entries: BenchEntry[] = [];
  entries.push({ name: 'live.alone', value: await liveSpeed(), unit: '× real time', note: 'the next take alone' });
  for (const [label, priority] of [
    ['normal', 0],
    ['niced', FINALIZE_PRIORITY],
  ] as const) {
    const finalize = timed(() => makeDeliveryMp4({ ff, input: raw, output: path.join(dir, `delivery-${label}.mp4`), priority }));
    const live = await liveSpeed();
    const { ms } = await finalize;
    entries.push({ name: `live.beside-finalize-${label}`, value: live, unit: '× real time', note: `finalize at nice ${priority}` });
    entries.push({ name: `finalize-${label}.seconds`, value: ms / 1000, unit: 's', note: '30-s 1080×1920 take' });
  }
  return entries;
}
