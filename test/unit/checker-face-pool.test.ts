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

const faceFindings = (r: CheckReport, toFrame = Infinity) =>
  r.findings
    .filter((f) => (f.rule.startsWith('lips.') || f.rule.startsWith('face.')) && f.endFrame <= toFrame)
    .map((f) => ({ rule: f.rule, severity: f.severity, startFrame: f.startFrame, endFrame: f.endFrame }));

/**
 * The frames whose lip gap or face count differ, as "frame: a/b" lines: an empty list on success,
 * and on a failure a message that says which frames moved (a swap of two frames' answers shows as
 * two neighbours with each other's values).
 */
const differingFrames = (a: CheckReport, b: CheckReport) => {
  const out: string[] = [];
  const n = Math.max(a.series.lipGap.length, b.series.lipGap.length);
  for (let i = 0; i < n; i++) {
    if (a.series.lipGap[i] !== b.series.lipGap[i] || a.series.faces[i] !== b.series.faces[i]) {
      out.push(`${i}: gap ${a.series.lipGap[i]}/${b.series.lipGap[i]} faces ${a.series.faces[i]}/${b.series.faces[i]}`);
    }
  }
  return out;
};

const everyFrame = (r: CheckReport) => {
  expect(r.stats.framesAnalyzed).toBe(r.stats.framesTotal);
  expect(r.series.faces.length).toBe(r.stats.framesTotal);
};

describe('face pass with a pool of workers', () => {
  it('driving-d18.mp4 (lips labels): every frame analysed; measures and findings those of the one-worker path of before', async () => {
    const pool = await check('driving-d18.mp4', 2, 'IMAGE');
    const one = await check('driving-d18.mp4', 1, 'IMAGE');
    const before = await check('driving-d18.mp4', 1, 'VIDEO');
    for (const r of [pool, one, before]) everyFrame(r);
    // The pool against one worker of the same mode (only the sharing differs), then against the
    // tracking path of before; both listed per frame, so a failure says which side moved.
    expect(differingFrames(pool, one)).toEqual([]);
    expect(differingFrames(one, before)).toEqual([]);
    expect(faceFindings(pool)).toEqual(faceFindings(before));
    // The labelled silent-phase lip opening of d18 is found (frames 61-158 open, hand labels).
    expect(faceFindings(pool).map((f) => f.rule)).toContain('lips.open-in-silence');
  }, 600_000);

  it('short_hamilton_clip.mp4 (occlusion labels): the answer does not depend on the pool; the labelled span judged as before', async () => {
    const pool = await check('short_hamilton_clip.mp4', 2, 'IMAGE');
    const one = await check('short_hamilton_clip.mp4', 1, 'IMAGE');
    const before = await check('short_hamilton_clip.mp4', 1, 'VIDEO');
    for (const r of [pool, one, before]) everyFrame(r);
    // Whichever worker took a frame, the same measures and findings.
    expect(differingFrames(pool, one)).toEqual([]);
    expect(pool.series.yaw).toEqual(one.series.yaw);
    expect(faceFindings(pool)).toEqual(faceFindings(one));
    // Frames 0-212 hold every labelled frame (hamilton-occlusion-labels.json): the findings there are
    // those of the tracking (VIDEO) path of before. Beyond, in the dark audience shot the labels
    // leave out, VIDEO's tracker holds a face for a few frames longer than per-frame detection
    // (measured; see the speed note), so the two are not compared there.
    expect(faceFindings(pool, 213)).toEqual(faceFindings(before, 213));
    expect(faceFindings(pool).filter((f) => f.rule === 'lips.occluded')).toEqual(faceFindings(before).filter((f) => f.rule === 'lips.occluded'));
    expect(faceFindings(pool).some((f) => f.rule === 'lips.occluded')).toBe(true);
  }, 900_000);
});
