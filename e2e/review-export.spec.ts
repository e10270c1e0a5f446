/**
 * Review and export (issue #17): record a short take through the UI, run the real acceptance
 * checker on it (faces off: its check.json is what the Check screen writes), open it on the review
 * screen, step frames, mark a Motion-editable task by hand, see the inline rules, confirm the
 * failed check and export; then inspect the package on disk with ffprobe and the schemas.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { GreenParamsSchema } from '../src/shared/green-params';
import { CheckReportSchema } from '../src/shared/qc/report';
import { TaskSchema } from '../src/shared/task/schema';
import { BASE_CHROMIUM_ARGS, chromiumPath, e2eHome, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, pressRecord, setLanguage, shot, takeDir } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

test('open a recorded take, step frames, mark a motion task, export the package', async ({ page }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await openStudio(page, 'en');
  const shootName = `Review ${Date.now()}`;
  await createShoot(page, shootName, 'Ann Lee');
  await expect(page.getByTestId('record')).toBeEnabled({ timeout: 30_000 });
  await pressRecord(page);
  await expect(page.getByTestId('rec-timer')).toBeVisible();
  await page.waitForTimeout(6_000);
  await page.getByTestId('stop').click();
  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });

  // Every finalized take is checked by the studio itself (#13): its verdict lands on the card and
  // check.json beside the take — the report the review screen draws as a track.
  const dir = await takeDir(shootName, 'take-001');
  await expect(take.getByTestId('take-verdict')).toHaveAttribute('data-verdict', /pass|warn|fail/, { timeout: 300_000 });
  const report = CheckReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'check.json'), 'utf8')));
  // A few seconds cannot hold the standard's 30 s silence + 5 min narration (§1.2.1): the check fails.
  expect(report.verdict).toBe('fail');

  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-take').selectOption('take-001');
  await page.getByTestId('review-open').click();
  const transport = page.getByTestId('transport');
  await expect(transport).toHaveAttribute('data-frame', '0', { timeout: 30_000 });
  // Frames on the 25-fps grid: the delivery file's own length, as ffprobe measures it.
  const total = Number(await transport.getAttribute('data-total'));
  expect(total).toBe(Math.round(report.probe.durationSec * 25));
  await expect(page.locator('[data-peaks-complete="true"]')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('track-check')).toHaveAttribute('data-count', String(report.findings.length));
  await expect(page.getByTestId('thumbnails')).toHaveAttribute('data-count', '16', { timeout: 60_000 });
  await expect(page.getByTestId('review-check')).toHaveAttribute('data-verdict', report.verdict);
  // The take's mouth strip (Lips at a glance) under the timeline; a click on a mouth seeks there.
  expect(report.mouthStrip?.tiles.length).toBeGreaterThanOrEqual(5);
  const strip = page.getByTestId('mouth-strip');
  await expect(strip).toHaveAttribute('data-tiles', String(report.mouthStrip!.tiles.length));
  await strip.locator('.mouth-tile').nth(2).click();
  await expect(transport).toHaveAttribute('data-frame', String(Math.round(report.mouthStrip!.tiles[2]!.t * 25)));
  await strip.locator('.mouth-tile').first().click();
  await expect(transport).toHaveAttribute('data-frame', String(Math.round(report.mouthStrip!.tiles[0]!.t * 25)));

  // Frame stepping: keys and buttons, shown as SS:FF, frame number and seconds.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(transport).toHaveAttribute('data-frame', '3');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(transport).toHaveAttribute('data-frame', '28');
  await expect(transport).toHaveAttribute('data-ssff', '1:03');
  await expect(transport).toHaveAttribute('data-seconds', '1.12');
  await page.getByTestId('step-back-frame').click();
  await expect(transport).toHaveAttribute('data-frame', '27');
  await page.getByTestId('step-forward-second').click();
  await expect(transport).toHaveAttribute('data-frame', '52');
  await page.getByTestId('step-back-second').click();
  await page.getByTestId('step-back-second').click();
  await expect(transport).toHaveAttribute('data-frame', '2');
  await page.getByTestId('step-back-second').click();
  await expect(transport).toHaveAttribute('data-frame', '0');
  // L plays forward, K stops: the frame moved on and stays put.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('l');
  await expect(transport).not.toHaveAttribute('data-frame', '0', { timeout: 30_000 });
  await page.keyboard.press('k');
  await expect(page.getByTestId('play')).toHaveText('Play');
  const stoppedAt = await transport.getAttribute('data-frame');
  await page.waitForTimeout(500);
  await expect(transport).toHaveAttribute('data-frame', stoppedAt!);
  // J shuttles backwards to the start.
  await page.keyboard.press('j');
  await expect(transport).toHaveAttribute('data-frame', '0', { timeout: 30_000 });
  await page.keyboard.press('k');

  // A Motion-editable task marked by hand: idle from the current frame, then three actions.
  await page.getByTestId('task-modelType').selectOption('motion');
  await page.getByTestId('task-segmentation').selectOption('greenscreen');
  await page.getByTestId('action-add').click();
  await expect(page.getByTestId('action-0-name')).toHaveValue('idle');
  await expect(page.getByTestId('action-0-start')).toHaveValue('0:00');
  await page.getByTestId('step-forward-second').click();
  await page.getByTestId('step-forward-frame').click();
  await expect(transport).toHaveAttribute('data-frame', '26');
  await page.getByTestId('action-0-end-here').click();
  await expect(page.getByTestId('action-0-end')).toHaveValue('1:01');
  const rows: [string, string, string][] = [
    ['wave', '1:01', '2.41'],
    ['nod', '2:10', '3:20'],
    ['thumbs up', '3:20', '4.5'],
  ];
  for (const [i, [name, start, end]] of rows.entries()) {
    await page.getByTestId('action-add').click();
    await page.getByTestId(`action-${i + 1}-name`).fill(name);
    await page.getByTestId(`action-${i + 1}-start`).fill(start);
    await page.getByTestId(`action-${i + 1}-end`).fill(end);
  }
  // 2.41 snaps to 2.4 (frame 60); 4.5 is a tie between frames 112 and 113 → 4.48.
  await expect(page.getByTestId('action-1-end-snapped')).toHaveAttribute('data-seconds', '2.40');
  await expect(page.getByTestId('action-3-end-snapped')).toHaveAttribute('data-seconds', '4.48');
  await expect(page.getByTestId('track-segments')).toHaveAttribute('data-count', '4');

  // An overlap is refused inline and blocks the export; correcting it unblocks.
  await page.getByTestId('action-2-start').fill('2:05');
  await expect(page.locator('[data-testid="inline-finding"][data-rule="task.segments-overlap"]')).toBeVisible();
  await expect(page.getByTestId('export-start')).toBeDisabled();
  await page.getByTestId('action-2-start').fill('2:10');
  await expect(page.locator('[data-testid="inline-finding"][data-rule="task.segments-overlap"]')).toHaveCount(0);
  await expect(page.getByTestId('export-start')).toBeEnabled();
  await page.getByTestId('action-1-start').focus();
  await page.getByTestId('action-1-start').blur();
  await page.getByTestId('review-timeline').scrollIntoViewIfNeeded();
  await shot(page, 'review-01-timeline-findings-en');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByTestId('nav-review')).toContainText('审阅');
  await shot(page, 'review-01-timeline-findings-zh-CN');
  await page.getByTestId('task-form').scrollIntoViewIfNeeded();
  await shot(page, 'review-04-task-form-zh-CN');
  await setLanguage(page, 'en');
  await shot(page, 'review-04-task-form-en');

  // The check failed: export asks first, then records the confirmation.
  const outDir = path.join(e2eHome, 'exports-e2e');
  await page.getByTestId('export-dir').fill(outDir);
  await page.getByTestId('export-start').click();
  await expect(page.getByTestId('export-confirm')).toBeVisible();
  await shot(page, 'review-02-confirm-en');
  await page.getByTestId('export-confirm-yes').click();
  const done = page.getByTestId('export-done');
  await expect(done).toBeVisible({ timeout: 120_000 });
  await shot(page, 'review-03-exported-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'review-03-exported-zh-CN');
  const folder = (await done.getAttribute('data-folder'))!;
  expect(path.dirname(folder)).toBe(outDir);
  expect(readdirSync(folder).sort()).toEqual(
    ['Ann-Lee-motion.mp4', 'README.txt', 'check.html', 'check.json', 'export.json', 'greenParams.json', 'task.json'].sort(),
  );
  const probe = JSON.parse(
    execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,r_frame_rate,avg_frame_rate', '-of', 'json', path.join(folder, 'Ann-Lee-motion.mp4')]).toString(),
  ) as { streams: { codec_name: string; r_frame_rate: string; avg_frame_rate: string }[] };
  expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', r_frame_rate: '25/1', avg_frame_rate: '25/1' });
  const task = TaskSchema.parse(JSON.parse(readFileSync(path.join(folder, 'task.json'), 'utf8')));
  expect(task.modelType).toBe('motion');
  expect(task.characterName).toBe('Ann Lee');
  expect(task.actions.map((a) => [a.name, a.start, a.end])).toEqual([
    ['idle', 0, 1.04],
    ['wave', 1.04, 2.4],
    ['nod', 2.4, 3.8],
    ['thumbs up', 3.8, 4.48],
  ]);
  GreenParamsSchema.parse(JSON.parse(readFileSync(path.join(folder, 'greenParams.json'), 'utf8')));
  const manifest = JSON.parse(readFileSync(path.join(folder, 'export.json'), 'utf8')) as { check: { forcedFailedCheck: boolean } };
  expect(manifest.check.forcedFailedCheck).toBe(true);
  await expect(done).toHaveAttribute('data-forced', 'true');
  expect(readFileSync(path.join(folder, 'README.txt'), 'utf8')).toContain('验收检查未通过，操作员确认后仍然导出');
  expect(existsSync(path.join(dir, 'delivery.mp4'))).toBe(true); // the take is untouched
  expect(errors).toEqual([]);
});
