/**
 * Convert screen (issue #7) in serve mode: import a folder by path → each file's problems shown →
 * convert with a progress bar → done with the result's facts; cancel; merge (§3.2). Screenshots in
 * English and Chinese.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { probeMedia } from '../src/main/services/ffmpeg';
import { fixturesDir, mediaDir } from './env';
import { openStudio, setLanguage as switchLanguage, shot } from './helpers';

/** Switch the UI language and wait until the screen shows it (the setting also round-trips via main). */
async function setLanguage(page: Page, lang: 'en' | 'zh-CN') {
  await switchLanguage(page, lang);
  await expect(page.getByTestId('nav-convert')).toHaveText(lang === 'en' ? 'Convert' : '转换');
}

const folder = path.join(fixturesDir, `转换 e2e ${Date.now()}`);
const hlgName = 'IMG_0001 HLG.MOV';
const vfrName = 'talking 1.mp4';

function ffmpeg(args: string[]) {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);
}

test.beforeAll(() => {
  mkdirSync(folder, { recursive: true });
  // An iPhone-like file: HEVC 10-bit HLG in a MOV, stored sideways with a rotation tag, 30 fps, 44.1 kHz.
  const sideways = path.join(folder, '.sideways.mov');
  ffmpeg([
    '-i', path.join(mediaDir, 'driving-d13.mp4'), '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100',
    '-t', '4', '-map', '0:v', '-map', '1:a',
    '-vf', 'scale=360:640,transpose=2,zscale=tin=bt709:min=bt709:pin=bt709:t=arib-std-b67:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc',
    '-tag:v', 'hvc1', '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc', '-c:a', 'aac', '-f', 'mov', sideways,
  ]);
  ffmpeg(['-i', sideways, '-c', 'copy', '-metadata:s:v', 'rotate=270', '-f', 'mov', path.join(folder, hlgName)]);
  copyFileSync(path.join(mediaDir, 'talking-1.mp4'), path.join(folder, vfrName));
});

const item = (page: Page, name: string) => page.locator(`[data-testid="convert-item"][data-name="${name}"]`);
const job = (page: Page, input: string) => page.locator('[data-testid="convert-job"]').filter({ hasText: input });

