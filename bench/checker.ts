import os from 'node:os';
import path from 'node:path';
import { checkFile } from '../src/main/services/checker/check-file';
import { faceWorkers, openFaceAnalyzer } from '../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../src/main/services/checker/face-analyzer';
import { analysisSize, runVideoPass } from '../src/main/services/checker/video-pass';
import { videoFrameTimes } from '../src/main/services/checker/frame-times';
import { locateFfmpeg, probeMedia } from '../src/main/services/ffmpeg';
import { VISION_ANALYSIS } from '../src/shared/standards';
import { ffmpeg, mediaDir, repoRoot, tempDir, type BenchEntry } from './lib';
import { ThreadCpu, treeCpuMs, treeRss } from './proc-tree';

/**
 * The acceptance checker's face pass (issue #15), on a clip made by looping real media (talking-3,
 * one face, with sound, 1080×1920 25 fps; BENCH_CHECK_SECONDS long, default 60; BENCH_CHECK_SOURCE
 * another file):
 *  - decode alone (ffmpeg → RGBA at the analysis size, nothing else);
 *  - the whole check, faces by one vision worker in VIDEO mode (the path before issue #15) and by
 *    the pool (one worker per core, IMAGE mode), each with where the time went: per frame, the
 *    landmarker's detect, the rest of the worker's frame (measurement incl. the lip-colour pass)
 *    and the round trip main → page → worker → main;
 *  - the landmarker's own limit measured in the same run (its detect time per frame × cores) and
 *    each check's ratio to it and to real time; machine, load average, RSS start/peak/end.
 * Numbers to report, never pass/fail.
 */
