import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StudioError } from '../../../shared/errors';
import { FRAME_ANALYZER_PAGE } from '../../../shared/frame-feed';
import { HEADLESS_CHROMIUM_ARGS } from '../chromium-path';
import type { FaceAnalyzer } from './face-analyzer';
import { FrameHub, MAX_PAGE_WORKERS } from './frame-hub';
import { startFrameHost } from './frame-host';
import { openHeadlessPage } from './headless-page';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Faces for the checker: a frame host on 127.0.0.1 (built renderer, MediaPipe wasm, the face model,
 * the frame feed — no studio inside, issue #11 item 3) and a page that opens the frame analyzer,
 * which runs the live monitor's vision worker on the frames main sends it.
 */
/** Opens the analyzer page somewhere (a headless Chromium by default; a hidden window in Electron). */
export type PageLauncher = (url: string) => Promise<{ close(): Promise<void>; describeFailure(): Promise<string>; exited?: Promise<void> }>;

export async function openFaceAnalyzer(
  opts: {
    env?: NodeJS.ProcessEnv;
    rendererDir?: string;
    launch?: PageLauncher;
    /** Vision workers in the page (default faceWorkers(env)). */
    workers?: number;
    /** VIDEO (tracking, one worker only): the single-worker path of before, for the benchmark's comparison. */
    mode?: 'IMAGE' | 'VIDEO';
    /** cpu (default, faceDelegate(env)); gpu: a real GPU, verified on the first frames; gpu-any: any WebGL2 (tests). */
    delegate?: 'cpu' | 'gpu' | 'gpu-any';
  } = {},
): Promise<FaceAnalyzer> {
  const env = opts.env ?? process.env;
  const rendererDir = opts.rendererDir ?? env.CAPTURE_STUDIO_RENDERER ?? path.resolve(here, '../../../../', env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, FRAME_ANALYZER_PAGE.slice(1)))) {
    throw new StudioError('not-found', `The built studio is missing (${rendererDir}${FRAME_ANALYZER_PAGE})`, { hint: 'Run "npm run build" once, then check again.' });
  }
  const launch = opts.launch ?? headlessChromium(env);
  const hub = new FrameHub();
  const server = await startFrameHost({ rendererDir, hub, env });
  let page: Awaited<ReturnType<PageLauncher>> | null = null;
  try {
    page = await launch(`${server.base}${FRAME_ANALYZER_PAGE}#token=${hub.token}&workers=${opts.workers ?? faceWorkers(env)}&mode=${opts.mode ?? 'IMAGE'}&delegate=${opts.delegate ?? faceDelegate(env)}`);
    const p = page;
    // A browser that exits before the page is ready (missing libraries, a wrong CHROMIUM_PATH)
    // fails the start at once instead of after the ready timeout.
    const gone = p.exited?.then(() => {
      throw new Error('the browser exited before the analyzer page was ready');
    });
    await Promise.race([hub.ready(60_000), ...(gone ? [gone] : [])]).catch(async (err: Error) => {
      const why = hub.failure() ?? (await p.describeFailure().catch(() => ''));
      throw new StudioError('internal', `Face analysis could not start: ${why || err.message}`, {
        hint: 'Is the face model available? Set CAPTURE_STUDIO_FACE_MODEL to face_landmarker.task',
      });
    });
  } catch (err) {
    await page?.close().catch(() => {});
    await server.close();
    throw err;
  }
  const opened = page;
  return {
    measure: (frame) => hub.measure(frame),
    get concurrency() {
      return hub.concurrency;
    },
    timings: () => hub.timings(),
    delegate: () => hub.delegate(),
    handPass: () => hub.handPass(),
    close: async () => {
      await hub.close();
      await opened.close().catch(() => {});
      await server.close();
    },
  };
}

/**
 * One vision worker per core (issue #15): the landmarker runs on one thread, so on n cores n
 * workers measure n frames at once. CAPTURE_STUDIO_FACE_WORKERS overrides (1 … MAX_PAGE_WORKERS).
 */
export function faceWorkers(env: NodeJS.ProcessEnv): number {
  const asked = Number(env.CAPTURE_STUDIO_FACE_WORKERS);
  const n = Number.isInteger(asked) && asked >= 1 ? asked : os.availableParallelism();
  return Math.min(MAX_PAGE_WORKERS, Math.max(1, n));
}

/**
 * CAPTURE_STUDIO_FACE_DELEGATE=gpu: the landmarker's GPU delegate where a real GPU is found and its
 * answers agree with the CPU's on the file's first frames. Default cpu: the GPU graph's answers were
 * measured to drift from the CPU's past the first frames (checker-gpu-delegate.test.ts, README Speed).
 */
export function faceDelegate(env: NodeJS.ProcessEnv): 'cpu' | 'gpu' {
  return env.CAPTURE_STUDIO_FACE_DELEGATE?.trim().toLowerCase() === 'gpu' ? 'gpu' : 'cpu';
}

/**
 * The default launcher: Debian's (or any installed) Chromium, headless, with no DevTools client
 * (headless-page.ts says why). `args`: other flags (the GPU test drops --disable-gpu for WebGL2 in software).
 */
export function headlessChromium(env: NodeJS.ProcessEnv, args: readonly string[] = HEADLESS_CHROMIUM_ARGS): PageLauncher {
  return (url) => openHeadlessPage(url, env, args);
}
