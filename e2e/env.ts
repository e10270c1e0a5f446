import path from 'node:path';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../src/main/services/chromium-path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
export const mediaDir = process.env.CAPTURE_STUDIO_MEDIA ?? path.resolve(repoRoot, '../shared/media');
/** Generated fixtures (y4m cameras etc.): derived at test time, never committed. */
export const fixturesDir = path.join(repoRoot, 'test-results', 'fixtures');
/**
 * The serve process's studio home: new for each run. Set once in the runner process and inherited
 * by Playwright's workers through the environment, so all of them agree on it.
 */
process.env.E2E_HOME ??= path.join(repoRoot, 'test-results', `e2e-home-${Date.now()}`);
export const e2eHome = process.env.E2E_HOME;
export const e2ePort = Number(process.env.E2E_PORT ?? 47_311);
export const e2eToken = 'e2e-token-not-secret';

/** Debian's Chromium (Playwright's own browsers cannot be downloaded here); CHROMIUM_PATH wins. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) throw new Error('No Chromium found: apt-get install chromium, or set CHROMIUM_PATH');
  return found;
}

/** Flags every run needs here: no sandbox as root, no GPU, nothing that dials out. */
export const BASE_CHROMIUM_ARGS = HEADLESS_CHROMIUM_ARGS;

export function fakeMediaArgs(videoY4m: string, audioWav: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoY4m}`,
    `--use-file-for-fake-audio-capture=${audioWav}`,
  ];
}
