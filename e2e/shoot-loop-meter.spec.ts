import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { TakeSchema } from '../src/shared/api';
import { AUDIO_METER } from '../src/shared/standards';
import { BASE_CHROMIUM_ARGS, chromiumPath, e2ePort, fakeMediaArgs, fixturesDir, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, setLanguage, shot, takeDir } from './helpers';

const JFK = path.join(mediaDir, 'audio/jfk.wav');

/** jfk.wav through an ffmpeg filter, derived once (the fake microphone plays a file). */
function derivedWav(name: string, filter: string): string {
  mkdirSync(fixturesDir, { recursive: true });
  const out = path.join(fixturesDir, name);
  if (!existsSync(out)) {
    const tmp = `${out}.partial.wav`;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', JFK, '-af', filter, '-ar', '48000', tmp]);
    renameSync(tmp, out);
  }
  return out;
}

/** ffmpeg astats' overall peak (dBFS) of a file at 48 kHz: the independent measurement. */
function astatsPeakDb(file: string): number {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', 'aresample=48000,aformat=sample_fmts=flt,astats=metadata=0', '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(/Overall[\s\S]*?Peak level dB: (-?[\d.]+)/.exec(r.stderr)?.[1]);
}

function launchArgs(audio: string, video = fixture('talking3Portrait')) {
  return { executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(video, audio)] };
}

/** A browser whose fake microphone plays `audio` (launch options cannot change per describe). */
async function withMicrophone(audio: string, body: (page: Page) => Promise<void>, video?: string): Promise<void> {
  const browser = await chromium.launch(launchArgs(audio, video));
  try {
    const page = await browser.newPage({ baseURL: `http://127.0.0.1:${e2ePort}`, viewport: { width: 1400, height: 900 } });
    await body(page);
  } finally {
    await browser.close();
  }
}

test.use({ launchOptions: launchArgs(JFK) });

/** The loudest data-peak-db the meter shows over a few seconds of the looping fake microphone. */
async function loudestPeak(page: Page, seconds: number): Promise<number> {
  let max = -Infinity;
  for (let i = 0; i < seconds * 5; i++) {
    const v = Number(await page.getByTestId('audio-meter').getAttribute('data-peak-db'));
    if (Number.isFinite(v)) max = Math.max(max, v);
    await page.waitForTimeout(200);
  }
  return max;
}

test.describe('meter at a normal level (jfk.wav)', () => {
  test('shows peak and RMS in dBFS as ffmpeg measures the file, with no warning', async ({ page }) => {
    await openStudio(page, 'en');
    await createShoot(page, `Meter ${Date.now()}`);
    const meter = page.getByTestId('audio-meter');
    await expect(meter).toHaveAttribute('data-state', 'running');
    // jfk.wav is speech at −8…−20 dBFS peaks: the meter reads well above the floor, never above
    // the file's own peak (ffmpeg astats) by more than a resampling overshoot.
    const loudest = await loudestPeak(page, 12);
    expect(loudest).toBeGreaterThan(-20);
    expect(loudest).toBeLessThanOrEqual(astatsPeakDb(JFK) + 0.5);
    expect(Number(await meter.getAttribute('data-rms-db'))).toBeLessThanOrEqual(Number(await meter.getAttribute('data-peak-db')) + 0.05);
    await expect(page.getByTestId('clip-lamp')).not.toHaveClass(/on/);
    await expect(page.getByTestId('audio-warning')).toHaveCount(0);
    await shot(page, 'loop-meter-normal-en');
    await setLanguage(page, 'zh-CN');
    await expect(meter).toContainText('音频');
    await shot(page, 'loop-meter-normal-zh-CN');
  });
});

