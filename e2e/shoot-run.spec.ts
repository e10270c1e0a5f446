import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { TakeSchema } from '../src/shared/api';
import { BASE_CHROMIUM_ARGS, chromiumPath, e2eToken, fakeMediaArgs, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, pressRecord, setLanguage, shot, takeDir } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

const SCRIPT = ['# Opening', 'Hello, and welcome to our spring travel live stream.', 'Today we have three routes for you.', '', '# Route one', 'The first route takes you along the coast.'].join('\n');

test('a Standard take: checklist, 30→0 silent countdown, narration, markers on frames, the prompter follows', async ({ page, context }) => {
  await page.clock.install();
  await openStudio(page, 'en');
  const shootName = `Run ${Date.now()}`;
  await createShoot(page, shootName, 'Anna');
  await page.getByTestId('check-quiet-set').check();
  await page.getByTestId('check-even-lighting').check();

  // The script, and the prompter page as a second screen would show it.
  await page.getByTestId('nav-prompter').click();
  await page.getByTestId('script-text').fill(SCRIPT);
  await page.getByTestId('script-save').click();
  await expect(page.getByTestId('prompter').first()).toContainText('three routes');
  await shot(page, 'prompter-screen-en');
  const prompter = await context.newPage();
  await prompter.goto(`/prompter#token=${e2eToken}`);
  await expect(prompter.getByTestId('prompter')).toContainText('coast');
  await shot(prompter, 'prompter-window-en');

  // Mirroring and speed follow within the sync budget (100 ms; we allow the poll interval on top).
  await page.getByTestId('mirror-h').check();
  await expect(prompter.getByTestId('prompter')).toHaveAttribute('data-mirror-h', 'true', { timeout: 1000 });
  await shot(prompter, 'prompter-window-mirrored-en');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const speed = await page.getByTestId('prompter').first().getAttribute('data-speed');
  await expect(prompter.getByTestId('prompter')).toHaveAttribute('data-speed', speed!, { timeout: 1000 });

  await page.getByTestId('nav-record').click();
  await expect(page.getByTestId('take-preset')).toHaveValue('standard-short');
  await pressRecord(page);
  const phase = page.getByTestId('phase');
  await expect(phase).toHaveAttribute('data-phase', 'silent');
  // From here the page's clock only moves when the test moves it.
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1000);
  const countdown = page.getByTestId('silent-countdown');
  await expect(countdown).toHaveAttribute('data-remaining', /^(30|29|28)$/);
  await expect(prompter.getByTestId('prompter-countdown')).toBeVisible();
  await shot(page, 'run-countdown-en');
  await shot(prompter, 'prompter-countdown-en');

  await page.clock.runFor(10_000);
  await expect(countdown).toHaveAttribute('data-remaining', /^(20|19|18)$/);
  const flubAt = Number(await phase.getAttribute('data-media-time'));
  await page.keyboard.press('f');
  await expect(page.getByTestId('live-timeline')).toHaveAttribute('data-markers', '1');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByText('请保持双唇闭合')).toBeVisible();
  await shot(page, 'run-countdown-zh-CN');
  await setLanguage(page, 'en');

  await page.clock.runFor(20_100);
  await expect(phase).toHaveAttribute('data-phase', 'narration');
  await expect(page.getByTestId('speak-cue')).toBeVisible();
  await expect(prompter.getByTestId('prompter')).toHaveAttribute('data-playing', 'true');
  await shot(page, 'run-start-speaking-en');
  await page.clock.runFor(3_000);
  await expect(page.getByTestId('narration-progress')).toBeVisible();
  await shot(page, 'run-narration-en');
  await page.clock.resume();
  await page.getByTestId('stop').click();

  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
  await expect(take.getByTestId('take-unticked')).toBeVisible();
  await shot(page, 'run-take-done-en');
  await setLanguage(page, 'zh-CN');
  await shot(page, 'run-take-done-zh-CN');

  const dir = await takeDir(shootName, 'take-001');
  const record = TakeSchema.parse(JSON.parse(readFileSync(path.join(dir, 'take.json'), 'utf8')));
  expect(record.preset).toBe('standard-short');
  const phases = record.markers.filter((m) => m.kind === 'phase');
  expect(phases.map((m) => [m.phase, m.t])).toEqual([
    ['silent', 0],
    ['narration', 30],
  ]);
  const flub = record.markers.find((m) => m.kind === 'flub');
  expect(flub).toBeDefined();
  expect(Math.abs(flub!.t - flubAt)).toBeLessThanOrEqual(0.04);
  for (const m of record.markers) expect(Math.abs(m.t * 25 - Math.round(m.t * 25))).toBeLessThan(1e-6);
  expect(record.phases[0]).toMatchObject({ kind: 'silent', start: 0, end: 30 });
  expect(record.checklist.find((c) => c.id === 'quiet-set')?.checked).toBe(true);
  expect(record.checklist.filter((c) => !c.checked).length).toBe(6);
  expect(readdirSync(dir)).toContain('markers.jsonl');
});

test('takes can be starred, renamed and moved to the trash after a confirmation', async ({ page }) => {
  await openStudio(page, 'en');
  const shootName = `Manage ${Date.now()}`;
  await createShoot(page, shootName);
  await page.getByTestId('take-preset').selectOption('multi-aux');
  await pressRecord(page);
  await expect(page.getByTestId('phase')).toHaveAttribute('data-phase', 'narration');
  await page.waitForTimeout(1500);
  await page.getByTestId('stop').click();
  const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
  await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await take.getByTestId('take-star').click();
  await expect(take.getByTestId('take-star')).toHaveAttribute('aria-pressed', 'true');
  await take.getByTestId('take-name').dblclick();
  await take.getByTestId('take-name-input').fill('Best take 最佳');
  await take.getByTestId('take-name-input').press('Enter');
  await expect(take.getByTestId('take-name')).toHaveText('Best take 最佳');
  const dir = await takeDir(shootName, 'take-001');
  expect(JSON.parse(readFileSync(path.join(dir, 'take.json'), 'utf8'))).toMatchObject({ starred: true, name: 'Best take 最佳' });
  await take.getByTestId('take-trash').click();
  await shot(page, 'take-trash-confirm-en');
  await take.getByTestId('take-trash-yes').click();
  await expect(page.locator('[data-testid="take"]')).toHaveCount(0);
  expect(() => readdirSync(dir)).toThrow();
});
