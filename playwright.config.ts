import { defineConfig } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, e2eHome, e2ePort, e2eToken, repoRoot } from './e2e/env';

/**
 * e2e against serve mode in Debian's Chromium (Playwright's own browsers cannot be downloaded
 * here). The server is started once with a fixed token and its own studio home.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 180_000,
  // Two cores run the studio, ffmpeg and Chromium at once: UI waits get room, never a timing assert.
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/playwright.json' }]] : 'list',
  globalSetup: './e2e/global-setup.ts',
  outputDir: `test-results/playwright-${e2ePort}`,
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: BASE_CHROMIUM_ARGS },
    viewport: { width: 1400, height: 900 },
  },
  webServer: {
    command: `npx tsx src/main/serve.ts --port ${e2ePort} --renderer ${process.env.CAPTURE_STUDIO_OUT ?? 'out'}/renderer`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${e2ePort}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: {
      CAPTURE_STUDIO_HOME: e2eHome,
      CAPTURE_STUDIO_TOKEN: e2eToken,
      // The face model for the live monitor (vision e2e): the shared copy, never a download.
      CAPTURE_STUDIO_FACE_MODEL: process.env.CAPTURE_STUDIO_FACE_MODEL ?? `${repoRoot}/../shared/models/face_landmarker.task`,
    },
  },
});
