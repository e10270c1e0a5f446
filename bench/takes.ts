/**
 * Does a background finalize starve the next take? The next take's recording is stood in for by
 * a real-time encode (ffmpeg -re, 1080×1920 at 25 fps, x264 veryfast: about what Chromium's
 * MediaRecorder does), run alone, beside a finalize at normal priority, and beside a finalize at
 * BACKGROUND_PRIORITY (nice 10). A real-time speed below 1.0× is what becomes dropped frames.
 * Before that (issue #15), the finalize encode itself on a 12-s 1080×1920 take made like
 * MediaRecorder's from a real face clip: the take's encode (FINALIZE_ENCODE) against the general
 * delivery encode (veryfast, what it was) and plain ultrafast (the limit), as × the take's duration
 * in wall time and in CPU time ÷ cores (what an idle machine would give; other sessions' load does
 * not move it), with the SSIM of each against the raw take.
 */
import { execFile } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { locateFfmpeg, makeDeliveryMp4 } from '../src/main/services/ffmpeg';
import { BACKGROUND_PRIORITY } from '../src/main/services/ffmpeg';
import { createStudio } from '../src/main/studio';
import { FINALIZE_ENCODE } from '../src/shared/standards';
import { ffmpeg, mediaDir, tempDir, timed, type BenchEntry } from './lib';

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

/** CPU seconds used by finished children (ffmpeg) so far, from /proc; NaN elsewhere. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return NaN;
  }
}

function ssimOf(a: string, b: string): number {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostdin', '-i', a, '-i', b, '-lavfi', '[0:v][1:v]ssim', '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(/All:([\d.]+)/.exec(r.stderr)?.[1] ?? NaN);
}

/** The finalize encode against veryfast (before) and plain ultrafast (the limit), same take, same run. */
async function finalizeEncodes(dir: string): Promise<BenchEntry[]> {
  const seconds = 12;
  const raw = path.join(dir, 'camera-take.mkv');
  ffmpeg([
    '-stream_loop', '3', '-i', path.join(mediaDir, 'talking-3.mp4'), '-i', path.join(mediaDir, 'audio/jfk.wav'), '-t', String(seconds), '-map', '0:v', '-map', '1:a',
    '-vf', 'scale=-2:1920,crop=1080:1920,fps=25', '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-b:v', '8M', '-c:a', 'libopus', '-f', 'matroska', raw,
  ]);
  const ff = await locateFfmpeg();
  const cores = os.cpus().length;
  const runs = [
    { label: 'veryfast', preset: 'veryfast', x264Params: undefined },
    { label: 'finalize', preset: FINALIZE_ENCODE.preset, x264Params: FINALIZE_ENCODE.x264Params },
    { label: 'ultrafast', preset: 'ultrafast', x264Params: undefined },
  ];
  const measured: Record<string, { wall: number; cpu: number; ssim: number; mb: number }> = {};
  for (const r of runs) {
    const output = path.join(dir, `fin-${r.label}.mp4`);
    const c0 = childCpuSeconds();
    const { ms } = await timed(() => makeDeliveryMp4({ ff, input: raw, output, preset: r.preset, crf: FINALIZE_ENCODE.crf, x264Params: r.x264Params, videoFrames: seconds * 25, padAudio: true }));
    const cpu = childCpuSeconds() - c0;
    measured[r.label] = { wall: ms / 1000, cpu, ssim: ssimOf(output, raw), mb: readFileSync(output).byteLength / 1e6 };
  }
  const load = os.loadavg()[0]?.toFixed(1) ?? '?';
  return runs.map((r) => {
    const m = measured[r.label]!;
    const limit = measured.ultrafast!;
    return {
      name: `finalize-encode.${r.label}`,
      value: m.cpu / cores / seconds,
      unit: `× take duration (CPU ÷ ${cores} cores; goal ≤ 0.3)`,
      note: `wall ${(m.wall / seconds).toFixed(2)}× at load ${load}; ${(m.cpu / limit.cpu).toFixed(2)}× ultrafast's CPU; SSIM vs raw ${m.ssim.toFixed(4)}; ${m.mb.toFixed(1)} MB; preset ${r.preset}${r.x264Params ? ` ${r.x264Params}` : ''}`,
    };
  });
}

export async function benchTakes(): Promise<BenchEntry[]> {
  const dir = tempDir('takes');
  const raw = path.join(dir, 'raw.mkv');
  ffmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=1080x1920:r=25:d=30', '-f', 'lavfi', '-i', 'sine=d=30', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', raw]);
  const ff = await locateFfmpeg();
  const entries: BenchEntry[] = [...(await finalizeEncodes(dir))];
  entries.push({ name: 'live.alone', value: await liveSpeed(), unit: '× real time', note: 'the next take alone' });
  for (const [label, priority] of [
    ['normal', 0],
    ['niced', BACKGROUND_PRIORITY],
  ] as const) {
    const finalize = timed(() =>
      makeDeliveryMp4({ ff, input: raw, output: path.join(dir, `delivery-${label}.mp4`), priority, preset: FINALIZE_ENCODE.preset, crf: FINALIZE_ENCODE.crf, x264Params: FINALIZE_ENCODE.x264Params }),
    );
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
