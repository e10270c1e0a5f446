import { expect, test } from '@playwright/test';
import { mediaDir } from './env';
import { openStudio, setLanguage, shot } from './helpers';

test('check a file on the studio machine: progress, verdict, findings; a click seeks the player', async ({ page }) => {
  test.setTimeout(360_000);
  await openStudio(page, 'en');
  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-kind-file').check();
  await page.getByTestId('check-path').fill(`${mediaDir}/talking-1.mp4`);
  await page.getByTestId('check-preset').selectOption('multi-aux');
  await page.getByTestId('check-start').click();
  await expect(page.getByTestId('check-progress')).toBeVisible();
  await shot(page, 'check-progress-en');
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 300_000 });
  const vfr = page.locator('[data-testid="finding"][data-rule="format.vfr"]');
  await expect(vfr).toBeVisible();
  await shot(page, 'check-result-en');
  const narration = page.locator('[data-testid="finding"][data-rule="narration.duration"]');
  const start = Number(await narration.getAttribute('data-start'));
  await narration.click();
  await expect
    .poll(async () => page.getByTestId('check-player').evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(start - 0.05);
  // Lips at a glance: talking-1 is 6.1 s, one mouth a second; a click on a mouth seeks there.
  const strip = page.getByTestId('mouth-strip');
  await expect(strip).toHaveAttribute('data-tiles', '7');
  await expect(strip).toContainText('Lips at a glance');
  const tile = strip.locator('.mouth-tile').nth(4);
  const at = Number(await tile.getAttribute('data-t'));
  expect(at).toBeGreaterThan(3.99);
  expect(at).toBeLessThan(4.1);
  await tile.click();
  await expect
    .poll(async () => page.getByTestId('check-player').evaluate((v) => (v as HTMLVideoElement).currentTime), { timeout: 10_000 })
    .toBeGreaterThanOrEqual(at - 0.05);
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('verdict')).not.toHaveText('');
  await expect(strip).toContainText('嘴部一览');
  await shot(page, 'check-result-zh-CN');
});

test('a path that is not a file gets a clear error, nothing runs', async ({ page }) => {
  await openStudio(page, 'en');
  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-kind-file').check();
  await page.getByTestId('check-path').fill('/nonexistent/take.mov');
  await page.getByTestId('check-start').click();
  await expect(page.getByTestId('error-banner')).toContainText('/nonexistent/take.mov');
  await page.getByTestId('check-path').fill('relative/take.mov');
  await page.getByTestId('check-start').click();
  await expect(page.getByTestId('error-banner')).toContainText('absolute path');
});
