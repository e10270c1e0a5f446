import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio } from './helpers';
const JFK = path.join(mediaDir, 'audio/jfk.wav');
test.use({ launchOptions: { executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), JFK)] } });
test('debug', async ({ page }) => {
  page.on('console', (m) => console.log('PAGE', m.text()));
  await openStudio(page, 'en');
  await createShoot(page, `D ${Date.now()}`);
  await page.getByTestId('nav-voice').click();
  await expect(page.getByTestId('voice-mic')).toHaveAttribute('data-processing', 'off', { timeout: 30_000 });
  await page.getByTestId('voice-target').selectOption('tts6');
  await page.getByTestId('voice-record').click();
  await page.waitForTimeout(5000);
  await page.getByTestId('voice-stop').click();
  const wf = page.getByTestId('voice-waveform');
  await expect(wf).not.toHaveAttribute('data-peaks', '0', { timeout: 90_000 });
  await page.waitForTimeout(2000);
  const info = await wf.evaluate((el) => {
    const root = (el.firstElementChild as HTMLElement | null)?.shadowRoot;
    const canvases = root ? Array.from(root.querySelectorAll('canvas')) : [];
    return { html: el.innerHTML.slice(0, 300), n: canvases.length, sizes: canvases.map((c) => {
      const ctx = c.getContext('2d')!; const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let nz = 0; for (let i = 3; i < d.length; i += 4) if (d[i]! > 0) nz++;
      return [c.width, c.height, nz, c.parentElement?.className]; }) };
  });
  console.log(JSON.stringify(info));
});