export async function benchChecker(): Promise<BenchEntry[]> {
  process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
  const rendererDir = path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
  const seconds = Number(process.env.BENCH_CHECK_SECONDS ?? 60);
  const source = process.env.BENCH_CHECK_SOURCE ?? path.join(mediaDir, 'talking-3.mp4');
  const dir = tempDir('check');
  const clip = path.join(dir, 'loop.mp4');
  ffmpeg([
    '-stream_loop', '-1', '-i', source, '-t', String(seconds),
    // BENCH_CHECK_NATIVE=1 keeps the source's own size (d18: 480×480, the smallest analysis size).
    '-vf', process.env.BENCH_CHECK_NATIVE === '1' ? 'fps=25' : 'scale=1080:-2,pad=1080:1920:0:(oh-ih)/2,fps=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-ar', '48000', clip,
  ]);
  const cores = os.availableParallelism();
  const out: BenchEntry[] = [
    { name: 'machine', value: cores, unit: 'cores', note: `${os.cpus()[0]?.model ?? '?'}; load ${loadavg()} at start` },
  ];

  // Decode alone, at the analysis size.
  const ff = await locateFfmpeg();
  const probe = await probeMedia(clip, ff);
  const v = probe.video!;
  const size = analysisSize(v.displayWidth, v.displayHeight, VISION_ANALYSIS.maxSide);
  const times = await videoFrameTimes(ff, clip);
  const d0 = performance.now();
  const decoded = await runVideoPass(ff, clip, { ...size, times, fps: 25, onFrame: (_f, done) => done() });
  const decodeMs = performance.now() - d0;
  out.push({ name: 'decode.ms-per-frame', value: decodeMs / decoded.frames, unit: 'ms', note: `${decoded.frames} frames at ${size.width}×${size.height}, RGBA, incl. continuity` });

  let limitFps = NaN;
  const runs: { label: string; open: () => Promise<FaceAnalyzer | null> }[] = [
    { label: 'no-faces', open: async () => null },
    { label: 'faces-1-video', open: () => openFaceAnalyzer({ rendererDir, workers: 1, mode: 'VIDEO' }) },
    { label: 'faces-1-image', open: () => openFaceAnalyzer({ rendererDir, workers: 1, mode: 'IMAGE' }) },
    { label: `faces-pool`, open: () => openFaceAnalyzer({ rendererDir, workers: faceWorkers(process.env), mode: 'IMAGE' }) },
  ];
  // BENCH_CHECK_RUNS=faces-pool (comma-separated labels) runs only those, e.g. a long RSS run.
  const only = process.env.BENCH_CHECK_RUNS?.split(',');
  for (const run of runs.filter((r) => !only || only.includes(r.label))) {
    const faces = await run.open();
    const rss = new RssSampler();
    const cpu0 = treeCpuMs();
    const threads = new ThreadCpu();
    const t0 = performance.now();
    try {
      const { report } = await checkFile(clip, { preset: 'standard-short', faces });
      const s = (performance.now() - t0) / 1000;
      const cpuMs = treeCpuMs() - cpu0;
      const parts = threads.stop();
      rss.stop();
      const n = report.stats.framesAnalyzed;
      const fps = n / s;
      const workers = faces?.concurrency ?? 0;
      out.push(
        { name: `${run.label}.realtime`, value: seconds / s, unit: '× real time', note: `${n}/${report.stats.framesTotal} frames in ${s.toFixed(1)} s, ${workers} worker(s), load ${loadavg()}` },
        { name: `${run.label}.fps`, value: fps, unit: 'frames/s' },
        // CPU time (studio + Chromium, all threads) per frame: what one core does, whatever the load.
        { name: `${run.label}.cpu-ms`, value: cpuMs / n, unit: 'CPU ms/frame', note: `≈ ${(1000 / (cpuMs / n)).toFixed(1)} frames/s per free core` },
        // The profile: which threads spent it (ffmpeg incl. audio/probe passes, studio main, page, workers …).
        ...Object.entries(parts)
          .filter(([, ms]) => ms > 0)
          .sort((a, b) => b[1] - a[1])
          .map(([part, ms]) => ({ name: `${run.label}.cpu.${part}`, value: ms / n, unit: 'CPU ms/frame' })),
      );
      const t = faces?.timings?.();
      if (t && t.frames > 0) {
        const detect = t.detectMs / t.frames;
        const worker = t.workerMs / t.frames;
        const trip = t.roundTripMs / t.frames;
        // The landmarker's limit on this machine: one detect per core at a time, measured now.
        if (run.label === 'faces-1-video' || !Number.isFinite(limitFps)) limitFps = (1000 / detect) * cores;
        out.push(
          { name: `${run.label}.detect-ms`, value: detect, unit: 'ms/frame', note: 'landmarker alone, in the worker' },
          { name: `${run.label}.hand-ms`, value: t.handMs / t.frames, unit: 'ms/frame', note: 'hand pass (crop + HandLandmarker), in the worker' },
          { name: `${run.label}.measure-ms`, value: worker - detect - t.handMs / t.frames, unit: 'ms/frame', note: 'rest of the worker: measurement incl. lip-colour pass' },
          { name: `${run.label}.round-trip-ms`, value: trip, unit: 'ms/frame', note: `main → page → worker → main (${workers} worker(s), 2 frames each in flight); transport+queue ≈ ${(trip - worker).toFixed(1)} ms` },
          // With 2 frames a worker in flight, a round trip of ~2 worker times means a frame was always
          // waiting in the page when a worker finished (no worker idled for main); ~1 would mean starved.
          { name: `${run.label}.pipeline-fill`, value: trip / worker, unit: 'worker times a round trip', note: '≈ 2: a frame always waiting for each worker; ≈ 1: workers wait for frames' },
          { name: `${run.label}.of-limit`, value: fps / limitFps, unit: '× landmarker limit', note: `limit ${limitFps.toFixed(1)} frames/s = ${cores} cores × 1000/${detect.toFixed(1)} ms` },
        );
      }
      // The CPU view of the limit (load-independent): the landmarker's own CPU a frame (the page's
      // workers) against the whole check's. With every part on the same cores, the check can reach
      // at most workers/total of the landmarker's limit, whatever the load.
      const workerCpu = parts['page-workers'] ?? 0;
      if (workerCpu > 0) {
        out.push(
          { name: `${run.label}.landmarker-cpu-ms`, value: workerCpu / n, unit: 'CPU ms/frame', note: `landmarker limit ${((cores * 1000) / (workerCpu / n)).toFixed(1)} frames/s on ${cores} free cores` },
          { name: `${run.label}.cpu-ceiling`, value: workerCpu / cpuMs, unit: '× landmarker limit', note: `the most this check can reach on free cores: workers' CPU / whole check's CPU; pipeline limit ${((cores * 1000) / (cpuMs / n)).toFixed(1)} frames/s` },
        );
      }
      const chosen = faces?.delegate?.();
      if (chosen) out.push({ name: `${run.label}.delegate`, value: chosen.delegate === 'GPU' ? 1 : 0, unit: chosen.delegate, note: `${chosen.reason}; WebGL2 renderer: ${chosen.renderer ?? 'none'}` });
      out.push({ name: `${run.label}.rss`, value: rss.peak / 2 ** 20, unit: 'MiB peak (studio + Chromium)', note: `start ${(rss.first / 2 ** 20).toFixed(0)}, at 25/50/75/100 % ${rss.quarters()} MiB` });
    } finally {
      threads.stop();
      rss.stop();
      await faces?.close();
    }
  }
  return out;
}

function loadavg(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
}

/** RSS of this process and every process under it (the headless Chromium), sampled every 500 ms. */
class RssSampler {
  first = treeRss();
  last = this.first;
  peak = this.first;
  readonly samples: number[] = [];
  private readonly timer = setInterval(() => {
    this.last = treeRss();
    this.samples.push(this.last);
    this.peak = Math.max(this.peak, this.last);
    // A long run (BENCH_CHECK_SECONDS=1800) says how it goes every minute, so a run cut short still tells.
    if (this.samples.length % 120 === 0) process.stderr.write(`  rss ${(this.last / 2 ** 20).toFixed(0)} MiB after ${this.samples.length / 2} s, load ${loadavg()}\n`);
  }, 500);
  /** MiB at 25 / 50 / 75 / 100 % of the run: flat means no growth with duration. */
  quarters(): string {
    const n = this.samples.length;
    if (n < 4) return '';
    return [0.25, 0.5, 0.75, 1].map((q) => (this.samples[Math.min(n - 1, Math.floor(q * n) - 1)]! / 2 ** 20).toFixed(0)).join(' / ');
  }
  stop(): void {
    clearInterval(this.timer);
  }
}
