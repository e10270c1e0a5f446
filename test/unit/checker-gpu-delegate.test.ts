/**
 * Issue #15: the landmarker's GPU delegate in the checker. Real headless Chromium and MediaPipe
 * (needs the built renderer), real frames of driving-d18 (lips labels).
 *  - This machine has no GPU: the page's probe says so (no WebGL2, or a software renderer) and the
 *    check runs on the CPU pool, with the reason in the analyzer's delegate().
 *  - The GPU path itself, run in software GL (SwiftShader; its correctness, never its speed): the
 *    page measures the file's first frames on both delegates and only then trusts the GPU; the
 *    whole check on the GPU gives the per-frame measures and the findings of the CPU path.
 * The delegate choice is made on a file's first frames, so the checks run on d18's first second
 * (the probe cases) and first three seconds (GPU against CPU), not its whole length: software GL
 * is slow, and a longer file would only test the same per-frame path again.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile } from '../../src/main/services/checker/check-file';
import { headlessChromium, openFaceAnalyzer } from '../../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../../src/main/services/checker/face-analyzer';
import { HEADLESS_CHROMIUM_ARGS } from '../../src/main/services/chromium-path';
import type { CheckReport } from '../../src/shared/qc/report';
import { GPU_AGREEMENT } from '../../src/shared/vision/gpu-delegate';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
const rendererDir = path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
const open: FaceAnalyzer[] = [];
const work = tempDir('cs-gpu-');
afterAll(async () => {
  for (const f of open) await f.close().catch(() => {});
  work.cleanup();
});
/** d18's first `frames` frames, re-encoded near-losslessly (same size and rate). */
function d18First(frames: number): string {
  const out = path.join(work.dir, `d18-first-${frames}.mp4`);
  ffmpegSync(['-i', mediaFile('driving-d18.mp4'), '-frames:v', String(frames), '-c:v', 'libx264', '-crf', '8', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-an', out]);
  return out;
}

// WebGL2 without a GPU: ANGLE on SwiftShader (Chromium's software Vulkan).
const SOFTWARE_GL_ARGS = [...HEADLESS_CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];

const faceFindings = (r: CheckReport) =>
  r.findings.filter((f) => f.rule.startsWith('lips.') || f.rule.startsWith('face.')).map((f) => ({ rule: f.rule, startFrame: f.startFrame, endFrame: f.endFrame }));

async function check(file: string, opts: Parameters<typeof openFaceAnalyzer>[0]): Promise<{ report: CheckReport; faces: FaceAnalyzer }> {
  const faces = await openFaceAnalyzer({ rendererDir, ...opts });
  open.push(faces);
  try {
    return { report: (await checkFile(file, { preset: 'standard-short', faces })).report, faces };
  } finally {
    await faces.close();
  }
}

describe('GPU delegate', () => {
  it('no GPU here: the probe says so and the check runs on the CPU pool', async () => {
    const { report, faces } = await check(d18First(30), { workers: 1 });
    expect(report.stats.framesAnalyzed).toBe(report.stats.framesTotal);
    const d = faces.delegate?.();
    expect(d?.delegate).toBe('CPU');
    expect(d?.realGpu).toBe(false);
    // --disable-gpu: no WebGL2 at all; else a software renderer named in the reason.
    expect(d?.reason).toMatch(/no WebGL2|no real GPU/);
  }, 600_000);

  it('GPU asked for, on software GL: a software renderer is not taken for a GPU', async () => {
    const { faces } = await check(d18First(30), { workers: 1, delegate: 'gpu', launch: headlessChromium(process.env, SOFTWARE_GL_ARGS) });
    const d = faces.delegate?.();
    expect(d?.delegate).toBe('CPU');
    expect(d?.realGpu).toBe(false);
    expect(d?.renderer).toMatch(/SwiftShader/i);
  }, 600_000);

  it('the GPU path in software GL: verified on the first frames, every frame measured, the faces of the CPU', async () => {
    const file = d18First(90);
    const gpu = await check(file, { workers: 1, delegate: 'gpu-any', launch: headlessChromium(process.env, SOFTWARE_GL_ARGS) });
    const cpu = await check(file, { workers: 1, delegate: 'cpu' });
    const d = gpu.faces.delegate?.();
    expect(d?.verifiedFrames).toBe(GPU_AGREEMENT.frames);
    expect(d?.delegate, d?.reason).toBe('GPU');
    for (const r of [gpu.report, cpu.report]) expect(r.stats.framesAnalyzed).toBe(r.stats.framesTotal);
    expect(gpu.report.series.faces).toEqual(cpu.report.series.faces);
    // The verified frames agreed within the bounds (that is what made the page choose the GPU).
    expect(d!.largest!.lipGap!).toBeLessThanOrEqual(GPU_AGREEMENT.lipGap);
    // Past them the GPU graph's lip gaps are reported, not asserted: measured 26 Nov 2026 on all of d18, up
    // to 0.0236 apart (twice the 0.012 open threshold) while the first 8 frames stayed within 0.0015.
    // That is why the CPU is the default (faceDelegate) and the GPU only on request.
    const gaps = gpu.report.series.lipGap.map((g, i) => Math.abs((g ?? 0) - (cpu.report.series.lipGap[i] ?? 0)));
    const over = gaps.filter((g) => g > GPU_AGREEMENT.lipGap).length;
    console.log(
      `GPU (software GL) vs CPU on d18's first 90 frames: largest lip-gap difference ${Math.max(...gaps).toFixed(4)}, ${over}/${gaps.length} frames past ${GPU_AGREEMENT.lipGap}; ` +
        `first frames ${JSON.stringify(d?.largest)}\nGPU findings ${JSON.stringify(faceFindings(gpu.report))}\nCPU findings ${JSON.stringify(faceFindings(cpu.report))}`,
    );
  }, 900_000);
});
