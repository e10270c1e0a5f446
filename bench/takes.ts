/**
 * Does a background finalize starve the next take? The next take's recording is stood in for by
 * a real-time encode (ffmpeg -re, 1080×1920 at 25 fps, x264 veryfast: about what Chromium's
 * MediaRecorder does), run alone, beside a finalize at normal priority, and beside a finalize at
 * FINALIZE_PRIORITY (nice 10). A real-time speed below 1.0× is what becomes dropped frames.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { locateFfmpeg, makeDeliveryMp4 } from '../src/main/services/ffmpeg';
import { FINALIZE_PRIORITY } from '../src/main/services/takes/finalize';
import { createStudio } from '../src/main/studio';
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
  // Stop → Record ready: how long recording.stop takes to answer, against the finalize behind it.
  const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: path.join(dir, 'home') } });
  const shoot = await studio.context.store.createShoot('bench', '');
  const devices = {
    camera: { deviceId: 'c', label: 'cam', width: 1080, height: 1920, frameRate: 25 },
    microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  };
  const started = await studio.dispatch('recording.start', { shootId: shoot.id, mimeType: 'video/x-matroska', devices, preset: 'quick', checklist: [], bitsPerSecond: 1e6 });
  if (!started.ok) throw new Error(started.error.message);
  const takeId = (started.value as { id: string }).id;
  const bytes = readFileSync(raw);
  const size = Math.ceil(bytes.length / 30);
  for (let i = 0, seq = 0; i < bytes.length; i += size, seq++) {
    await studio.dispatch('recording.chunk', { shootId: shoot.id, takeId, seq, data: new Uint8Array(bytes.subarray(i, i + size)) });
  }
  const stop = await timed(() => studio.dispatch('recording.stop', { shootId: shoot.id, takeId }));
  const fin = await timed(() => studio.context.recorder.whenFinalized(shoot.id, takeId));
  entries.push({ name: 'stop.reply-ms', value: stop.ms, unit: 'ms', note: 'recording.stop answers (status finalizing)' });
  entries.push({ name: 'stop.finalize-after-reply', value: fin.ms / 1000, unit: 's', note: `background finalize of a 30-s take, ${fin.value?.status}` });
  return entries;
}
