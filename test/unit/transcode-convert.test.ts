/**
 * convertFile with real ffmpeg on real and derived media: VFR and 29.97 fps to 25/1 CFR, HLG HEVC
 * MOV to SDR H.264, rotation into the pixels, cancel, and bad input that must lose nothing. Every
 * test checks that the input is byte-for-byte unchanged and that no partial file is left.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convertFile } from '../../src/main/services/convert/convert';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { probeMedia } from '../../src/main/services/ffmpeg/probe';
import { StudioError } from '../../src/shared/errors';
import { ConvertOptionsSchema, HDR_LUT_MIN_PSNR_DB } from '../../src/shared/ingest/options';
import { formatProblems, formatRule } from '../../src/shared/ingest/problems';
import { AV_SYNC_TOLERANCE_SEC, DELIVERY_AUDIO, DELIVERY_FPS } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { deriveHlgMov, deriveRotatedMov, psnrOf, sha256, streamFacts } from './helpers/transcode';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-transcode-');
afterAll(tmp.cleanup);
const fps = DELIVERY_FPS.num / DELIVERY_FPS.den;
// ultrafast wherever the preset is not what is tested: the suite runs on two shared cores.
const fast = (o: Record<string, unknown> = {}) => ConvertOptionsSchema.parse({ preset: 'ultrafast', ...o });
const cacheDir = path.join(tmp.dir, 'cache, with: odd [chars] 缓存');

let n = 0;
function outDir(): string {
  const dir = path.join(tmp.dir, `out-${++n}`);
  mkdirSync(dir);
  return dir;
}

async function failure(p: Promise<unknown>): Promise<StudioError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

/** Converting changed nothing it should not: the input is intact and only `expected` is in dir. */
function expectClean(input: string, before: string, dir: string, expected: string[]) {
  expect(sha256(input)).toBe(before);
  expect(readdirSync(dir).sort()).toEqual(expected.sort());
}

let hlg = '';
let rotated = '';
let upright = '';
beforeAll(() => {
  hlg = deriveHlgMov(path.join(tmp.dir, 'iphone hlg.mov'));
  upright = path.join(tmp.dir, 'upright.mp4');
  rotated = deriveRotatedMov(path.join(tmp.dir, 'rotated.mov'), upright);
});

describe('convertFile: timing', () => {
  it('turns VFR talking-1.mp4 into exactly 25/1 CFR with round(duration × 25) ± 1 frames and A/V in sync', async () => {
    const input = mediaFile('talking-1.mp4');
    const before = sha256(input);
    const source = await probeMedia(input, ff);
    expect(source.video?.vfr).toBe(true);
    const dir = outDir();
    const output = path.join(dir, 'talking-1.mp4');
    const progress: number[] = [];
    const r = await convertFile({ ff, input, output, options: fast(), cacheDir, onProgress: (p) => p.progress !== null && progress.push(p.progress) });

    expect(r.probe.video).toMatchObject({ codec: 'h264', profile: 'High', pixelFormat: 'yuv420p', bitDepth: 8, vfr: false, rotation: 0 });
    expect(r.probe.video?.rFrameRate).toMatchObject({ num: DELIVERY_FPS.num, den: DELIVERY_FPS.den });
    expect(r.probe.video?.avgFrameRate).toMatchObject({ num: DELIVERY_FPS.num, den: DELIVERY_FPS.den });
    expect(r.probe.video).toMatchObject({ colorPrimaries: 'bt709', colorTransfer: 'bt709', colorSpace: 'bt709' });
    expect(r.probe.audio).toMatchObject({ codec: DELIVERY_AUDIO.codec, sampleRate: DELIVERY_AUDIO.sampleRate });
    const s = streamFacts(output);
    expect(Math.abs(s.frames - Math.round(source.durationSec * fps))).toBeLessThanOrEqual(1);
    expect(Math.abs((s.audio ?? 0) - s.video)).toBeLessThanOrEqual(AV_SYNC_TOLERANCE_SEC);
    expect(r.hdr.method).toBe('none');
    expect(progress.at(-1)).toBe(1);
    // What converting cannot cure is all that is left (700×700 is not 1080p).
    expect(formatProblems(r.probe).every((f) => formatRule(f.rule)?.fixedByConvert === false)).toBe(true);
    expect(r.warnings.map((w) => w.rule)).toEqual(['format.resolution']);
    expectClean(input, before, dir, ['talking-1.mp4']);
  });

  it('turns 29.97 fps short_hamilton_clip.mp4 into 25/1, keeping its length', async () => {
    const input = mediaFile('short_hamilton_clip.mp4');
    const before = sha256(input);
    const source = await probeMedia(input, ff);
    expect(source.video?.rFrameRate.fps).toBeCloseTo(29.97, 2);
    const dir = outDir();
    const r = await convertFile({ ff, input, output: path.join(dir, 'hamilton.mp4'), options: fast(), cacheDir });
    expect(r.probe.video?.rFrameRate).toMatchObject({ num: 25, den: 1 });
    expect(r.probe.video?.avgFrameRate).toMatchObject({ num: 25, den: 1 });
    const s = streamFacts(r.output);
    expect(Math.abs(s.frames - Math.round(source.durationSec * fps))).toBeLessThanOrEqual(1);
    expect(Math.abs((s.audio ?? 0) - s.video)).toBeLessThanOrEqual(AV_SYNC_TOLERANCE_SEC);
    expectClean(input, before, dir, ['hamilton.mp4']);
  });
});

