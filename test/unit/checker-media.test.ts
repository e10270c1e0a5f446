/**
 * The acceptance checker on real media and media derived from it with ffmpeg, faces included:
 * every frame through the live monitor's vision code in headless Chromium (needs `npm run build`
 * first, as `npm test` does).
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { useFaceAnalyzer } from './helpers/real-checker';
import type { CheckReport } from '../../src/shared/qc/report';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaDir, mediaFile } from './helpers/media';
const work = tempDir('cs-check-');
const analyzer = useFaceAnalyzer();
afterAll(async () => {
  work.cleanup();
});

const rules = (r: CheckReport, severity?: string) => r.findings.filter((f) => !severity || f.severity === severity).map((f) => f.rule);

describe('acceptance checker on real faces', () => {
  it('two faces in every frame (made from faces/two_people.jpg) → face.multiple over the whole length', async () => {
    const file = path.join(work.dir, 'two-people.mp4');
    ffmpegSync(['-loop', '1', '-i', path.join(mediaDir, 'faces/two_people.jpg'), '-t', '2', '-r', '25', '-vf', 'scale=960:-2', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', file]);
    const { report } = await checkFile(file, { preset: 'multi-aux', faces: analyzer() });
    const multiple = report.findings.filter((f) => f.rule === 'face.multiple');
    expect(multiple).toHaveLength(1);
    expect(multiple[0]!.start).toBeLessThanOrEqual(0.04);
    expect(multiple[0]!.end).toBeGreaterThanOrEqual(report.stats.durationSec - 0.08);
    expect(report.verdict).toBe('fail');
    expect(report.stats.framesAnalyzed).toBe(50);
  }, 180_000);

  it('talking-3 with 1 s of black spliced in at 2 s → face.missing and frames.discontinuous on 2.0–3.0 s, nothing else at error', async () => {
    const file = path.join(work.dir, 'talking-3-black.mp4');
    ffmpegSync([
      '-i', mediaFile('talking-3.mp4'),
      '-filter_complex',
      '[0:v]split[v1][v2];[v1]trim=0:2,setpts=PTS-STARTPTS[a];[v2]trim=2,setpts=PTS-STARTPTS[c];' +
        'color=black:s=590x590:r=25:d=1,format=yuv420p[b];[a][b][c]concat=n=3:v=1:a=0[v];' +
        '[0:a]asplit[x1][x2];[x1]atrim=0:2,asetpts=PTS-STARTPTS[p];[x2]atrim=2,asetpts=PTS-STARTPTS[q];' +
        'anullsrc=r=44100:cl=stereo,atrim=0:1[s];[p][s][q]concat=n=3:v=0:a=1[aout]',
      '-map', '[v]', '-map', '[aout]', '-c:v', 'libx264', '-preset', 'ultrafast', '-r', '25', '-c:a', 'aac', file,
    ]);
    // Multi-scene auxiliary: no silent segment, so only the splice can be an error.
    const { report } = await checkFile(file, { preset: 'multi-aux', faces: analyzer() });
    const frame = 0.04;
    for (const rule of ['face.missing', 'frames.discontinuous']) {
      const f = report.findings.find((x) => x.rule === rule && x.severity === 'error');
      expect(f, rule).toBeDefined();
      expect(Math.abs(f!.start - 2)).toBeLessThanOrEqual(frame + 1e-6);
      expect(Math.abs(f!.end - 3)).toBeLessThanOrEqual(frame + 1e-6);
    }
    expect([...new Set(rules(report, 'error'))].sort()).toEqual(['face.missing', 'frames.discontinuous']);
  }, 180_000);

  it('short_hamilton_clip (stage, cuts, several people) → cuts and face findings', async () => {
    const { report } = await checkFile(mediaFile('short_hamilton_clip.mp4'), { preset: 'multi-aux', faces: analyzer() });
    const cuts = report.findings.filter((f) => f.rule === 'frames.discontinuous' && f.message.startsWith('Cut'));
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    expect(rules(report).some((r) => r.startsWith('face.'))).toBe(true);
    expect(rules(report)).toContain('format.fps');
  }, 240_000);

  it('driving-d0 (green screen, black bar at the bottom, no audio) and the same as MOV', async () => {
    const { report } = await checkFile(mediaFile('driving-d0.mp4'), { preset: 'multi-aux', faces: analyzer() });
    expect(rules(report)).toEqual(expect.arrayContaining(['video.black-border', 'audio.missing']));
    expect(report.findings.find((f) => f.rule === 'video.black-border')?.message).toContain('bottom');
    const mov = path.join(work.dir, 'd0.mov');
    ffmpegSync(['-i', mediaFile('driving-d0.mp4'), '-c', 'copy', '-f', 'mov', mov]);
    const asMov = await checkFile(mov, { preset: 'multi-aux', faces: null });
    expect(rules(asMov.report, 'error')).toContain('format.container');
  }, 180_000);

  it('talking-1 (variable frame rate) → format.vfr; one face, frontal', async () => {
    const { report } = await checkFile(mediaFile('talking-1.mp4'), { preset: 'multi-aux', faces: analyzer() });
    expect(rules(report)).toContain('format.vfr');
    expect(rules(report)).not.toContain('face.multiple');
    expect(rules(report, 'error')).not.toContain('face.angle');
  }, 180_000);
});
