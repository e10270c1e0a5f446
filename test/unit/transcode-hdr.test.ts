/**
 * The HDR fallback chain with real ffmpeg: the LUT computed in TypeScript equals the one zscale
 * builds (HLG and PQ), and a build without zscale still tone-maps (lut-computed), or says clearly
 * that it could not (untouched).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../src/main/services/convert/convert';
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
    const diffs = built.map((v, i) => Math.abs(v - (computed[i] ?? NaN)));
    // zimg works in single precision: the largest gaps (PQ near 10 000 cd/m², saturated) stay
    // under half an 8-bit code value.
    expect(Math.max(...diffs)).toBeLessThan(2e-3);
    expect(diffs.reduce((s, d) => s + d, 0) / diffs.length).toBeLessThan(1e-5);
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
