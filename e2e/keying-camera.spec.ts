import { expect, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs } from './env';
import { createShoot, openStudio, shot } from './helpers';
import { derive, gotoKeying, media, showView, useLanguage } from './keying-helpers';

/** Chromium's fake camera plays driving-d0.mp4 (a real green screen with a black bar at the bottom). */
const camera = derive('d0-camera-25fps.y4m', ['-i', media('driving-d0.mp4'), '-vf', 'fps=25', '-pix_fmt', 'yuv420p']);

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(camera, media('audio/jfk.wav'))],
  },
});

test('live camera: every new frame is keyed on the GPU and the backdrop is checked (en and zh-CN)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openStudio(page, 'en');
  // A shoot of its own: another test may have left a blue-screen key on the newest shoot.
  await createShoot(page, `Keying camera ${Date.now()}`);
  await gotoKeying(page);
  await useLanguage(page, 'en');
  await page.getByTestId('keying-source-camera').check();
  const screen = page.getByTestId('keying-screen');
  await expect(screen).toHaveAttribute('data-source', 'camera');
  const stage = page.getByTestId('keying-stage');
  await expect(stage).toHaveAttribute('data-width', '512');
  const frames = async () => Number(await stage.getAttribute('data-frames'));
  const first = await frames();
  await expect.poll(frames, { timeout: 20_000 }).toBeGreaterThan(first + 10);

  const bar = page.locator('[data-testid="keying-finding"][data-rule="key.non-backdrop-edge"]');
  await expect(bar).toHaveAttribute('data-edge', 'bottom', { timeout: 20_000 });
  await expect(page.getByTestId('keying-findings')).toHaveAttribute('data-backdrop', 'yes');
  await expect(page.getByTestId('keying-engine')).toContainText('frames/s');

  await showView(page, 'side');
  await shot(page, 'keying-camera-side-en');
  await showView(page, 'keyed');
  await shot(page, 'keying-camera-keyed-en');
  await useLanguage(page, 'zh-CN');
  await showView(page, 'side');
  await shot(page, 'keying-camera-side-zh-CN');
  await useLanguage(page, 'en');
  expect(errors).toEqual([]);
});