describe('convertFile: picture', () => {
  it('tone-maps an HEVC 10-bit HLG MOV to 8-bit BT.709 SDR H.264, portrait kept, with the measured LUT', async () => {
    const before = sha256(hlg);
    const source = await probeMedia(hlg, ff);
    expect(source.video).toMatchObject({ codec: 'hevc', bitDepth: 10, hdr: 'hlg', displayWidth: 360, displayHeight: 640 });
    expect(formatProblems(source).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['format.container', 'format.video-codec', 'format.hdr', 'format.bit-depth', 'format.fps', 'format.audio-rate']),
    );
    const dir = outDir();
    const fastOut = await convertFile({ ff, input: hlg, output: path.join(dir, 'auto.mp4'), options: fast(), cacheDir });
    const exactOut = await convertFile({ ff, input: hlg, output: path.join(dir, 'exact.mp4'), options: fast({ hdr: 'exact' }), cacheDir });
    for (const r of [fastOut, exactOut]) {
      expect(r.probe.container).toBe('mp4');
      expect(r.probe.video).toMatchObject({
        codec: 'h264',
        profile: 'High',
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        hdr: 'none',
        colorTransfer: 'bt709',
        colorPrimaries: 'bt709',
        colorSpace: 'bt709',
        width: 360,
        height: 640,
      });
      expect(r.probe.audio?.sampleRate).toBe(DELIVERY_AUDIO.sampleRate);
    }
    // The fast path ran because it measured within the bound; the exact path says so too.
    expect(fastOut.hdr).toMatchObject({ method: 'lut', transfer: 'hlg' });
    expect(fastOut.hdr.psnrDb).toBeGreaterThanOrEqual(HDR_LUT_MIN_PSNR_DB);
    expect(fastOut.videoFilter).toContain('lut3d=');
    expect(exactOut.hdr).toMatchObject({ method: 'zscale', transfer: 'hlg' });
    expect(exactOut.videoFilter).toContain('tonemap=tonemap=hable');
    // Both encodes of the two paths agree closely (encoder noise included).
    expect(psnrOf(fastOut.output, exactOut.output)).toBeGreaterThan(40);
    // The LUT was built once, in the cache folder with its odd name.
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.cube'))).toHaveLength(1);
    expectClean(hlg, before, dir, ['auto.mp4', 'exact.mp4']);
  });

  it('turns a rotation tag into rotated pixels and leaves no tag', async () => {
    const before = sha256(rotated);
    const source = await probeMedia(rotated, ff);
    expect(source.video).toMatchObject({ width: 320, height: 180, rotation: 90, displayWidth: 180, displayHeight: 320 });
    const dir = outDir();
    const r = await convertFile({ ff, input: rotated, output: path.join(dir, 'upright.mp4'), options: fast(), cacheDir });
    expect(r.probe.video).toMatchObject({ width: 180, height: 320, rotation: 0 });
    const tags = ffmpegSync(['-i', r.output, '-f', 'ffmetadata', '-']).toString();
    expect(tags).not.toMatch(/rotate/i);
    // The pixels match the upright reference, so they were turned the right way.
    expect(psnrOf(r.output, upright)).toBeGreaterThan(28);
    expectClean(rotated, before, dir, ['upright.mp4']);
  });

  it('applies the §5.3 scale ratio and the CRF, with names in Chinese and with spaces', async () => {
    const dir = outDir();
    const input = path.join(dir, '访谈 take 1.mp4');
    copyFileSync(mediaFile('talking-3.mp4'), input);
    const before = sha256(input);
    const r = await convertFile({ ff, input, output: path.join(dir, '输出 文件.mp4'), options: fast({ scale: 0.5, crf: 30 }), cacheDir });
    expect(r.probe.video).toMatchObject({ width: 296, height: 296 });
    expect(r.output).toBe(path.join(dir, '输出 文件.mp4'));
    expectClean(input, before, dir, ['访谈 take 1.mp4', '输出 文件.mp4']);
  });
});

