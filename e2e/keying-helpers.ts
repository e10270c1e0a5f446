import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { setLanguage } from './helpers';
import { formatGreenParams, type GreenParams } from '../src/shared/green-params';
import { fixturesDir, mediaDir } from './env';

const dir = path.join(fixturesDir, 'keying');

/** Derive a fixture from the shared media with ffmpeg once per machine (never committed). */
export function derive(name: string, args: string[]): string {
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, name);
  if (existsSync(out)) return out;
  const tmp = path.join(dir, `.partial-${process.pid}-${name}`);
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args, tmp]);
  renameSync(tmp, out);
  return out;
}

export const media = (name: string) => path.join(mediaDir, name);

/** No cHRM/gAMA chunks: the browser and ffmpeg must see the same pixel values. */
const plain = 'setparams=color_primaries=unknown:color_trc=unknown';

/** Real frames as PNG. */
export const FRAMES = {
  /** driving-d0.mp4 at 1 s: muted real green screen, black bar at the bottom (512×512). */
  d0: () => derive('d0-1s.png', ['-ss', '1', '-i', media('driving-d0.mp4'), '-frames:v', '1', '-vf', plain]),
  /** driving-d14.mp4 at 1 s: a room, not a green screen; black bar on the left (512×512). */
  d14: () => derive('d14-1s.png', ['-ss', '1', '-i', media('driving-d14.mp4'), '-frames:v', '1', '-vf', plain]),
  /** d0 at 2 s cropped and scaled to a 540×960 portrait frame (§1.2.2's shape, half size). */
  d0Portrait: () =>
    derive('d0-2s-540x960.png', ['-ss', '2', '-i', media('driving-d0.mp4'), '-frames:v', '1', '-vf', `crop=288:512:112:0,scale=540:960:flags=bicubic,${plain}`]),
  /** d0 at 0.5 s scaled to 1080×1920 (full §1.2.2 size). */
  d0Full: () =>
    derive('d0-05s-1080x1920.png', ['-ss', '0.5', '-i', media('driving-d0.mp4'), '-frames:v', '1', '-vf', `crop=288:512:112:0,scale=1080:1920:flags=bicubic,${plain}`]),
  /** talking-1.mp4 at 1 s: a face on a non-green background (700×700). */
  talking: () => derive('talking1-1s.png', ['-ss', '1', '-i', media('talking-1.mp4'), '-frames:v', '1', '-vf', plain]),
};

/**
 * Switch the UI language and wait until the keying screen shows it (main remembers the language of
 * an earlier test and the app adopts it on load, so every screenshot sets its own).
 */
export async function useLanguage(page: Page, lang: 'en' | 'zh-CN'): Promise<void> {
  await setLanguage(page, lang);
  // Generous: on 2 shared cores with software WebGL (and the Record screen's vision worker still
  // starting up) a re-render can take seconds.
  await expect(page.getByTestId('keying-findings')).toContainText(lang === 'en' ? 'Backdrop check' : '幕布检查', { timeout: 20_000 });
}

/** Open the keying screen (from any screen). */
export async function gotoKeying(page: Page): Promise<void> {
  if (!(await page.getByTestId('keying-screen').isVisible())) await page.getByTestId('nav-keying').click();
  await page.getByTestId('keying-screen').waitFor();
}

/** Import an image or video file through the file input, as an operator's "Open…" does. */
export async function importFile(page: Page, file: string): Promise<void> {
  await gotoKeying(page);
  await page.getByTestId('keying-file').setInputFiles(file);
}

/** Paste parameters through the UI (also exercises Paste) and wait until they are drawn. */
export async function pasteParams(page: Page, params: GreenParams): Promise<void> {
  await page.getByTestId('keying-paste-text').fill(formatGreenParams(params));
  await page.getByTestId('keying-paste-apply').click();
  await expect(page.getByTestId('keying-paste-applied')).toBeVisible();
  await expect(page.getByTestId('keying-stage')).toHaveAttribute('data-rendered-params', JSON.stringify(params));
}

export async function showView(page: Page, view: 'original' | 'keyed' | 'matte' | 'side'): Promise<void> {
  await page.getByTestId(`keying-view-${view}`).click();
  await expect(page.getByTestId('keying-stage')).toHaveAttribute('data-rendered-view', view);
}

/** The keying canvas's pixels as a PNG (the WebGL canvas keeps its drawing buffer). */
export async function canvasPng(page: Page): Promise<Buffer> {
  const url = await page.getByTestId('keying-canvas').evaluate((c) => (c as HTMLCanvasElement).toDataURL('image/png'));
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}
