/**
 * Issue #14: the same frames give the same findings wherever they sit in a file. A clip and the
 * same clip concatenated with itself (ffmpeg concat, stream copy: the very same frames) go through
 * the real checker (headless Chromium, MediaPipe, needs the built renderer); the per-frame
 * measures of both halves must be equal and the findings of the second half those of the first,
 * shifted by the clip's length (±1 frame at episode edges).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { useFaceAnalyzer } from './helpers/real-checker';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
const work = tempDir('cs-determinism-');
const analyzer = useFaceAnalyzer();
afterAll(async () => {
  work.cleanup();
});

describe('deterministic per-frame results', () => {
  it('driving-d18 twice in a row: both halves measure and judge the same', async () => {
    const list = path.join(work.dir, 'list.txt');
    writeFileSync(list, `file '${mediaFile('driving-d18.mp4')}'\nfile '${mediaFile('driving-d18.mp4')}'\n`);
    const twice = path.join(work.dir, 'd18x2.mp4');
    ffmpegSync(['-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', twice]);
    // Both halves (14.4 s) inside the standard preset's 30-s silent segment: the same phase for both.
    const { report } = await checkFile(twice, { preset: 'standard-short', faces: analyzer() });
    const n = 216; // driving-d18.mp4's frames (counted with ffprobe -count_packets)
    const gap = report.series.lipGap;
    expect(gap.length).toBeGreaterThanOrEqual(2 * n - 1);
    for (let i = 0; i < n && i + n < gap.length; i++) expect(gap[i + n]).toBe(gap[i]);
    expect(report.series.faces.slice(n)).toEqual(report.series.faces.slice(0, gap.length - n));
    const clip = report.series.frameT[n]!;
    const lips = report.findings.filter((f) => f.rule.startsWith('lips.') || f.rule.startsWith('face.'));
    const first = lips.filter((f) => f.end <= clip + 0.05);
    const second = lips.filter((f) => f.start >= clip - 0.05);
    const frame = 1 / 30 + 1e-6;
    expect(first.map((f) => f.rule)).toContain('lips.open-in-silence');
    expect(second.length).toBe(first.length);
    second.forEach((f, k) => {
      expect(f.rule).toBe(first[k]!.rule);
      expect(Math.abs(f.start - clip - first[k]!.start)).toBeLessThanOrEqual(frame);
    });
  }, 300_000);
});
