/**
 * Issue #14 item 1 on real media through the real checker (ffmpeg, headless Chromium, MediaPipe;
 * needs the built renderer): skin over the lips that the whole-ring colour measure used to miss.
 * The occluders are made with ffmpeg at test time, so the expected frames come from how the clip
 * was made, not from the checker: a blurred patch of the speaker's own forehead skin over the whole
 * mouth for two frames (a hand sweeping across, 0.08 s), and nothing on the untouched clip.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { useFaceAnalyzer } from './helpers/real-checker';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
const work = tempDir('cs-occlusion-');
const analyzer = useFaceAnalyzer();
afterAll(async () => {
  work.cleanup();
});

const occluded = async (file: string) =>
  (await checkFile(file, { preset: 'motion-actions', faces: analyzer() })).report.findings.filter((f) => f.rule === 'lips.occluded');

describe('lips.occluded on real faces', () => {
  it('driving-d20: a 2-frame skin sweep over the mouth (frames 60-61) is an error at 2.40 s; the clean clip has none', async () => {
    expect(await occluded(mediaFile('driving-d20.mp4'))).toEqual([]);
    const swept = path.join(work.dir, 'd20-sweep.mp4');
    // 80x44 px of his forehead (same frame), blurred like a moving hand, over the mouth (x 192-253, y 287-316 at frame 60).
    ffmpegSync([
      '-i', mediaFile('driving-d20.mp4'),
      '-filter_complex', "[0:v]split[a][b];[b]crop=80:44:190:130,boxblur=4[p];[a][p]overlay=182:282:enable='between(n,60,61)'",
      '-c:a', 'copy', swept,
    ]);
    const found = await occluded(swept);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.start).toBeCloseTo(2.4, 2);
    expect(found[0]!.end).toBeLessThanOrEqual(2.48 + 0.04 + 1e-6);
  }, 300_000);

  it('driving-d14: a finger-sized patch of her forehead over her right mouth corner (orig. frames 300-311) is an error at 2.00 s of the excerpt; the same excerpt and her grimace have none', async () => {
    // 8.0-11.0 s of the clip (frame 0 of the excerpt = frame 240), so the patch sits at excerpt frames 60-71.
    const excerpt = path.join(work.dir, 'd14-excerpt.mp4');
    ffmpegSync(['-ss', '8', '-i', mediaFile('driving-d14.mp4'), '-t', '3', '-an', excerpt]);
    expect(await occluded(excerpt)).toEqual([]);
    // Her bared-teeth grimace (frames 22-51, 0.73-1.73 s): no hand near the mouth (contact sheets).
    const grimace = path.join(work.dir, 'd14-grimace.mp4');
    ffmpegSync(['-i', mediaFile('driving-d14.mp4'), '-t', '2.5', '-an', grimace]);
    expect(await occluded(grimace)).toEqual([]);
    // 30x56 px of her forehead (x 222, y 178) over her right mouth corner (x 180-209, y 380-435): the
    // contact sheet shows it over the outer quarter of both lips.
    const finger = path.join(work.dir, 'd14-finger.mp4');
    ffmpegSync([
      '-ss', '8', '-i', mediaFile('driving-d14.mp4'), '-t', '3',
      '-filter_complex', "[0:v]split[a][b];[b]crop=30:56:222:178[p];[a][p]overlay=180:380:enable='between(n,60,71)'",
      '-an', finger,
    ]);
    const found = await occluded(finger);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.start).toBeCloseTo(2.0, 2);
    expect(found[0]!.end).toBeLessThanOrEqual(2.4 + 1 / 30 + 1e-6);
  }, 300_000);
});
