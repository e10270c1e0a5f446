import path from 'node:path';
import { locateFfmpeg, makeDeliveryMp4, probeMedia } from '../src/main/services/ffmpeg';
import { ffmpeg, mediaDir, percentile, tempDir, timed, type BenchEntry } from './lib';

/**
 * Probe time per file, and the record→MP4 finalize time as a ratio of the take's duration, on a
 * 10-s 1080×1920 recording shaped like Chromium's MediaRecorder output (H.264 + Opus in Matroska).
 */
export async function benchFoundation(): Promise<BenchEntry[]> {
  const ff = await locateFfmpeg();
  const files = ['talking-1.mp4', 'talking-3.mp4', 'driving-d0.mp4', 'short_hamilton_clip.mp4', 'driving-d13.mp4'];
  const probeMs: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const f of files) probeMs.push((await timed(() => probeMedia(path.join(mediaDir, f), ff))).ms);
  }

  const dir = tempDir('finalize');
  const raw = path.join(dir, 'raw.mkv');
  const seconds = 10;
  ffmpeg([
    '-stream_loop', '-1', '-i', path.join(mediaDir, 'talking-3.mp4'),
    '-t', String(seconds),
    '-vf', 'scale=1080:-2,pad=1080:1920:0:(oh-ih)/2,fps=30',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '20M', '-pix_fmt', 'yuv420p',
    '-c:a', 'libopus', '-b:a', '256k', '-ar', '48000',
    raw,
  ]);
  const fin = await timed(() => makeDeliveryMp4({ ff, input: raw, output: path.join(dir, 'delivery.mp4'), durationSec: seconds }));
  return [
    { name: 'probe.p50', value: percentile(probeMs, 50), unit: 'ms', note: `${probeMs.length} probes of ${files.length} files` },
    { name: 'probe.p95', value: percentile(probeMs, 95), unit: 'ms' },
    {
      name: 'finalize.ratio',
      value: fin.ms / 1000 / seconds,
      unit: '× take duration',
      note: `10 s 1080×1920 H.264+Opus MKV → delivery MP4 in ${(fin.ms / 1000).toFixed(2)} s`,
    },
  ];
}
