import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../../src/main/services/ffmpeg';
import { computePeaks, PeaksCache, PEAK_SCALE, type PeaksChunk } from '../../src/main/services/media/peaks';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const t = tempDir('peaks-');
let toneFile = '';
beforeAll(() => {
  // 2 s of silence, then 2 s of a 440 Hz sine at amplitude 0.5 (−6 dBFS: lavfi's sine is 1/8, ×4), in an MP4 with video,
  // built from the real talking-3.mp4 picture: the expected peaks are known from the generator.
  toneFile = path.join(t.dir, 'tone.mp4');
  ffmpegSync([
    '-i', mediaFile('talking-3.mp4'),
    '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono:d=2',
    '-f', 'lavfi', '-i', 'sine=f=440:r=48000:d=2',
    '-filter_complex', '[2:a]volume=4[s];[1:a][s]concat=n=2:v=0:a=1[a]',
    '-map', '0:v', '-map', '[a]', '-t', '4', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-b:a', '192k', toneFile,
  ]);
});
afterAll(() => t.cleanup());

describe('media.peaks (ffmpeg in main)', () => {
  it('silence reads 0 and a −6 dBFS sine reads half scale, bucket by bucket, streamed in order', async () => {
    const ff = await locateFfmpeg();
    const chunks: PeaksChunk[] = [];
    const p = await computePeaks(toneFile, { ff, peaksPerSecond: 50, chunkBuckets: 40, onChunk: (c) => chunks.push(c) });
    expect(p.hasAudio).toBe(true);
    // 4 s at 50/s (the AAC encoder may add a frame of priming: allow one bucket either way)
    expect(Math.abs(p.max.length - 200)).toBeLessThanOrEqual(3);
    const half = Math.round(0.5 * PEAK_SCALE);
    for (let i = 5; i < 95; i++) expect(p.max[i]).toBeLessThanOrEqual(1);
    for (let i = 105; i < 195; i++) {
      expect(Math.abs(p.max[i]! - half)).toBeLessThanOrEqual(3);
      expect(Math.abs(-p.min[i]! - half)).toBeLessThanOrEqual(3);
    }
    const joined = chunks.flatMap((c) => c.max);
    expect(joined).toEqual(p.max);
    expect(chunks.map((c) => c.offset)).toEqual(chunks.map((_, i) => i * 40));
  });

  it('a file without audio has no peaks, and says so', async () => {
    const p = await computePeaks(mediaFile('driving-d0.mp4'), { ff: await locateFfmpeg() });
    expect(p.hasAudio).toBe(false);
    expect(p.max).toEqual([]);
  });

  it('caches by file identity; a changed file gets a new key', async () => {
    const cacheDir = path.join(t.dir, 'cache');
    const cache = new PeaksCache({ dir: cacheDir, ff: () => locateFfmpeg() });
    const copy = path.join(t.dir, 'copy.mp4');
    await fs.copyFile(toneFile, copy);
    const key = await cache.key(copy, 50);
    expect(await cache.cached(key)).toBeNull();
    const a = cache.compute(copy, key, 50, () => {});
    const b = cache.compute(copy, key, 50, () => {});
    expect(a).toBe(b); // one decode per file at a time
    const full = await a;
    expect(await cache.cached(key)).toEqual(full);
    await fs.appendFile(copy, Buffer.alloc(10));
    expect(await cache.key(copy, 50)).not.toBe(key);
  });

  it('refuses nonsense rates and unreadable files with a clear error', async () => {
    const ff = await locateFfmpeg();
    await expect(computePeaks(toneFile, { ff, peaksPerSecond: 0 })).rejects.toThrow(/peaksPerSecond/);
    const junk = path.join(t.dir, 'junk.mp4');
    await fs.writeFile(junk, 'not a video');
    await expect(computePeaks(junk, { ff })).rejects.toThrow();
  });
});
