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
/** Opens the analyzer page somewhere (a headless Chromium by default; a hidden window in Electron). */
export type PageLauncher = (url: string) => Promise<{ close(): Promise<void>; describeFailure(): Promise<string> }>;

export async function openFaceAnalyzer(opts: { env?: NodeJS.ProcessEnv; rendererDir?: string; launch?: PageLauncher } = {}): Promise<FaceAnalyzer> {
  const env = opts.env ?? process.env;
  const rendererDir = opts.rendererDir ?? env.CAPTURE_STUDIO_RENDERER ?? path.resolve(here, '../../../../', env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, FRAME_ANALYZER_PAGE.slice(1)))) {
    throw new StudioError('not-found', `The built studio is missing (${rendererDir}${FRAME_ANALYZER_PAGE})`, { hint: 'Run "npm run build" once, then check again.' });
  }
  const launch = opts.launch ?? headlessChromium(env);
  // Imported here so the CLI's other commands do not load the studio server.
  // eslint-disable-next-line local/import-boundaries -- the known breach ADR 0005 names; net's frame host (#11 item 3) removes it
  const { startServer } = await import('../../serve');
  const hub = new FrameHub();
  const server = await startServer({ port: 0, rendererDir, env, frameHub: hub });
  let page: Awaited<ReturnType<PageLauncher>> | null = null;
  try {
    const base = server.url.split('#')[0]!.replace(/\/$/, '');
    page = await launch(`${base}${FRAME_ANALYZER_PAGE}#token=${hub.token}`);
    const p = page;
    await hub.ready(60_000).catch(async (err: Error) => {
      const why = await p.describeFailure().catch(() => '');
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
    close: async () => {
      await hub.close();
      await opened.close().catch(() => {});
      await server.close();
    },
  };
}

/** The default launcher: Debian's (or any installed) Chromium, headless, through playwright-core. */
function headlessChromium(env: NodeJS.ProcessEnv): PageLauncher {
  return async (url) => {
    const executablePath = findChromium(env);
    if (!executablePath) {
      throw new StudioError('not-found', 'No Chromium or Chrome found for the face analysis', {
        hint: 'Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH',
      });
    }
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      return {
        close: () => browser.close(),
        describeFailure: () => page.evaluate<string>('document.body.dataset.error || ""'),
      };
    } catch (err) {
      await browser.close();
      throw err;
    }
  };
}
