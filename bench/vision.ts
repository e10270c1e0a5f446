import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from '../src/main/serve';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs } from '../e2e/env';
import type { HarnessFrame } from '../src/renderer/src/features/vision/harness';
import { ffmpeg, mediaDir, percentile, repoRoot, tempDir, type BenchEntry } from './lib';

/**
 * The live face and lip monitor (issue #5), in headless Debian Chromium on this machine:
 *  1. analysis time per frame in the vision worker (FaceLandmarker CPU delegate + measurement) for
 *     talking-3 framed as a portrait at 480, 720 and 1080×1920 (the last one unscaled, to show
 *     what the ≤ 720-px analysis size saves);
 *  2. the record screen with a 1080×1920 25-fps fake camera: frames analysed per second in the
 *     worker while the UI shows the preview and draws the overlay, camera frames skipped because
 *     the worker was busy, and preview frames the page did not present, against the same screen
 *     with the monitor unable to start (no model): what the monitor costs the UI thread.
 * Numbers to report, never pass/fail. The load average is printed with them: on a shared 2-core
 * machine it moves every number.
 */
/**
 * Runs in the record screen for `secs` seconds: preview frames presented (requestVideoFrameCallback),
 * animation frames longer than 50 ms, and the monitor's own counters from its readout. A string so
 * the bundler's helpers (tsx keeps function names) do not leak into the page.
 */
const MEASURE_PAGE = `async (secs) => {
  const v = document.querySelector('[data-testid="preview"]');
  const hud = document.querySelector('[data-testid="face-status"]');
  const q0 = v.getVideoPlaybackQuality();
  const a0 = Number(hud.dataset.analysed || 0);
  const s0 = Number(hud.dataset.skipped || 0);
  let presented = 0;
  let cb = 0;
  const count = () => { presented++; cb = v.requestVideoFrameCallback(count); };
  cb = v.requestVideoFrameCallback(count);
  let long = 0;
  let last = performance.now();
  let raf = 0;
  const tick = (now) => { if (now - last > 50) long++; last = now; raf = requestAnimationFrame(tick); };
  raf = requestAnimationFrame(tick);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, secs * 1000));
  const dt = (performance.now() - t0) / 1000;
  v.cancelVideoFrameCallback(cb);
  cancelAnimationFrame(raf);
  const q1 = v.getVideoPlaybackQuality();
  return {
    dt, presented,
    analysed: Number(hud.dataset.analysed || 0) - a0,
    skipped: Number(hud.dataset.skipped || 0) - s0,
    detectMs: Number(hud.dataset.detectMs || 0),
    dropped: q1.droppedVideoFrames - q0.droppedVideoFrames,
    longFrames: long,
    size: v.videoWidth + '×' + v.videoHeight,
  };
}`;