test('import a folder, see the problems, convert with progress, cancel, merge', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openStudio(page, 'en');
  await page.getByTestId('nav-convert').click();
  await expect(page.getByTestId('convert-screen')).toBeVisible();
  await expect(page.getByTestId('convert-hdr-here')).toHaveAttribute('data-method', 'zscale');

  // Import: the folder's path, typed; a relative path is refused with a reason.
  await page.getByTestId('convert-path').fill(`${folder}\nrelative/take.mov`);
  await page.getByTestId('convert-add').click();
  await expect(page.getByTestId('convert-item')).toHaveCount(3);
  await expect(item(page, 'take.mov').getByTestId('convert-item-error')).toHaveAttribute('data-code', 'bad-argument');
  const hlg = item(page, hlgName);
  for (const rule of ['format.container', 'format.video-codec', 'format.hdr', 'format.bit-depth', 'format.fps', 'format.rotation', 'format.audio-rate']) {
    await expect(hlg.locator(`[data-rule="${rule}"]`)).toBeVisible();
  }
  await expect(hlg.locator('[data-rule="format.hdr"]')).toHaveAttribute('data-section', '§1.2.3, §7.1');
  await expect(hlg.locator('[data-rule="format.hdr"]')).toContainText('HDR (HLG)');
  await expect(item(page, vfrName).locator('[data-rule="format.vfr"]')).toContainText('Variable frame rate');
  await expect(hlg).toContainText(`Output: ${path.join(folder, 'IMG_0001 HLG.mp4')}`);
  await shot(page, 'convert-01-problems-en');
  await setLanguage(page, 'zh-CN');
  await expect(hlg.locator('[data-rule="format.container"]')).toContainText('MOV，不是 MP4');
  await shot(page, 'convert-01-problems-zh-CN');
  await setLanguage(page, 'en');

  // Convert both with a slow preset, so the progress bar is there to see.
  await page.getByTestId('opt-preset').selectOption('slow');
  await expect(page.getByTestId('convert-start')).toHaveText('Convert selected (2)');
  await page.getByTestId('convert-start').click();
  const running = page.locator('[data-testid="convert-job"][data-status="running"]');
  await expect(running.getByTestId('job-progress')).toBeVisible({ timeout: 60_000 });
  // A screenshot with the bar part-way and an ETA (unless the job outran the poll).
  await expect
    .poll(async () => Number((await running.first().getAttribute('data-progress', { timeout: 1000 }).catch(() => '1')) || 0), { timeout: 60_000 })
    .toBeGreaterThan(0.05);
  await expect(running.getByTestId('job-eta')).toContainText('%');
  await shot(page, 'convert-02-progress-en');

  const hlgJob = job(page, hlgName);
  const vfrJob = job(page, vfrName);
  await expect(hlgJob).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(vfrJob).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const hlgResult = hlgJob.getByTestId('job-result');
  await expect(hlgResult).toHaveAttribute('data-codec', 'h264');
  await expect(hlgResult).toHaveAttribute('data-fps', '25/1');
  await expect(hlgResult).toHaveAttribute('data-width', '360');
  await expect(hlgResult).toHaveAttribute('data-height', '640');
  await expect(hlgResult).toHaveAttribute('data-hdr-method', 'lut');
  await expect(vfrJob.getByTestId('job-result')).toHaveAttribute('data-fps', '25/1');
  await page.getByTestId('convert-queue').scrollIntoViewIfNeeded();
  await shot(page, 'convert-03-done-en');
  await setLanguage(page, 'zh-CN');
  await expect(hlgJob).toContainText('完成');
  await shot(page, 'convert-03-done-zh-CN');
  await setLanguage(page, 'en');

  const out = await probeMedia(path.join(folder, 'IMG_0001 HLG.mp4'));
  expect(out.video).toMatchObject({ codec: 'h264', width: 360, height: 640, rotation: 0, bitDepth: 8, hdr: 'none', colorTransfer: 'bt709' });
  expect(out.video?.rFrameRate).toMatchObject({ num: 25, den: 1 });
  expect(out.audio?.sampleRate).toBe(48_000);

  // Cancel: the same file again (a new name), stopped mid-way, leaves no file.
  await item(page, vfrName).getByTestId('convert-select').check();
  await page.getByTestId('opt-preset').selectOption('veryslow');
  await page.getByTestId('convert-start').click();
  const again = page.locator('[data-testid="convert-job"][data-status="running"]');
  await expect(again.getByTestId('job-progress')).toBeVisible({ timeout: 60_000 });
  const cancelledOutput = await again.getAttribute('data-output');
  await again.getByTestId('job-cancel').click();
  await expect(page.locator(`[data-testid="convert-job"][data-output="${cancelledOutput}"]`)).toHaveAttribute('data-status', 'cancelled');
  expect(cancelledOutput && existsSync(cancelledOutput)).toBe(false);

  // Merge (§3.2): both originals in a chosen order, the start of each part reported.
  await page.getByTestId('opt-preset').selectOption('ultrafast');
  await item(page, vfrName).getByTestId('merge-add').click();
  await item(page, hlgName).getByTestId('merge-add').click();
  await expect(page.getByTestId('merge-part')).toHaveCount(2);
  await page.getByTestId('merge-name').fill('idle and action');
  await page.getByTestId('merge-start').click();
  const mergeJob = page.locator('[data-testid="convert-job"][data-kind="merge"]');
  await expect(mergeJob).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(mergeJob.getByTestId('job-part')).toHaveCount(2);
  await expect(mergeJob.getByTestId('job-part').nth(1)).toHaveAttribute('data-start', '6.12');
  await expect(page.getByTestId('nav-convert')).toHaveText('Convert');
  await shot(page, 'convert-04-merge-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'convert-04-merge-zh-CN');
  expect(existsSync(path.join(folder, 'idle and action.mp4'))).toBe(true);
  expect(errors).toEqual([]);
});
