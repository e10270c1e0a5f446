import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { HarnessFrame, HarnessOptions } from '../src/renderer/src/features/vision/harness';
import { e2eToken, fixturesDir, mediaDir } from './env';

/** Open the vision harness (the app's own page running the same worker) and start it. */
export async function openHarness(page: Page, mode: 'VIDEO' | 'IMAGE', lang: 'en' | 'zh-CN' = 'en'): Promise<void> {
  // The page's token is its key to the face model route (issue #11).
  await page.goto(`/vision-harness.html#token=${e2eToken}`);
  await page.waitForFunction(() => typeof window.visionHarness === 'object');
  await page.evaluate((l) => window.visionHarness.setLanguage(l), lang);
  await page.evaluate((m) => window.visionHarness.init(m), mode);
}

/**
 * Analyse local files in the harness, in order: images, or (stream: true) concatenated-PNG
 * sequences made by frameStream(). The files reach the page through its file input, not the network.
 */
export async function analyseFiles(
  page: Page,
  files: string[],
  opts: HarnessOptions & { every?: number; stream?: boolean } = {},
): Promise<HarnessFrame[]> {
  await page.getByTestId('harness-files').setInputFiles(files);
  return page.evaluate((o) => window.visionHarness.analyseFiles(o), opts);
}

export const media = (name: string) => path.join(mediaDir, name);

/**
 * Every frame of a media file as one file of concatenated PNGs (decode order, 0-based; lossless),
 * made once per run with ffmpeg.
 */
export function frameStream(source: string, name: string, args: string[] = []): string {
  const out = path.join(fixturesDir, name);
  if (!existsSync(out)) {
    const tmp = `${out}.partial`;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', media(source), ...args, '-fps_mode', 'passthrough', '-f', 'image2pipe', '-c:v', 'png', tmp]);
    renameSync(tmp, out);
  }
  return out;
}

/** A derived still (crop, one frame …) of a media file, made once per run. */
export function deriveImage(source: string, name: string, args: string[]): string {
  const out = path.join(fixturesDir, name);
  if (!existsSync(out)) execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', media(source), ...args, '-frames:v', '1', out]);
  return out;
}

export function sha256Prefix(file: string, n = 16): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, n);
}

/** Requests that leave the machine (anything not the studio itself), for asserting there are none. */
export function watchOutsideRequests(page: Page): string[] {
  const outside: string[] = [];
  page.context().on('request', (r) => {
    const u = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !['blob:', 'data:'].includes(u.protocol)) outside.push(r.url());
  });
  return outside;
}