describe('convertFile: cancel and bad input lose nothing', () => {
  it('cancel mid-way stops ffmpeg and leaves no output', async () => {
    const input = mediaFile('short_hamilton_clip.mp4');
    const before = sha256(input);
    const dir = outDir();
    const controller = new AbortController();
    let sawPartial = false;
    const err = await failure(
      convertFile({
        ff,
        input,
        output: path.join(dir, 'cancelled.mp4'),
        options: fast({ preset: 'medium' }),
        cacheDir,
        signal: controller.signal,
        onProgress: (p) => {
          if (p.outTimeSec > 0.5 && !controller.signal.aborted) {
            sawPartial = readdirSync(dir).some((f) => f.includes('.partial-'));
            controller.abort();
          }
        },
      }),
    );
    expect(err.code).toBe('cancelled');
    expect(sawPartial).toBe(true);
    expectClean(input, before, dir, []);
  });

  it('a truncated file says where it breaks and keeps no output', async () => {
    const dir = outDir();
    const whole = path.join(tmp.dir, 'whole.mp4');
    ffmpegSync(['-i', mediaFile('talking-1.mp4'), '-c', 'copy', '-movflags', '+faststart', whole]);
    const input = path.join(dir, 'cut.mp4');
    writeFileSync(input, readFileSync(whole).subarray(0, Math.floor(statSync(whole).size / 2)));
    const before = sha256(input);
    const err = await failure(convertFile({ ff, input, output: path.join(dir, 'out.mp4'), options: fast(), cacheDir }));
    expect(err.code).toBe('unreadable-media');
    expect(err.message).toMatch(/breaks off at \d+\.\d\d s of 6\.\d\d s/);
    expect(err.message).toContain('truncated');
    expect(err.hint).toBeTruthy();
    expectClean(input, before, dir, ['cut.mp4']);
  });

  it('damage in the middle is concealed, converted to full length, and reported as a §1.2.5 warning', async () => {
    const dir = outDir();
    const input = path.join(dir, 'damaged.mp4');
    const bytes = Buffer.from(readFileSync(mediaFile('talking-1.mp4')));
    let seed = 1;
    for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2)]) {
      for (let i = at; i < at + 3000; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    }
    writeFileSync(input, bytes);
    const before = sha256(input);
    const r = await convertFile({ ff, input, output: path.join(dir, 'out.mp4'), options: fast(), cacheDir });
    const damaged = r.warnings.filter((w) => w.rule === 'decode.damaged');
    expect(damaged.length).toBeGreaterThan(0);
    expect(damaged[0]).toMatchObject({ severity: 'warn', section: '§1.2.5' });
    expect(r.probe.durationSec).toBeCloseTo(6.12, 1);
    expectClean(input, before, dir, ['damaged.mp4', 'out.mp4']);
  });

  it('a file cut before its index, a zero-byte file and an audio-only file are refused before ffmpeg runs', async () => {
    const dir = outDir();
    const noIndex = path.join(dir, 'no index.mp4');
    writeFileSync(noIndex, readFileSync(mediaFile('talking-1.mp4')).subarray(0, 200_000));
    const empty = path.join(dir, 'empty.mov');
    writeFileSync(empty, '');
    const audio = mediaFile('audio/jfk.wav');
    const cases: [string, RegExp][] = [
      [noIndex, /truncated|no index/],
      [empty, /empty \(0 bytes\)/],
      [audio, /no video stream \(audio only\)/],
    ];
    for (const [input, words] of cases) {
      const before = sha256(input);
      const err = await failure(convertFile({ ff, input, output: path.join(dir, 'out.mp4'), options: fast(), cacheDir }));
      expect(err.code).toBe('unreadable-media');
      expect(err.message).toMatch(words);
      expect(sha256(input)).toBe(before);
    }
    expect(readdirSync(dir).sort()).toEqual(['empty.mov', 'no index.mp4']);
  });

  it('never writes onto its input, an existing file, a missing folder or a non-MP4 name', async () => {
    const dir = outDir();
    const input = path.join(dir, 'take.mp4');
    copyFileSync(mediaFile('driving-d0.mp4'), input);
    const before = sha256(input);
    writeFileSync(path.join(dir, 'exists.mp4'), 'keep me');
    const cases: [string, string, RegExp][] = [
      [input, 'bad-argument', /cannot be an input/],
      [path.join(dir, '.', 'take.mp4'), 'bad-argument', /cannot be an input/],
      [path.join(dir, 'exists.mp4'), 'bad-argument', /already exists/],
      [path.join(dir, 'nope', 'x.mp4'), 'not-found', /output folder does not exist/],
      [path.join(dir, 'x.mov'), 'bad-argument', /must end in \.mp4/],
    ];
    for (const [output, code, words] of cases) {
      const err = await failure(convertFile({ ff, input, output, options: fast(), cacheDir }));
      expect(err.code, output).toBe(code);
      expect(err.message).toMatch(words);
    }
    expect(readFileSync(path.join(dir, 'exists.mp4'), 'utf8')).toBe('keep me');
    expectClean(input, before, dir, ['take.mp4', 'exists.mp4']);
  });
});