export async function benchVision(): Promise<BenchEntry[]> {
  const model = process.env.CAPTURE_STUDIO_FACE_MODEL ?? path.resolve(repoRoot, '../shared/models/face_landmarker.task');
  const rendererDir = path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'vision-harness.html'))) throw new Error(`build the studio first (${rendererDir}/vision-harness.html missing)`);
  const dir = tempDir('vision');
  const src = path.join(mediaDir, 'talking-3.mp4');
  const out: BenchEntry[] = [];
  const load = () => os.loadavg()[0]?.toFixed(1) ?? '?';

  const home = tempDir('vision-home');
  const server = await startServer({ port: 0, rendererDir, env: { ...process.env, CAPTURE_STUDIO_HOME: home, CAPTURE_STUDIO_FACE_MODEL: model } });
  const base = server.url.split('#')[0]?.replace(/\/$/, '') ?? '';
  let browser: Browser | null = null;
  try {
    // 1. The worker alone, frame after frame.
    browser = await chromium.launch({ executablePath: chromiumPath(), args: BASE_CHROMIUM_ARGS });
    for (const [label, w, h, maxSide] of [
      ['480', 270, 480, 720],
      ['720', 405, 720, 720],
      ['1080x1920', 1080, 1920, 1920],
    ] as const) {
      const frames = path.join(dir, `t3-${label}.pngs`);
      ffmpeg(['-i', src, '-vf', `scale=${w}:-2,pad=${w}:${h}:0:(oh-ih)/2,fps=25`, '-frames:v', '60', '-f', 'image2pipe', '-c:v', 'png', frames]);
      const page = await browser.newPage();
      await page.goto(`${base}/vision-harness.html#token=${server.token}`);
      await page.waitForFunction(() => typeof window.visionHarness === 'object');
      await page.evaluate(() => window.visionHarness.init('VIDEO'));
      await page.getByTestId('harness-files').setInputFiles(frames);
      const r = (await page.evaluate((m) => window.visionHarness.analyseFiles({ stream: true, maxSide: m }), maxSide)) as HarnessFrame[];
      await page.evaluate(() => window.visionHarness.close());
      await page.close();
      // The first frames warm the graph up (XNNPACK, the first detection): left out.
      const detect = r.slice(5).map((f) => f.detectMs);
      const total = r.slice(5).map((f) => f.totalMs);
      const size = `${r[0]?.width}×${r[0]?.height}`;
      out.push(
        { name: `analysis.${label}.p50`, value: percentile(detect, 50), unit: 'ms/frame', note: `FaceLandmarker at ${size}, CPU delegate, ${detect.length} frames, load ${load()}` },
        { name: `analysis.${label}.p95`, value: percentile(detect, 95), unit: 'ms/frame' },
        { name: `analysis.${label}.total.p50`, value: percentile(total, 50), unit: 'ms/frame', note: 'with measurement and lip colour check' },
      );
    }
    await browser.close();

    // 2. The record screen with a 1080×1920 camera, with and without the monitor running.
    const cam = path.join(dir, 'cam-1080x1920.mjpeg');
    ffmpeg(['-stream_loop', '-1', '-i', src, '-t', '12', '-vf', 'scale=1080:-2,pad=1080:1920:0:(oh-ih)/2,fps=25', '-q:v', '4', '-f', 'mjpeg', cam]);
    const noModelHome = tempDir('vision-nomodel');
    const noModel = await startServer({ port: 0, rendererDir, env: { ...process.env, CAPTURE_STUDIO_HOME: noModelHome, CAPTURE_STUDIO_FACE_MODEL: path.join(noModelHome, 'absent.task') } });
    try {
      for (const [label, srv] of [
        ['monitor-on', server],
        ['monitor-off', noModel],
      ] as const) {
        browser = await chromium.launch({ executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(cam, path.join(mediaDir, 'audio/jfk.wav'))] });
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(srv.url);
        const want = label === 'monitor-on' ? 'running' : 'error';
        await page.waitForFunction((s) => document.querySelector('[data-testid="face-status"]')?.getAttribute('data-status') === s, want, { timeout: 90_000 });
        if (label === 'monitor-on') await page.waitForFunction(() => Number(document.querySelector('[data-testid="face-status"]')?.getAttribute('data-analysed')) > 5, null, { timeout: 60_000 });
        const seconds = 10;
        const m = (await page.evaluate(`(${MEASURE_PAGE})(${seconds})`)) as {
          dt: number;
          presented: number;
          analysed: number;
          skipped: number;
          detectMs: number;
          dropped: number;
          longFrames: number;
          size: string;
        };
        await browser.close();
        browser = null;
        const expected = Math.round(25 * m.dt);
        out.push({ name: `live.${label}.preview-fps`, value: m.presented / m.dt, unit: 'frames/s presented', note: `${m.size} camera at 25 fps, ${m.dt.toFixed(1)} s, load ${load()}` });
        out.push({ name: `live.${label}.preview-missed`, value: Math.max(0, expected - m.presented), unit: `of ${expected} camera frames not presented`, note: `droppedVideoFrames ${m.dropped}` });
        out.push({ name: `live.${label}.long-ui-frames`, value: m.longFrames, unit: 'animation frames > 50 ms' });
        if (label === 'monitor-on') {
          out.push({ name: 'live.analysed-fps', value: m.analysed / m.dt, unit: 'frames/s analysed in the worker', note: `detect ${m.detectMs.toFixed(0)} ms (median of the last 30)` });
          out.push({ name: 'live.skipped', value: m.skipped, unit: 'camera frames skipped (worker busy)', note: `of ${m.analysed + m.skipped} shown` });
        }
      }
    } finally {
      await noModel.close();
    }
  } finally {
    await browser?.close().catch(() => {});
    await server.close();
  }
  return out;
}
