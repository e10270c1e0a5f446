import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { probeMedia } from '../src/main/services/ffmpeg';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, pressRecord, setLanguage, shot, takeDir } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

test('choose devices, record 5 s, stop: the take lands as a 25 fps H.264 MP4 with audio', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await openStudio(page, 'en');
  await shot(page, 'record-00-first-start-en');

  const shootName = `E2E shoot ${Date.now()}`;
  await createShoot(page, shootName, 'Test model');
  await expect(page.getByTestId('shoot-select').locator('option:checked')).toContainText(shootName);

  // The fake camera plays the 540×960 fixture: the device facts say so and warn (§1.2.2).
  const facts = page.getByTestId('device-facts');
  await expect(facts).toHaveAttribute('data-width', '540');
  await expect(facts).toHaveAttribute('data-height', '960');
  await expect(page.getByTestId('capture-warnings').locator('[data-rule="capture.size"]')).toBeVisible();
  await expect(page.getByTestId('camera-select')).not.toBeDisabled();
  await expect(page.getByTestId('microphone-select')).not.toBeDisabled();
  await expect(page.getByTestId('record')).toBeEnabled();
  await shot(page, 'record-01-devices-en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('record')).toContainText('录制');
  await shot(page, 'record-01-devices-zh-CN');
  await setLanguage(page, 'en');

  await pressRecord(page);
  const clicked = Date.now();
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  await page.waitForTimeout(2_000);
  await shot(page, 'record-02-recording-en');
  // Stop 5 s after Record, whatever the screenshot cost.
  await page.waitForTimeout(Math.max(0, 5_000 - (Date.now() - clicked)));
  await page.getByTestId('stop').click();

  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await shot(page, 'record-03-take-ready-en');
  await setLanguage(page, 'zh-CN');
  await expect(take).toContainText('完成');
  await shot(page, 'record-03-take-ready-zh-CN');

  const dir = await takeDir(shootName, 'take-001');
  const p = await probeMedia(path.join(dir, 'delivery.mp4'));
  expect(p.container).toBe('mp4');
  expect(p.video?.codec).toBe('h264');
  expect(p.video?.pixelFormat).toBe('yuv420p');
  expect(p.video?.rFrameRate).toMatchObject({ num: 25, den: 1 });
  expect(p.video?.avgFrameRate).toMatchObject({ num: 25, den: 1 });
  expect(Math.abs(p.durationSec - 5)).toBeLessThanOrEqual(0.4);
  expect(p.audio?.codec).toBe('aac');
  expect(p.audio?.sampleRate).toBe(48_000);
  // The raw recording stays next to the delivery file.
  const rawFile = readdirSync(dir).find((f) => f.startsWith('raw.'));
  expect(rawFile).toBeDefined();
  const raw = await probeMedia(path.join(dir, rawFile ?? ''));
  expect(raw.video).not.toBeNull();
  expect(errors).toEqual([]);
});
