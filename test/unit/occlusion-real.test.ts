/**
 * Issue #14 item 1 on real media through the real checker (ffmpeg, headless Chromium, MediaPipe;
 * needs the built renderer): skin over the lips that the whole-ring colour measure used to miss.
 * The occluders are made with ffmpeg at test time, so the expected frames come from how the clip
 * was made, not from the checker: a blurred patch of the speaker's own forehead skin over the whole
 * mouth for two frames (a hand sweeping across, 0.08 s), and nothing on the untouched clip.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { openFaceAnalyzer } from '../../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../../src/main/services/checker/face-analyzer';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
const work = tempDir('cs-occlusion-');
let faces: FaceAnalyzer;

beforeAll(async () => {
  faces = await openFaceAnalyzer({ rendererDir: path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer') });
}, 120_000);
afterAll(async () => {
  await faces?.close();
  work.cleanup();
});

const occluded = async (file: string) =>
  (await checkFile(file, { preset: 'motion-actions', faces })).report.findings.filter((f) => f.rule === 'lips.occluded');

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
});
