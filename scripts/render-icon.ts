/**
 * Render resources/icon.svg to the PNG sizes the windows, the packages and the favicon use, with
 * the same headless Chromium the studio's checker uses (no image tool is needed on the machine).
 * Run after editing the SVG: `npx tsx scripts/render-icon.ts`; the PNGs are committed.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../src/main/services/chromium-path';

export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../resources');
const svg = readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: set CAPTURE_STUDIO_CHROMIUM to one.');
const browser = await chromium.launch({ executablePath, args: [...HEADLESS_CHROMIUM_ARGS] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const body = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    const out = path.join(dir, `icon-${size}.png`);
    writeFileSync(`${out}.tmp`, png);
    renameSync(`${out}.tmp`, out);
    await page.close();
  }
} finally {
  await browser.close();
}
