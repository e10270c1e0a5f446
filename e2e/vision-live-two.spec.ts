import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { Take } from '../src/shared/api';
import { VISION_ANALYSIS } from '../src/shared/standards';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, pressRecord, setLanguage, shot, takeDir } from './helpers';

/** The live monitor with two faces in the camera picture, through a recorded take to take.json. */

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('twoFaces'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

test('face.multiple shows live, is summed up at Stop and lands in take.json', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openStudio(page, 'en');
  // The language is a studio setting: an earlier test may have left it in Chinese.
  await setLanguage(page, 'en');
  const shootName = `Vision ${Date.now()}`;
  await createShoot(page, shootName, 'Two faces');

  const status = page.getByTestId('face-status');
  await expect(status).toHaveAttribute('data-faces', '2', { timeout: 60_000 });
  await expect(page.getByTestId('vision-rules').locator('[data-rule="face.multiple"]')).toHaveAttribute('data-level', 'error');
  await shot(page, 'vision-live-two-faces-en');

  await expect(page.getByTestId('record')).toBeEnabled();
  await pressRecord(page);
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  await page.waitForTimeout(4_000);
  await shot(page, 'vision-live-two-faces-recording-en');
  await page.getByTestId('stop').click();

  const summary = page.getByTestId('vision-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary.locator('[data-rule="face.multiple"]')).toContainText(/more than one face/i);
  await shot(page, 'vision-live-summary-en');

  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await expect(take.getByTestId('take-findings')).toBeVisible({ timeout: 15_000 });
  await expect(take.getByTestId('take-findings').locator('[data-rule="face.multiple"]')).toBeVisible();
  await shot(page, 'vision-live-take-findings-en');
  await setLanguage(page, 'zh-CN');
  await expect(summary.locator('[data-rule="face.multiple"]')).toContainText('多张人脸');
  await shot(page, 'vision-live-take-findings-zh-CN');
  await setLanguage(page, 'en');

  const file = path.join(await takeDir(shootName, 'take-001'), 'take.json');
  await expect
    .poll(() => ((JSON.parse(readFileSync(file, 'utf8')) as Take).findings ?? []).map((f) => f.rule), { timeout: 15_000 })
    .toContain('face.multiple');
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Take;
  const multiple = saved.findings?.filter((f) => f.rule === 'face.multiple') ?? [];
  expect(multiple[0]).toMatchObject({ severity: 'error', section: '§1.2.5', value: 2 });
  // Two faces are in every camera frame, so every analysed frame is a breach: face.multiple must
  // run from the take's first analysed frame to its last. How far those lie from 0 and the end is
  // set by the analysis rate, which on 2 busy cores is a few frames a second while recording
  // (VISION_ANALYSIS.busyShareRecording): the take's own rate is in its vision.coverage finding
  // (present when below minCoverageFps), else at least minCoverageFps. Allowed: two analysis
  // intervals at each end (one frame may be dropped). How fast the monitor runs is a timing and
  // not this test's verdict (CI's 2 busy cores gave 0.9 frames/s once): the bounds below follow
  // the rate the take itself measured and reported in vision.coverage.
  const duration = saved.delivery?.probe.durationSec ?? 0;
  expect(duration).toBeGreaterThan(3);
  const coverage = saved.findings?.find((f) => f.rule === 'vision.coverage');
  const rate = coverage?.value ?? VISION_ANALYSIS.minCoverageFps;
  console.log(`live analysis while recording: ${coverage ? `${rate} frames/s` : `≥ ${rate} frames/s`} over ${duration.toFixed(2)} s`);
  expect(rate).toBeGreaterThan(0);
  const slack = 2 / rate;
  const first = Math.min(...multiple.map((f) => f.start));
  const last = Math.max(...multiple.map((f) => f.end));
  expect(first).toBeLessThanOrEqual(slack);
  expect(last).toBeGreaterThanOrEqual(duration - slack);
  // One breach throughout: it may come in pieces only where analysed frames lay further apart
  // than the merge gap, so no hole between pieces is longer than the same two analysis intervals.
  const pieces = [...multiple].sort((a, b) => a.start - b.start);
  for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.start - pieces[i - 1]!.end).toBeLessThanOrEqual(slack);
  // The recorder's own fields are intact next to the findings.
  expect(saved.status).toBe('ready');
  expect(saved.delivery?.file).toBe('delivery.mp4');
  expect(errors).toEqual([]);
});
