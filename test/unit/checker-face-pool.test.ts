/**
 * Issue #15: the checker's pool of vision workers. Real checker, real headless Chromium and
 * MediaPipe (needs the built renderer), on the clips with hand labels (driving-d18: lips,
 * short_hamilton_clip: occlusion). Every frame is analysed, the answer of a frame does not depend on
 * how many workers share the frames, and the findings are those of the one-worker path of before.
 * Timings are not asserted.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { openFaceAnalyzer } from '../../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../../src/main/services/checker/face-analyzer';
import type { CheckReport } from '../../src/shared/qc/report';
import { mediaFile, repoRoot } from './helpers/media';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
const rendererDir = path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
const open: FaceAnalyzer[] = [];

afterAll(async () => {
  for (const f of open) await f.close().catch(() => {});
});

async function check(file: string, workers: number, mode: 'IMAGE' | 'VIDEO'): Promise<CheckReport> {
  const faces = await openFaceAnalyzer({ rendererDir, workers, mode });
  open.push(faces);
  try {
    expect(faces.concurrency).toBe(workers);
    return (await checkFile(mediaFile(file), { preset: 'standard-short', faces })).report;
  } finally {
    await faces.close();
  }
}

const faceFindings = (r: CheckReport) =>
  r.findings.filter((f) => f.rule.startsWith('lips.') || f.rule.startsWith('face.')).map((f) => ({ rule: f.rule, severity: f.severity, startFrame: f.startFrame, endFrame: f.endFrame }));

describe('face pass with a pool of workers', () => {
  for (const clip of ['driving-d18.mp4', 'short_hamilton_clip.mp4']) {
    it(`${clip}: every frame analysed, the same findings as one worker`, async () => {
      const pool = await check(clip, 2, 'IMAGE');
      const one = await check(clip, 1, 'IMAGE');
      for (const r of [pool, one]) {
        expect(r.stats.framesAnalyzed).toBe(r.stats.framesTotal);
        expect(r.series.faces.length).toBe(r.stats.framesTotal);
      }
      // Frame by frame the same measures, whichever worker took the frame.
      expect(pool.series.lipGap).toEqual(one.series.lipGap);
      expect(pool.series.yaw).toEqual(one.series.yaw);
      expect(pool.series.faces).toEqual(one.series.faces);
      expect(faceFindings(pool)).toEqual(faceFindings(one));
      expect(faceFindings(pool).length).toBeGreaterThan(0);
    }, 600_000);
  }
});