test.describe('meter on a clipping microphone (jfk.wav +12 dB, hard-limited at full scale)', () => {
  test('lights the clip lamp and says to turn the gain down', () =>
    withMicrophone(derivedWav('jfk-hot-12db.wav', 'volume=12dB,alimiter=limit=1:level=false'), async (page) => {
    await openStudio(page, 'en');
    await createShoot(page, `Meter hot ${Date.now()}`);
    await expect(page.getByTestId('audio-warning')).toHaveAttribute('data-warning', 'clipping', { timeout: 30_000 });
    await expect(page.getByTestId('clip-lamp')).toHaveClass(/on/);
    await expect(page.getByTestId('audio-warning')).toContainText(`${AUDIO_METER.clipDbfs} dBFS`);
    await shot(page, 'loop-meter-clipping-en');
    await setLanguage(page, 'zh-CN');
    await expect(page.getByTestId('audio-warning')).toContainText('削波');
    await shot(page, 'loop-meter-clipping-zh-CN');
    }));
});

test.describe('meter on a far-away microphone (jfk.wav −50 dB)', () => {
  test('says the sound is too quiet', () =>
    withMicrophone(derivedWav('jfk-quiet-50db.wav', 'volume=-50dB'), async (page) => {
    await openStudio(page, 'en');
    await createShoot(page, `Meter quiet ${Date.now()}`);
    await expect(page.getByTestId('audio-warning')).toHaveAttribute('data-warning', 'too-quiet', { timeout: 30_000 });
    expect(Number(await page.getByTestId('audio-meter').getAttribute('data-peak-db'))).toBeLessThan(AUDIO_METER.quietPeakDbfs);
    await setLanguage(page, 'zh-CN');
    await expect(page.getByTestId('audio-warning')).toContainText('音量过低');
    }));
});

/** The portrait fixture at 12 fps: a camera that cannot keep 25 fps (derived once). */
function slowCamera(): string {
  const out = path.join(fixturesDir, 'talking-3-540x960-12fps.y4m');
  if (!existsSync(out)) {
    const tmp = `${out}.partial.y4m`;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', path.join(mediaDir, 'talking-3.mp4'), '-t', '8', '-vf', 'scale=540:-2,pad=540:960:0:(oh-ih)/2,fps=12', '-pix_fmt', 'yuv420p', tmp]);
    renameSync(tmp, out);
  }
  return out;
}

test.describe('frames delivered by a 12-fps camera', () => {
  test('warn while recording and say so on the take card and in take.json', () =>
    withMicrophone(
      JFK,
      async (page) => {
        await openStudio(page, 'en');
        const shootName = `Slow ${Date.now()}`;
        await createShoot(page, shootName);
        await page.getByTestId('auto-check').uncheck();
        await page.getByTestId('record').click();
        await page.getByTestId('record-anyway').click();
        const stats = page.getByTestId('rec-stats');
        await expect(stats).toHaveAttribute('data-low', 'true', { timeout: 30_000 });
        await expect(page.getByTestId('rec-stats-warning')).toContainText('25');
        // The camera gives 12 a second: well under 25, never more than it has.
        expect(Number(await stats.getAttribute('data-delivered-fps'))).toBeLessThan(14);
        expect(Number(await stats.getAttribute('data-dropped'))).toBeGreaterThan(0);
        await shot(page, 'loop-rec-stats-low-en');
        await setLanguage(page, 'zh-CN');
        await expect(page.getByTestId('rec-stats-warning')).toContainText('丢帧');
        await shot(page, 'loop-rec-stats-low-zh-CN');
        await setLanguage(page, 'en');
        await page.getByTestId('stop').click();
        const take = page.locator('[data-testid="take"][data-take-id="take-001"]');
        await expect(take).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
        const card = take.getByTestId('take-rec-stats');
        await expect(card).toHaveAttribute('data-recorded-fps', /^\d/);
        expect(Number(await card.getAttribute('data-recorded-fps'))).toBeLessThan(14);
        const saved = TakeSchema.parse(JSON.parse(readFileSync(path.join(await takeDir(shootName, 'take-001'), 'take.json'), 'utf8')));
        expect(saved.recStats?.belowStandard).toBe(true);
      },
      slowCamera(),
    ));
});
