import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StudioError } from '../../../shared/errors';
import { FRAME_ANALYZER_PAGE } from '../../../shared/frame-feed';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../chromium-path';
import type { FaceAnalyzer } from './face-analyzer';
import { FrameHub } from './frame-hub';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * Faces for the checker outside Electron (CLI, serve mode): the studio's own server on 127.0.0.1
 * (built renderer, MediaPipe wasm, the face model) and a headless Chromium that opens the frame
 * analyzer page, which runs the live monitor's vision worker on the frames main sends it.
 */
export async function openFaceAnalyzer(opts: { env?: NodeJS.ProcessEnv; rendererDir?: string } = {}): Promise<FaceAnalyzer> {
  const env = opts.env ?? process.env;
  const rendererDir = opts.rendererDir ?? env.CAPTURE_STUDIO_RENDERER ?? path.resolve(here, '../../../../', env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, FRAME_ANALYZER_PAGE.slice(1)))) {
    throw new StudioError('not-found', `The built studio is missing (${rendererDir}${FRAME_ANALYZER_PAGE})`, { hint: 'Run "npm run build" once, then check again.' });
  }
  const executablePath = findChromium(env);
  if (!executablePath) {
    throw new StudioError('not-found', 'No Chromium or Chrome found for the face analysis', {
      hint: 'Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH',
    });
  }
  // Imported here so the CLI's other commands do not load the studio server or Playwright.
  const [{ startServer }, { chromium }] = await Promise.all([import('../../serve'), import('playwright-core')]);
  const hub = new FrameHub();
  const server = await startServer({ port: 0, rendererDir, env, frameHub: hub });
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    browser = await chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS });
    const page = await browser.newPage();
    const base = server.url.split('#')[0]!.replace(/\/$/, '');
    await page.goto(`${base}${FRAME_ANALYZER_PAGE}#token=${hub.token}`);
    await hub.ready(60_000).catch(async (err: Error) => {
      const why = await page.evaluate<string>('document.body.dataset.error || ""').catch(() => '');
      throw new StudioError('internal', `Face analysis could not start: ${why || err.message}`, {
        hint: 'Is the face model available? Set CAPTURE_STUDIO_FACE_MODEL to face_landmarker.task',
      });
    });
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    throw err;
  }
  const b = browser;
  return {
    measure: (frame) => hub.measure(frame),
    close: async () => {
      await hub.close();
      await b.close().catch(() => {});
      await server.close();
    },
  };
}
