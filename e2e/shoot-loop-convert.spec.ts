import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, fixturesDir, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, setLanguage, shot, takeDir } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

/** A 720×1280 portrait part (the odd one out), derived from talking-3.mp4. */
function part720(): string {
  mkdirSync(fixturesDir, { recursive: true });
  const out = path.join(fixturesDir, 'talking-3-720x1280.mp4');
  if (!existsSync(out)) {
    const tmp = `${out}.partial.mp4`;
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', path.join(mediaDir, 'talking-3.mp4'), '-t', '3', '-vf', 'scale=720:-2,pad=720:1280:0:(oh-ih)/2,fps=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', tmp]);
    renameSync(tmp, out);
  }
  return out;
}

async function recordTake(page: Page, id: string): Promise<void> {
  await page.getByTestId('record').click();
  const anyway = page.getByTestId('record-anyway');
  await anyway.or(page.getByTestId('rec-timer')).first().waitFor();
  if (await anyway.isVisible()) await anyway.click();
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  await page.waitForTimeout(3_000);
  await page.getByTestId('stop').click();
  await expect(page.locator(`[data-testid="take"][data-take-id="${id}"]`)).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
}

function durationOf(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

test('merge picks the shoot’s takes by name, names the output after them and writes it into the shoot’s exports/', async ({ page }) => {
  test.setTimeout(400_000);
  await openStudio(page, 'en');
  const shootName = `Merge ${Date.now()}`;
  await createShoot(page, shootName);
  await page.getByTestId('auto-check').uncheck();
  await recordTake(page, 'take-001');
  await recordTake(page, 'take-002');

  await page.getByTestId('nav-convert').click();
  const takes = page.getByTestId('shoot-takes');
  await expect(takes).toContainText(shootName);
  await takes.locator('[data-take-id="take-001"]').check();
  await takes.locator('[data-take-id="take-002"]').check();
  await page.getByTestId('shoot-takes-merge').click();
  await expect(page.getByTestId('merge-part')).toHaveCount(2);
  // Delivery files are already in the delivery format: listed, not ticked for conversion.
  const items = page.getByTestId('convert-item');
  await expect(items).toHaveCount(2);
  for (const box of await page.getByTestId('convert-select').all()) await expect(box).not.toBeChecked();
  const exportsDir = path.join(path.dirname(await takeDir(shootName, 'take-001')), 'exports');
  await expect(page.getByTestId('opt-outdir')).toHaveValue(exportsDir);
  const expectedName = `${shootName} — take-001+take-002.mp4`;
  await expect(page.getByTestId('merge-name')).toHaveAttribute('placeholder', expectedName);
  await expect(page.getByTestId('merge-mismatch')).toHaveCount(0);

  // A 720×1280 part among 540×960 ones: the operator is told before merging.
  await page.getByTestId('convert-path').fill(part720());
  await page.getByTestId('convert-add').click();
  await page.locator(`[data-testid="convert-item"][data-path="${part720()}"]`).getByTestId('merge-add').click();
  const mismatch = page.getByTestId('merge-mismatch');
  await expect(mismatch).toHaveAttribute('data-sizes', /540×960/);
  await expect(mismatch).toHaveAttribute('data-sizes', /720×1280/);
  await shot(page, 'loop-merge-pickers-en');
  await setLanguage(page, 'zh-CN');
  await expect(mismatch).toContainText('尺寸不同');
  await shot(page, 'loop-merge-pickers-zh-CN');
  await setLanguage(page, 'en');
  await page.getByTestId('merge-part').nth(2).getByRole('button', { name: /remove/i }).click();
  await expect(page.getByTestId('merge-mismatch')).toHaveCount(0);

  await page.getByTestId('merge-start').click();
  const job = page.getByTestId('convert-job').first();
  await expect(job).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  const output = path.join(exportsDir, expectedName);
  await expect(job).toHaveAttribute('data-output', output);
  await expect.poll(() => existsSync(output)).toBe(true);
  const parts = ['take-001', 'take-002'].map(async (id) => durationOf(path.join(await takeDir(shootName, id), 'delivery.mp4')));
  const sum = (await Promise.all(parts)).reduce((a, b) => a + b, 0);
  expect(Math.abs(durationOf(output) - sum)).toBeLessThanOrEqual(0.1);
});
