import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const unitDir = 'test/unit';

/**
 * Files that run the real checker (MediaPipe in headless Chromium with its own pool of two
 * workers): each keeps both cores busy on its own, so they run one at a time, after the rest.
 * Found by what they import, so a new real-checker test lands here without editing this file.
 */
const realChecker = readdirSync(unitDir)
  .filter((f) => f.endsWith('.test.ts'))
  .filter((f) => /helpers\/real-checker|chromium-face-analyzer/.test(readFileSync(path.join(unitDir, f), 'utf8')))
  .map((f) => `${unitDir}/${f}`);

const shared = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        // Everything else: pure logic and short ffmpeg runs, mostly one core each, so two at a time
        // (Vitest's default on 2 cores is one).
        test: { ...shared, name: 'unit', include: [`${unitDir}/**/*.test.ts`], exclude: realChecker, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        test: { ...shared, name: 'real-checker', include: realChecker, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
