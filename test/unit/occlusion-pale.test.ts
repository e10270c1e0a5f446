/**
 * The pale test of lips.occluded (issue #14 item 1, measureLipRing): something white over the
 * lips' outer half, which the colour tests used to leave out as "teeth". The real checker (ffmpeg,
 * headless Chromium, MediaPipe) on a real clip with a white card composited by ffmpeg, and on a
 * real toothy smile. Expected frames come from the overlay's enable range and its contact sheet,
 * never from the checker.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { useFaceAnalyzer } from './helpers/real-checker';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

describe('lips.occluded: something pale over the lips, on real footage', () => {
  const work = tempDir('cs-pale-');
  const analyzer = useFaceAnalyzer();
  afterAll(async () => {
    work.cleanup();
  });
  const occluded = async (file: string) => (await checkFile(file, { preset: 'motion-actions', faces: analyzer() })).report.findings.filter((f) => f.rule === 'lips.occluded');

  it('an off-white card raised over the lower lip (frames 60-71, like a cup rim) is an error from 2.00 s', async () => {
    // talking-4 (700×700, 30 fps). Contact sheet of frames 60/63/66/69/71: the card's top edge
    // (y 333) lies over the whole lower lip in each, the upper lip shows from frame 63 on.
    const out = path.join(work.dir, 't4-white-card.mp4');
    ffmpegSync(['-i', mediaFile('talking-4.mp4'), '-vf', "drawbox=x=345:y=333:w=110:h=90:color=0xEEEAE2@1:t=fill:enable='between(n,60,71)'", '-an', out]);
    const found = await occluded(out);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    // ±1 frame at the episode's edges (the 2-frame minimum may start it one frame late).
    expect(found[0]!.start).toBeGreaterThanOrEqual(2.0 - 1e-6);
    expect(found[0]!.start).toBeLessThanOrEqual(2.0 + 1 / 30 + 1e-6);
    expect(found[0]!.end).toBeLessThanOrEqual(72 / 30 + 1 / 30 + 1e-6);
  }, 300_000);

  it('a wide toothy smile as shot (driving-d13) is no occlusion', async () => {
    expect(await occluded(mediaFile('driving-d13.mp4'))).toEqual([]);
  }, 300_000);
});
