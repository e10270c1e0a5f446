/**
 * The HDR fallback chain with real ffmpeg: the LUT computed in TypeScript equals the one zscale
 * builds (HLG and PQ), and a build without zscale still tone-maps (lut-computed), or says clearly
 * that it could not (untouched).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../src/main/services/convert/convert';
import { deltaE2000, rgb8ToLab } from '../../src/main/services/convert/delta-e';
import { ensureHdrLut } from '../../src/main/services/convert/hdr';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { ConvertOptionsSchema } from '../../src/shared/ingest/options';
import { tempDir } from './helpers/derive';
import { deriveHlgMov, psnrOf, sha256 } from './helpers/transcode';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-hdr-');
afterAll(tmp.cleanup);
const cacheDir = path.join(tmp.dir, 'cache');
const options = ConvertOptionsSchema.parse({ preset: 'ultrafast' });

function cubeValues(file: string): number[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^[\d.]+ [\d.]+ [\d.]+$/.test(l))
    .flatMap((l) => l.split(' ').map(Number));
}

let hlg = '';
beforeAll(() => {
  hlg = deriveHlgMov(path.join(tmp.dir, 'hlg.mov'), 1);
});

describe('the HDR look-up tables', () => {
  it.each(['hlg', 'pq'] as const)('%s: the computed LUT equals the one zscale + tonemap builds', async (kind) => {
    const built = cubeValues(await ensureHdrLut(ff, kind, cacheDir, 'zscale'));
    const computed = cubeValues(await ensureHdrLut(ff, kind, cacheDir, 'computed'));
    expect(computed.length).toBe(built.length);
    expect(built.length).toBe(33 ** 3 * 3);
    // The tolerance is what a viewer of the 8-bit delivery can see, not one zimg build's rounding
    // (the old "mean error < 1e-5" failed on builds at 2.5e-5 that look identical):
    //  - every lattice value within half an 8-bit code (1/510): the two LUTs round to the same
    //    8-bit code or to neighbours, never further apart;
    //  - every lattice colour, as 8-bit BT.709 shown on a BT.1886 display, less than ΔE00 = 1 apart
    //    (the just-noticeable difference; Sharma et al. 2005). Measured here (ffmpeg 5.1, zimg 3.0):
    //    HLG max |Δ| 4e-6, max ΔE00 0.63; PQ max |Δ| 1.1e-3, max ΔE00 0.50.
    const diffs = built.map((v, i) => Math.abs(v - (computed[i] ?? NaN)));
    expect(Math.max(...diffs)).toBeLessThan(1 / 510);
    const code = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255);
    const rgb8 = (values: number[], i: number) => [code(values[i]!), code(values[i + 1]!), code(values[i + 2]!)] as const;
    let maxDeltaE = 0;
    for (let i = 0; i < built.length; i += 3) maxDeltaE = Math.max(maxDeltaE, deltaE2000(rgb8ToLab(...rgb8(built, i)), rgb8ToLab(...rgb8(computed, i))));
    expect(maxDeltaE).toBeLessThan(1);
  });
});

describe('HDR without zscale', () => {
  it('tone-maps with the computed LUT and says so; without lut3d it warns that it could not', async () => {
    const before = sha256(hlg);
    const exact = await convertFile({ ff, input: hlg, output: path.join(tmp.dir, 'exact.mp4'), options: { ...options, hdr: 'exact' }, cacheDir });
    const computed = await convertFile({
      ff,
      input: hlg,
      output: path.join(tmp.dir, 'computed.mp4'),
      options,
      cacheDir,
      filterSupport: { zscale: false, tonemap: true, lut3d: true },
    });
    expect(computed.hdr).toMatchObject({ method: 'lut-computed', transfer: 'hlg' });
    expect(computed.hdr.note).toContain('no zscale filter');
    expect(computed.probe.video).toMatchObject({ codec: 'h264', bitDepth: 8, colorTransfer: 'bt709', width: 360, height: 640 });
    expect(psnrOf(computed.output, exact.output)).toBeGreaterThan(40);

    const flat = await convertFile({
      ff,
      input: hlg,
      output: path.join(tmp.dir, 'flat.mp4'),
      options,
      cacheDir,
      filterSupport: { zscale: false, tonemap: false, lut3d: false },
    });
    expect(flat.hdr.method).toBe('untouched');
    expect(flat.warnings.map((w) => w.rule)).toContain('convert.hdr-untouched');
    expect(flat.probe.video?.bitDepth).toBe(8);
    expect(sha256(hlg)).toBe(before);
  });
});
