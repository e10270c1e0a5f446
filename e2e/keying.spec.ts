import { promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { locateFfmpeg } from '../src/main/services/ffmpeg';
import { decodeFrame } from '../src/main/services/keying/frames';
import { defaultGreenParams, formatGreenParams, type GreenParams } from '../src/shared/green-params';
import { keyFrame } from '../src/shared/keying/cpu-keyer';
import { e2eHome, repoRoot } from './env';
import { createShoot, openStudio, shot } from './helpers';
import { FRAMES, canvasPng, gotoKeying, importFile, media, pasteParams, showView, useLanguage } from './keying-helpers';

const D = defaultGreenParams();

async function framesDrawn(page: Page): Promise<number> {
  return Number(await page.getByTestId('keying-stage').getAttribute('data-frames'));
}

/** Import a picture and wait until the new picture has been drawn. */
async function importAndWait(page: Page, file: string, width: number, height: number): Promise<void> {
  await gotoKeying(page);
  const before = await framesDrawn(page);
  await importFile(page, file);
  const stage = page.getByTestId('keying-stage');
  await expect(stage).toHaveAttribute('data-width', String(width));
  await expect(stage).toHaveAttribute('data-height', String(height));
  await expect.poll(() => framesDrawn(page)).toBeGreaterThan(before);
}

test.describe('keying preview', () => {
  test('WebGL2 keyer and CPU reference agree to one 8-bit rounding step on real frames', async ({ page }) => {
    test.setTimeout(240_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openStudio(page, 'en');
    const ff = await locateFfmpeg();
    const tmp = await fs.mkdtemp(path.join(repoRoot, 'test-results', 'keying-gpu-'));

    const cases: { name: string; file: string; params: GreenParams }[] = [
      { name: 'd0 defaults', file: FRAMES.d0(), params: D },
      {
        name: 'd0 aggressive',
        file: FRAMES.d0(),
        params: { ...D, greenParamsRefinethHBgr: 100, greenParamsRefinethLBgr: 20, greenParamsBlurKs: 7, greenParamsColorbalance: 50, greenParamsSpillByalpha: 0.8 },
      },
      { name: 'd0 portrait defaults', file: FRAMES.d0Portrait(), params: D },
      {
        name: 'd0 portrait sampled key, even kernel',
        file: FRAMES.d0Portrait(),
        params: { ...D, greenParamsSamplePointBgr: [103, 151, 69], greenParamsBlurKs: 2, greenParamsSampleBackground: { color: [0, 0, 255] } },
      },
      { name: 'd14 defaults (not a green screen)', file: FRAMES.d14(), params: D },
      { name: 'talking-1 no smoothing', file: FRAMES.talking(), params: { ...D, greenParamsBlurKs: 0, greenParamsRefinethHBgr: 140, greenParamsRefinethLBgr: 30 } },
      { name: 'd0 1080×1920 defaults', file: FRAMES.d0Full(), params: D },
    ];

    const results: { name: string; width: number; height: number; alphaMeanAbs: number; alphaMaxAbs: number; compositeMeanAbs: number }[] = [];
    for (const c of cases) {
      const frame = await decodeFrame(ff, c.file);
      await importAndWait(page, c.file, frame.width, frame.height);
      await pasteParams(page, c.params);
      const cpu = keyFrame(frame, c.params, { composite: true });

      await showView(page, 'matte');
      const mattePng = path.join(tmp, 'matte.png');
      writeFileSync(mattePng, await canvasPng(page));
      const gpuMatte = await decodeFrame(ff, mattePng);
      expect([gpuMatte.width, gpuMatte.height]).toEqual([frame.width, frame.height]);
      let sum = 0;
      let max = 0;
      for (let i = 0; i < cpu.alpha.length; i++) {
        const d = Math.abs((gpuMatte.data[i * 4] ?? 0) - (cpu.alpha[i] ?? 0));
        sum += d;
        if (d > max) max = d;
      }
      const alphaMeanAbs = sum / cpu.alpha.length;

      await showView(page, 'keyed');
      const keyedPng = path.join(tmp, 'keyed.png');
      writeFileSync(keyedPng, await canvasPng(page));
      const gpuKeyed = await decodeFrame(ff, keyedPng);
      let csum = 0;
      const comp = cpu.composite ?? new Uint8ClampedArray();
      for (let i = 0; i < comp.length; i++) if (i % 4 !== 3) csum += Math.abs((gpuKeyed.data[i] ?? 0) - (comp[i] ?? 0));
      const compositeMeanAbs = csum / ((comp.length / 4) * 3);
      results.push({ name: c.name, width: frame.width, height: frame.height, alphaMeanAbs, alphaMaxAbs: max, compositeMeanAbs });
    }
    await fs.rm(tmp, { recursive: true, force: true });
    writeFileSync(path.join(repoRoot, 'test-results', 'keying-gpu-vs-cpu.json'), JSON.stringify({ renderer: await page.getByTestId('keying-stage').getAttribute('data-renderer'), results }, null, 2));
    console.log(results.map((r) => `${r.name}: mean |Δα| ${r.alphaMeanAbs.toFixed(4)}/255, max ${r.alphaMaxAbs}, composite ${r.compositeMeanAbs.toFixed(3)}`).join('\n'));
    await expect(page.getByTestId('keying-stage')).toHaveAttribute('data-engine', 'webgl2');
    // The preview must show the matte the export computes. The GPU keys in float and the canvas
    // rounds to 8 bits; the CPU rounds in its own order: the two may land on neighbouring codes,
    // never further apart. A pixel keyed differently, or a blur kernel that differs, shows up as
    // several codes at the subject's outline (up to 255), so the largest difference is the check
    // (measured here on SwiftShader: 0 on six cases, 1 on the sampled key with an even kernel).
    for (const r of results) {
      expect(r.alphaMaxAbs, r.name).toBeLessThanOrEqual(1);
      expect(r.alphaMeanAbs, r.name).toBeLessThanOrEqual(1);
      expect(r.compositeMeanAbs, r.name).toBeLessThanOrEqual(2);
    }
    expect(errors).toEqual([]);
  });

  test('a green-screen video: scrub and play, every view, the bottom bar found (en and zh-CN)', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openStudio(page, 'en');
    await importAndWait(page, media('driving-d0.mp4'), 512, 512);
    await useLanguage(page, 'en');
    await expect(page.getByTestId('keying-screen')).toHaveAttribute('data-source', 'video');
    await page.getByTestId('keying-scrub').fill('1');
    await expect.poll(async () => Number(await page.getByTestId('keying-video-controls').getAttribute('data-time'))).toBeCloseTo(1, 1);

    const findings = page.getByTestId('keying-findings');
    const bar = page.locator('[data-testid="keying-finding"][data-rule="key.non-backdrop-edge"]');
    await expect(bar).toHaveAttribute('data-edge', 'bottom');
    await expect(bar).toHaveAttribute('data-severity', 'error');
    await expect(findings).toHaveAttribute('data-backdrop', 'yes');
    // The check ran off the UI thread (features/keying/analysis.worker.ts), not in the fallback.
    await expect(page.getByTestId('keying-screen')).toHaveAttribute('data-analysis-thread', 'worker');
    await expect(page.getByTestId('keying-overlay')).toBeVisible();

    for (const lang of ['en', 'zh-CN'] as const) {
      await useLanguage(page, lang);
      for (const view of ['original', 'keyed', 'matte', 'side'] as const) {
        await showView(page, view);
        await shot(page, `keying-video-${view}-${lang}`);
      }
    }
    await expect(bar).toContainText('下');
    await useLanguage(page, 'en');
    await expect(bar).toContainText('bottom edge');

    // Play: new frames keep being keyed; pause again.
    const before = await framesDrawn(page);
    await page.getByTestId('keying-play').click();
    await expect.poll(() => framesDrawn(page), { timeout: 15_000 }).toBeGreaterThan(before + 5);
    await page.getByTestId('keying-play').click();
    await expect(page.getByTestId('keying-video-controls')).toHaveAttribute('data-paused', '1');
    expect(errors).toEqual([]);
  });

  test('driving-d14.mp4 (not a green screen): the left black bar is still reported, as a warning', async ({ page }) => {
    await openStudio(page, 'en');
    await importAndWait(page, media('driving-d14.mp4'), 512, 512);
    await useLanguage(page, 'en');
    await page.getByTestId('keying-scrub').fill('2');
    const findings = page.getByTestId('keying-findings');
    await expect(findings).toHaveAttribute('data-backdrop', 'no');
    const bar = page.locator('[data-testid="keying-finding"][data-rule="key.non-backdrop-edge"]');
    await expect(bar).toHaveAttribute('data-edge', 'left');
    await expect(bar).toHaveAttribute('data-severity', 'warn');
    await showView(page, 'side');
    await shot(page, 'keying-d14-side-en');
    await useLanguage(page, 'zh-CN');
    await expect(bar).toContainText('左');
    await shot(page, 'keying-d14-side-zh-CN');
    await useLanguage(page, 'en');
  });

  test('parameters: saved with the shoot, copy → paste round-trips, bad pastes named, pick colour, blue preset', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openStudio(page, 'en');
    const shootName = `Keying shoot ${Date.now()}`;
    await createShoot(page, shootName, 'Model');
    await importAndWait(page, FRAMES.d0(), 512, 512);
    await useLanguage(page, 'en');
    const saved = page.getByTestId('keying-saved');
    await expect(saved).toHaveAttribute('data-state', 'saved');

    // A slider and its number field: BlurKs 3 → 5, saved to <shoot>/green-params.json.
    await page.getByTestId('keying-num-greenParamsBlurKs').fill('5');
    await page.getByTestId('keying-num-greenParamsBlurKs').press('Enter');
    await expect(page.getByTestId('keying-range-greenParamsBlurKs')).toHaveValue('5');
    await expect(saved).toHaveAttribute('data-state', 'saved');
    const shootDir = findShootDir(shootName);
    const expected = { ...D, greenParamsBlurKs: 5 };
    await expect.poll(() => readFileSync(path.join(shootDir, 'green-params.json'), 'utf8')).toBe(formatGreenParams(expected) + '\n');

    // Out of range in a number field: not applied, the problem named.
    await page.getByTestId('keying-num-greenParamsColorbalance').fill('150');
    await page.getByTestId('keying-num-greenParamsColorbalance').press('Enter');
    await expect(page.getByTestId('keying-param-problem')).toContainText('greenParamsColorbalance');
    await expect(page.getByTestId('keying-num-greenParamsColorbalance')).toHaveValue('100');

    // Copy: clipboard and on screen, exactly the §1.3.3 shape.
    await page.getByTestId('keying-copy').click();
    await expect(page.getByTestId('keying-copy-json')).toHaveText(formatGreenParams(expected));
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    expect(clip).toBe(formatGreenParams(expected));

    // Paste: a mistyped, out-of-range, misspelt block is refused with every key named.
    const bad = formatGreenParams(expected)
      .replace('"greenParamsBlurKs": 5', '"greenParamsBlurKs": "5"')
      .replace('"greenParamsRefinethHBgr": 160', '"greenParamsRefinethHBgr": 300')
      .replace('"greenParamsColorbalance"', '"greenParamsColourbalance"');
    await page.getByTestId('keying-paste-text').fill(bad);
    await page.getByTestId('keying-paste-apply').click();
    const errs = page.getByTestId('keying-paste-error');
    await expect(page.locator('[data-testid="keying-paste-error"][data-key="greenParamsBlurKs"]')).toHaveAttribute('data-code', 'wrong-type');
    await expect(page.locator('[data-testid="keying-paste-error"][data-key="greenParamsRefinethHBgr"]')).toHaveAttribute('data-code', 'out-of-range');
    await expect(page.locator('[data-testid="keying-paste-error"][data-key="greenParamsColourbalance"]')).toHaveAttribute('data-code', 'unknown-key');
    await expect(page.locator('[data-testid="keying-paste-error"][data-key="greenParamsColorbalance"]')).toHaveAttribute('data-code', 'missing');
    expect(await errs.count()).toBe(4);
    await expect(page.getByTestId('keying-range-greenParamsRefinethHBgr')).toHaveValue('160');
    await page.getByTestId('keying-paste-errors').scrollIntoViewIfNeeded();
    await shot(page, 'keying-paste-errors-en');
    await useLanguage(page, 'zh-CN');
    await expect(page.locator('[data-testid="keying-paste-error"][data-key="greenParamsColourbalance"]')).toContainText('未知的键');
    await page.getByTestId('keying-paste-errors').scrollIntoViewIfNeeded();
    await shot(page, 'keying-paste-errors-zh-CN');
    await useLanguage(page, 'en');

    // Paste the platform's own block as §1.3.3 prints it (with // comments): applied exactly.
    const platform = [
      '{',
      '"greenParamsRefinethHBgr": 145, // Background retention level',
      '"greenParamsRefinethLBgr": 30, // Character edge retention width',
      '"greenParamsBlurKs": 3, // Smoothness',
      '"greenParamsColorbalance": 1, // Green removal level',
      '"greenParamsSpillByalpha": 0.5, // Green removal color balance',
      '"greenParamsSamplePointBgr": [ // Sampling color',
      '0,',
      '255,',
      '0',
      '],',
      '"greenParamsSampleBackground": { // Background color',
      '"color": [',
      '255,',
      '0,',
      '0',
      ']',
      '}',
      '}',
    ].join('\n');
    const fromPlatform: GreenParams = { ...D, greenParamsRefinethHBgr: 145, greenParamsRefinethLBgr: 30, greenParamsColorbalance: 1 };
    await page.getByTestId('keying-paste-text').fill(platform);
    await page.getByTestId('keying-paste-apply').click();
    await expect(page.getByTestId('keying-paste-applied')).toBeVisible();
    await expect(page.getByTestId('keying-num-greenParamsRefinethHBgr')).toHaveValue('145');
    await page.getByTestId('keying-copy').click();
    await expect(page.getByTestId('keying-copy-json')).toHaveText(formatGreenParams(fromPlatform));
    await expect.poll(() => readFileSync(path.join(shootDir, 'green-params.json'), 'utf8')).toBe(formatGreenParams(fromPlatform) + '\n');

    // Pick the key colour from the backdrop (top-left corner of the picture, original view).
    await showView(page, 'original');
    await page.getByTestId('keying-pick').click();
    const box = await page.getByTestId('keying-canvas').boundingBox();
    if (!box) throw new Error('no canvas');
    await page.mouse.click(box.x + box.width * 0.05, box.y + box.height * 0.05);
    const swatch = page.getByTestId('keying-swatch-greenParamsSamplePointBgr');
    // The backdrop there is about RGB 69,151,104: B,G,R 104,151,69.
    await expect
      .poll(async () => {
        const bgr = ((await swatch.getAttribute('data-bgr')) ?? '').split(',').map(Number);
        return [104, 151, 69].every((v, i) => Math.abs((bgr[i] ?? -99) - v) <= 6);
      })
      .toBe(true);
    await showView(page, 'side');
    await expect(page.getByTestId('keying-findings')).toHaveAttribute('data-backdrop', 'yes');
    await shot(page, 'keying-picked-en');

    // §5.3's blue screen: B,G,R 255,0,0; the green backdrop no longer keys.
    await page.getByTestId('keying-preset-blue').click();
    await expect(swatch).toHaveAttribute('data-bgr', '255,0,0');
    await expect(page.getByTestId('keying-findings')).toHaveAttribute('data-backdrop', 'no');
    await shot(page, 'keying-blue-preset-en');
    await useLanguage(page, 'zh-CN');
    await page.getByTestId('keying-params').scrollIntoViewIfNeeded();
    await shot(page, 'keying-blue-preset-zh-CN');
    await useLanguage(page, 'en');
    await expect.poll(() => JSON.parse(readFileSync(path.join(shootDir, 'green-params.json'), 'utf8')).greenParamsSamplePointBgr).toEqual([255, 0, 0]);

    // Reload: the shoot's parameters come back from main.
    await page.reload();
    await page.getByTestId('keying-screen').waitFor();
    await expect(page.getByTestId('keying-swatch-greenParamsSamplePointBgr')).toHaveAttribute('data-bgr', '255,0,0');
  });
});

function findShootDir(name: string): string {
  const root = path.join(e2eHome, 'shoots');
  for (const d of readdirSync(root)) {
    try {
      if (JSON.parse(readFileSync(path.join(root, d, 'shoot.json'), 'utf8')).name === name) return path.join(root, d);
    } catch {
      // not a shoot
    }
  }
  throw new Error(`no shoot named ${name}`);
}
