import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { watchOutsideRequests } from './vision-helpers';
import { openStudio, setLanguage, shot } from './helpers';

/**
 * The live monitor's hand test: a camera whose speaker has a dark-skinned hand over her mouth for
 * 2 s of every 4 (global-setup's handOverMouth). The hand's models come from the app's own files:
 * nothing is fetched from outside.
 */

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('handOverMouth'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

test('a hand over the mouth raises lips.occluded live and is drawn; it clears when the hand goes', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const outside = watchOutsideRequests(page);
  await openStudio(page, 'en');
  await setLanguage(page, 'en');
  const status = page.getByTestId('face-status');
  await expect(status).toHaveAttribute('data-status', 'running', { timeout: 60_000 });
  const occluded = page.getByTestId('vision-rules').locator('[data-rule="lips.occluded"]');
  // The camera loops: the hand comes (error) and goes (ok) every 4 s.
  await expect(occluded).toHaveAttribute('data-level', 'error', { timeout: 60_000 });
  await shot(page, 'vision-live-hand-en');
  await expect(occluded).toHaveAttribute('data-level', 'ok', { timeout: 30_000 });
  await expect(occluded).toHaveAttribute('data-level', 'error', { timeout: 30_000 });
  await setLanguage(page, 'zh-CN');
  await expect(occluded).toHaveAttribute('data-level', 'error', { timeout: 30_000 });
  await shot(page, 'vision-live-hand-zh-CN');
  await setLanguage(page, 'en');
  expect(errors).toEqual([]);
  expect(outside).toEqual([]);
});
