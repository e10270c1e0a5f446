import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, type Page, test } from '@playwright/test';
import { AUDIO_METER } from '../src/shared/standards';
import { BASE_CHROMIUM_ARGS, chromiumPath, e2ePort, fakeMediaArgs, fixturesDir, mediaDir } from './env';
import { fixture } from './global-setup';
import { createShoot, openStudio, setLanguage, shot } from './helpers';

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

function launchArgs(audio: string) {
  return { executablePath: chromiumPath(), args: [...BASE_CHROMIUM_ARGS, ...fakeMediaArgs(fixture('talking3Portrait'), audio)] };
}

/** A browser whose fake microphone plays `audio` (launch options cannot change per describe). */
async function withMicrophone(audio: string, body: (page: Page) => Promise<void>): Promise<void> {
  const browser = await chromium.launch(launchArgs(audio));
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
