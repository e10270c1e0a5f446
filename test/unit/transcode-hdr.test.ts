/**
 * The HDR fallback chain with real ffmpeg: the LUT computed in TypeScript equals the one zscale
 * builds (HLG and PQ), the Y'CbCr LUT the `auto` path uses gives black, peak and neutral grey as
 * the exact chain does and stays within the gate of the exact chain on real frames, and a build
 * without zscale still tone-maps (lut-computed), or says clearly that it could not (untouched).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../src/main/services/convert/convert';
import { deltaE2000, rgb8ToLab } from '../../src/main/services/convert/delta-e';
import { ensureHdrLut, exactToneMapChain, isYccLut, lutToneMapChain, measureLutPsnr } from '../../src/main/services/convert/hdr';
import { planVideo } from '../../src/main/services/convert/plan';
import { probeMedia } from '../../src/main/services/ffmpeg';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { ConvertOptionsSchema, HDR_LUT_MIN_PSNR_DB } from '../../src/shared/ingest/options';
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

describe('the Y\'CbCr LUT (the auto path)', () => {
  it.each(['hlg', 'pq'] as const)('%s: limited-range black, nominal peak and neutral chroma come out as the exact chain gives them', async (kind) => {
    const lut = await ensureHdrLut(ff, kind, cacheDir, 'zscale-ycc', 'bt2020nc');
    expect(isYccLut(lut)).toBe(true);
    // 64×64 10-bit 4:2:0: left half Y = 64 (black), right half Y = 940 (nominal peak), chroma 512
    // (neutral) — BT.2100 limited-range codes.
    const w = 64;
    const y = new Uint16Array(w * w).map((_, i) => (i % w < w / 2 ? 64 : 940));
    const c = new Uint16Array((w / 2) * (w / 2)).fill(512);
    const frame = Buffer.concat([y, c, c].map((p) => Buffer.from(p.buffer)));
    const run = (chain: string[]) =>
      execFileSync(ff.ffmpegPath, [
        '-hide_banner', '-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'yuv420p10le', '-s', `${w}x${w}`, '-i', 'pipe:0',
        '-vf', chain.join(','), '-f', 'rawvideo', 'pipe:1',
      ], { input: frame });
    const out = run(lutToneMapChain(lut, 'bt2020nc'));
    const ref = run(exactToneMapChain(kind, 'bt2020nc'));
    expect(out.byteLength).toBe((w * w * 3) / 2);
    expect(Math.max(...[...out].map((v, i) => Math.abs(v - ref[i]!)))).toBeLessThanOrEqual(1);
    const at = (row: number, col: number) => out[row * w + col]!;
    expect(at(32, 8)).toBe(16);
    // HLG's 940 is 1000 cd/m², the tone curve's peak: SDR white. PQ's 940 is 10000 cd/m², above
    // the peak; ffmpeg's tonemap does not clip it, so the exact chain (and the LUT) give 255.
    expect(at(32, 56)).toBe(kind === 'hlg' ? 235 : 255);
    const chroma = [...out.subarray(w * w)];
    expect(Math.min(...chroma)).toBeGreaterThanOrEqual(127);
    expect(Math.max(...chroma)).toBeLessThanOrEqual(129);
  });

  it('on real HLG frames it stays within the gate of the exact chain (same frames, before encoding)', async () => {
    const v = (await probeMedia(hlg, ff)).video!;
    const lutFile = await ensureHdrLut(ff, 'hlg', cacheDir, 'zscale-ycc', v.colorSpace);
    const exact = planVideo(v, options, { method: 'zscale', kind: 'hlg' }).filters;
    const lut = planVideo(v, options, { method: 'lut', kind: 'hlg', lutFile }).filters;
    expect(lut).toContain('format=yuv444p16le');
    expect(lut.join(',')).not.toContain('in_color_matrix');
    expect(await measureLutPsnr(ff, hlg, exact, lut, 0, 1)).toBeGreaterThanOrEqual(HDR_LUT_MIN_PSNR_DB);
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
