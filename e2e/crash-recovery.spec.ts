import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { probeMedia } from '../src/main/services/ffmpeg';
import { BASE_CHROMIUM_ARGS, chromiumPath, fakeMediaArgs, mediaDir, repoRoot } from './env';
import { fixture } from './global-setup';
import { createShoot, pressRecord, shot } from './helpers';

test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), path.join(mediaDir, 'audio/jfk.wav'))],
  },
});

const PORT = Number(process.env.E2E_PORT ?? 47_311) + 7;
const TOKEN = 'crash-test-token';

/** A serve process of our own (one node process, no npx wrapper), so SIGKILL hits the studio itself. */
function startServe(home: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/serve.ts', '--port', String(PORT), '--renderer', `${process.env.CAPTURE_STUDIO_OUT ?? 'out'}/renderer`],
    { cwd: repoRoot, env: { ...process.env, CAPTURE_STUDIO_HOME: home, CAPTURE_STUDIO_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stderr!.on('data', () => {}); // drained, so a chatty server never blocks on a full pipe
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('is running') && resolve(child));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}

test('a take killed mid-recording (SIGKILL) is recovered at the next start, playable, at most 2 s short', async ({ page }) => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cs-crash-'));
  let server = await startServe(home);
  try {
    await page.addInitScript(() => localStorage.setItem('capture-studio.language', 'en'));
    await page.goto(`http://127.0.0.1:${PORT}/#token=${TOKEN}`);
    const shootName = `Crash ${Date.now()}`;
    await createShoot(page, shootName);
    await page.getByTestId('take-preset').selectOption('standard-short');
    await pressRecord(page);
    await expect(page.getByTestId('rec-timer')).toBeVisible();
    const started = Date.now();
    await page.keyboard.press('f');
    await page.waitForTimeout(6_000);
    server.kill('SIGKILL');
    const recorded = (Date.now() - started) / 1000;
    await new Promise((r) => server.once('exit', r));

    // The page lost its studio mid-take; it shows that, then finds the restarted studio by itself.
    await expect(page.getByTestId('error-banner')).toBeVisible();
    await expect(page.getByTestId('record')).toBeVisible();
    server = await startServe(home);
    const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
    await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    await expect(take).toHaveAttribute('data-recovered', 'true');
    await shot(page, 'crash-recovered-en');

    const shootDir = path.join(home, 'shoots', readdirSync(path.join(home, 'shoots'))[0]!);
    const record = JSON.parse(readFileSync(path.join(shootDir, 'take-001', 'take.json'), 'utf8')) as {
      markers: { kind: string }[];
      recovered: { recordedSeconds: number } | null;
    };
    expect(record.recovered).not.toBeNull();
    expect(record.markers.map((m) => m.kind)).toEqual(expect.arrayContaining(['phase', 'flub']));
    const p = await probeMedia(path.join(shootDir, 'take-001', 'delivery.mp4'));
    expect(p.video?.codec).toBe('h264');
    expect(p.video?.avgFrameRate).toMatchObject({ num: 25, den: 1 });
    expect(p.durationSec).toBeGreaterThanOrEqual(recorded - 2);
    expect(p.durationSec).toBeLessThanOrEqual(recorded + 1);
  } finally {
    server.kill('SIGKILL');
  }
});
