import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TakeSchema } from '../src/shared/api';
import { CheckReportSchema } from '../src/shared/qc/report';
import { AV_SYNC_TOLERANCE_SEC } from '../src/shared/standards';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, pressRecord, setLanguage, shot, takeDir } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

/** Video packets in a recording, counted by ffprobe: the independent count of frames recorded. */
function ffprobeVideoPackets(file: string): number {
  return Number(
    execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim(),
  );
}

test('on air: checklist asked once, tally, meter, frames delivered; stopped in the silent phase; verdict on the card', async ({ page }) => {
  test.setTimeout(400_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openStudio(page, 'en');
  const shootName = `Loop ${Date.now()}`;
  await createShoot(page, shootName, 'Anna');
  // On by default; other specs on this server may have turned it off.
  await page.getByTestId('auto-check').check();

  // Nothing ticked: Record asks first, once; "back" records nothing.
  await page.getByTestId('record').click();
  const ask = page.getByTestId('checklist-confirm');
  await expect(ask).toHaveAttribute('data-unticked', '8');
  await shot(page, 'loop-checklist-ask-en');
  await page.getByTestId('record-cancel').click();
  await expect(page.getByTestId('record')).toBeVisible();
  await expect(page.getByTestId('on-air')).toHaveAttribute('data-on-air', 'false');
  await page.getByTestId('record').click();
  await page.getByTestId('record-anyway').click();

  // On air: the red frame and REC lamp, the large timer, the meter, frames delivered.
  await expect(page.getByTestId('on-air')).toHaveAttribute('data-on-air', 'true');
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  const stats = page.getByTestId('rec-stats');
  await expect(stats).toBeVisible();
  await expect(stats).toHaveAttribute('data-delivered-fps', /^\d+(\.\d)?$/);
  await expect(stats).toHaveAttribute('data-dropped', /^\d+$/);
  await expect(page.getByTestId('audio-meter')).toHaveAttribute('data-state', 'running');
  // The key readouts are large enough to read from 2–3 m.
  for (const sel of ['.rec-timer b', '.rec-stats .big-readout b', '.tally-lamp', '.meter-readout b']) {
    const px = await page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px, sel).toBeGreaterThanOrEqual(24);
  }
  // The countdown sits in a bar under the picture, never over it (so never over the face).
  const band = await page.getByTestId('silent-countdown').locator('..').boundingBox();
  const picture = await page.getByTestId('preview').boundingBox();
  expect(band && picture).toBeTruthy();
  if (band && picture) expect(band.y).toBeGreaterThanOrEqual(picture.y + picture.height - 1);
  await page.waitForTimeout(2_500);
  await shot(page, 'loop-recording-en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('tally-lamp').or(page.locator('.tally-lamp'))).toContainText('录制中');
  await shot(page, 'loop-recording-zh-CN');
  await setLanguage(page, 'en');
  await page.waitForTimeout(2_000);
  const delivered = Number(await stats.getAttribute('data-delivered-frames'));
  expect(delivered).toBeGreaterThan(0);

  // Stop inside the 30-s silent segment.
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('record')).toBeVisible({ timeout: 120_000 });
  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  await expect(take.getByTestId('take-incomplete')).toBeVisible();
  await expect(take.getByTestId('take-checklist-override')).toContainText('8');
  const cardStats = take.getByTestId('take-rec-stats');
  await expect(cardStats).toHaveAttribute('data-recorded-frames', /^\d+$/);

  // take.json: the frames MediaRecorder wrote, as ffprobe counts them in the raw file.
  const dir = await takeDir(shootName, 'take-001');
  const saved = TakeSchema.parse(JSON.parse(readFileSync(path.join(dir, 'take.json'), 'utf8')));
  const raw = readdirSync(dir).find((f) => f.startsWith('raw.'));
  expect(raw).toBeDefined();
  expect(saved.recStats?.recorded?.frames).toBe(ffprobeVideoPackets(path.join(dir, raw ?? '')));
  expect(saved.recStats?.deliveredFrames).toBeGreaterThanOrEqual(delivered);
  expect(saved.incomplete?.reason).toBe('stopped-in-silent-phase');
  expect(saved.checklistOverride?.unticked).toHaveLength(8);
  // The delivery's sound and picture end together, within the studio's lip-sync tolerance
  // (AV_SYNC_TOLERANCE_SEC, one frame). Measured: most takes end on the same AAC frame; some
  // takes' picture still ends one frame early (see notes/loop.md), which this tolerance admits.
  const [v, a] = ['v:0', 'a:0'].map((s) =>
    Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', s, '-show_entries', 'stream=duration', '-of', 'csv=p=0', path.join(dir, 'delivery.mp4')], { encoding: 'utf8' }).trim()),
  );
  expect(Math.abs((a ?? 0) - (v ?? 0)), `audio ${a} s, video ${v} s`).toBeLessThanOrEqual(AV_SYNC_TOLERANCE_SEC);

  // The next take is recorded while this one is checked: the check pauses from Record to Stop (the
  // recording comes first) and then goes on where it stopped, to the same verdict as check.json.
  const checking = take.getByTestId('take-checking');
  await expect(checking).toHaveAttribute('data-state', 'running', { timeout: 120_000 });
  await pressRecord(page);
  await expect(checking).toHaveAttribute('data-state', 'paused');
  await expect(checking).toContainText('paused while recording');
  await take.scrollIntoViewIfNeeded();
  await shot(page, 'loop-check-paused-en');
  await setLanguage(page, 'zh-CN');
  await expect(checking).toContainText('检查已暂停');
  await shot(page, 'loop-check-paused-zh-CN');
  await setLanguage(page, 'en');
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('record')).toBeVisible({ timeout: 120_000 });

  // The automatic check runs and its verdict stays on the card, the same as check.json says.
  const verdict = take.getByTestId('take-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', /^(pass|warn|fail)$/, { timeout: 300_000 });
  expect(existsSync(path.join(dir, 'check.json'))).toBe(true);
  const report = CheckReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'check.json'), 'utf8')));
  await expect(verdict).toHaveAttribute('data-verdict', report.verdict);
  await expect(verdict).toHaveAttribute('data-errors', String(report.findings.filter((f) => f.severity === 'error').length));
  await take.scrollIntoViewIfNeeded();
  await shot(page, 'loop-take-verdict-en');
  await setLanguage(page, 'zh-CN');
  await expect(take.getByTestId('take-incomplete')).toContainText('不完整');
  await shot(page, 'loop-take-verdict-zh-CN');
  await setLanguage(page, 'en');

  // The Check screen shows that report without running the check again.
  await take.getByTestId('take-open-report').click();
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', report.verdict);
  await expect(page.getByTestId('check-saved')).toBeVisible();
  await expect(page.getByTestId('check-progress')).toHaveCount(0);
  await shot(page, 'loop-check-saved-en');
  expect(errors).toEqual([]);
});

test('opting out of the automatic check leaves the next take unchecked', async ({ page }) => {
  await openStudio(page, 'en');
  const shootName = `Loop off ${Date.now()}`;
  await createShoot(page, shootName);
  await page.getByTestId('auto-check').uncheck();
  await page.reload();
  await expect(page.getByTestId('auto-check')).not.toBeChecked();
  await page.getByTestId('record').click();
  await page.getByTestId('record-anyway').click();
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  await page.waitForTimeout(3_000);
  await page.getByTestId('stop').click();
  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  // Give a queued check the time it would need to start; none does.
  await page.waitForTimeout(5_000);
  await expect(take.getByTestId('take-checking')).toHaveCount(0);
  await expect(take.getByTestId('take-verdict')).toHaveCount(0);
  expect(existsSync(path.join(await takeDir(shootName, 'take-001'), 'check.json'))).toBe(false);
  await page.getByTestId('auto-check').check();
});
