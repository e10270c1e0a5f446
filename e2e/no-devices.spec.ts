import { expect, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath } from './env';
import { createShoot, openStudio, setLanguage, shot } from './helpers';

// Headless Chromium with permission granted but no fake devices: the machine has no camera or mic.
test.use({
  launchOptions: { executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'] },
});

test('with no camera and no microphone, Record is off and the reason is shown', async ({ page }) => {
  await openStudio(page, 'en');
  const name = `No devices ${Date.now()}`;
  await createShoot(page, name);
  await expect(page.getByTestId('record')).toBeDisabled();
  await expect(page.getByTestId('record-disabled-reason')).toHaveText('Record is off: no camera is connected.');
  await expect(page.getByTestId('camera-select')).toContainText('No camera found');
  await expect(page.getByTestId('microphone-select')).toContainText('No microphone found');
  await shot(page, 'no-devices-en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('record-disabled-reason')).toHaveText('无法录制：没有连接摄像头。');
  await shot(page, 'no-devices-zh-CN');
});
