import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { locateFfmpeg, probeMedia } from '../src/main/services/ffmpeg';
import { PeaksCache } from '../src/main/services/media/peaks';
import { ffmpeg, mediaDir, tempDir, timed, type BenchEntry } from './lib';

/**
 * Review (issue #17): "opening a 30-min take is interactive within 2 s". A 30-min 25-fps MP4 with
 * speech (silero-test.wav looped) is derived; we time what review.open does before the screen is
 * usable (ffprobe), the first streamed peaks (the first 30 s of waveform), the whole waveform, and a
 * second open (peaks from the disk cache). The renderer never decodes the file: the <video> seeks
 * by HTTP range on a +faststart MP4.
 */
export async function benchExport(): Promise<BenchEntry[]> {
  const ff = await locateFfmpeg();
  const dir = tempDir('export');
  try {
    const file = path.join(dir, 'take-30min.mp4');
    const seconds = Number(process.env.BENCH_REVIEW_SECONDS ?? 1800);
    const made = await timed(async () =>
      ffmpeg([
        '-f', 'lavfi', '-i', `color=c=gray:s=270x480:r=25:d=${seconds}`,
        '-stream_loop', '-1', '-i', path.join(mediaDir, 'audio/silero-test.wav'),
        '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-c:a', 'aac', '-ar', '48000', '-movflags', '+faststart', file,
      ]),
    );
    const open = await timed(() => probeMedia(file, ff));
    const cache = new PeaksCache({ dir: path.join(dir, 'cache'), ff: async () => ff });
    const key = await cache.key(file, 50);
    const t0 = performance.now();
    let firstChunkMs = NaN;
    const full = await cache.compute(file, key, 50, () => {
      if (Number.isNaN(firstChunkMs)) firstChunkMs = performance.now() - t0;
    });
    const fullMs = performance.now() - t0;
    const cached = await timed(async () => cache.cached(await cache.key(file, 50)));
    const size = (await fs.stat(path.join(dir, 'cache', `${key}.json`))).size;
    const note = `${(seconds / 60).toFixed(0)}-min take, 270×480 (derive ${(made.ms / 1000).toFixed(0)} s)`;
    return [
      { name: 'review.open-probe', value: open.ms, unit: 'ms', note },
      { name: 'review.peaks-first-chunk', value: firstChunkMs, unit: 'ms', note: 'first 5 s of waveform on screen' },
      { name: 'review.peaks-full', value: fullMs, unit: 'ms', note: `${full.max.length} buckets at 50/s` },
      { name: 'review.peaks-cached', value: cached.ms, unit: 'ms', note: `second open; cache file ${(size / 1024).toFixed(0)} KB` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
