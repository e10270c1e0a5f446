import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { fixturesDir, mediaDir } from './env';
import { openStudio, screenshotDir, setLanguage, shot } from './helpers';

/**
 * The report for people (#14 item 6) from the app: the Check screen words its findings from the
 * rule registry in the UI's language, and the HTML report it writes is in that language too.
 * The spoiled clip is derived at test time: 3 s of talking-1 with two 1-s frozen stretches (tpad clones).
 */
async function spoiledClip(): Promise<string> {
  const out = path.join(fixturesDir, 'report-two-freezes-5s.mp4');
  await fs.mkdir(fixturesDir, { recursive: true });
  if (!(await fs.stat(out).catch(() => null))) {
    const tmp = `${out}.part.mp4`;
    execFileSync('ffmpeg', [
      '-hide_banner', '-v', 'error', '-y', '-i', path.join(mediaDir, 'talking-1.mp4'),
      '-filter_complex',
      '[0:v]split=2[a][b];[a]trim=0:1.5,setpts=PTS-STARTPTS,tpad=stop_mode=clone:stop_duration=1[a1];[b]trim=1.5:3,setpts=PTS-STARTPTS,tpad=stop_mode=clone:stop_duration=1[b1];[a1][b1]concat=n=2:v=1:a=0,fps=25[v]',
      // 5 s (the check runs twice, once per language): 1.5 s, 1 s frozen, 1.5 s, 1 s frozen.
      '-map', '[v]', '-map', '0:a', '-t', '5', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-c:a', 'aac', tmp,
    ]);
    await fs.rename(tmp, out);
  }
  return out;
}

async function runCheck(page: Page, file: string): Promise<string> {
  await page.getByTestId('nav-check').click();
  await page.getByTestId('check-kind-file').check();
  await page.getByTestId('check-path').fill(file);
  await page.getByTestId('check-preset').selectOption('multi-aux');
  await page.getByTestId('check-start').click();
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 300_000 });
  const href = await page.getByTestId('check-html').getAttribute('href');
  expect(href).toBeTruthy();
  return href!;
}

async function fullShot(page: Page, name: string): Promise<void> {
  await fs.mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

test('the Check screen and its HTML report speak the UI language (zh-CN, then en)', async ({ page, context }) => {
  test.setTimeout(720_000);
  const clip = await spoiledClip();
  await openStudio(page, 'zh-CN');
  const zhHref = await runCheck(page, clip);
  const frozen = page.locator('[data-testid="finding"][data-rule="frames.discontinuous"]').first();
  await expect(frozen).toContainText('画面不连续');
  await expect(frozen).toContainText('画面定格');
  await shot(page, 'check-findings-zh-CN');

  const report = await context.newPage();
  await report.goto(zhHref);
  await expect(report.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(report.getByTestId('counts')).toContainText('个警告');
  await expect(report.getByTestId('legend')).toBeVisible();
  const group = report.locator('[data-testid="finding-group"][data-rule="frames.discontinuous"]');
  await expect(group).toHaveAttribute('data-count', /^[1-9]/);
  // Lips at a glance: one mouth a second of the 5-s clip, in the report's language.
  await expect(report.getByTestId('mouth-strip')).toHaveAttribute('data-tiles', '5');
  await expect(report.getByTestId('mouth-strip')).toContainText('嘴部一览');
  await fullShot(report, 'report-html-zh-CN');

  await setLanguage(page, 'en');
  const enHref = await runCheck(page, clip);
  await expect(page.locator('[data-testid="finding"][data-rule="frames.discontinuous"]').first()).toContainText('Frozen picture');
  await shot(page, 'check-findings-en');
  await report.goto(enHref);
  await expect(report.locator('html')).toHaveAttribute('lang', 'en');
  await expect(report.getByTestId('counts')).toContainText(/\d+ warnings?/);
  await expect(report.getByTestId('mouth-strip')).toContainText('Lips at a glance');
  await fullShot(report, 'report-html-en');
  await report.close();
});
