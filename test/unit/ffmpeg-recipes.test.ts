/**
 * The ffmpeg recipe home (src/main/services/ffmpeg/recipes.ts): each recipe run on this machine's
 * real ffmpeg against media derived here with known content, and the version switch asserted for
 * the versions we claim (README: 4.4 to 7.x). Only one ffmpeg is installed here (Debian 12's 5.1),
 * so for 4.4 we assert the arguments the switch picks: 4.4's own option list (`ffmpeg -h full`)
 * knows `-vsync` and not `-fps_mode`, which arrived in 5.1.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFfmpeg, type FfmpegInfo } from '../../src/main/services/ffmpeg';
import { RawFrameReader } from '../../src/main/services/ffmpeg/raw-frames';
import {
  audioAnalysisArgs,
  createEbur128SummaryParser,
  deliveryEncodeArgs,
  fpsModeArgs,
  mergeArgs,
  packetTimesArgs,
  probeArgs,
  psnrCompareArgs,
  lutLatticeArgs,
  voiceConcatArgs,
  voiceDenoiseArgs,
  pcmArgs,
  rawFrameBytes,
  rawVideoArgs,
  thumbnailArgs,
} from '../../src/main/services/ffmpeg/recipes';
import { streamFfmpeg } from '../../src/main/services/ffmpeg/stream';
import { ffmpegSync, tempDir } from './helpers/derive';

const work = tempDir('cs-recipes-');
let ff: FfmpegInfo;
const clip = path.join(work.dir, 'ten-frames.mkv');
const tone = path.join(work.dir, 'tone.wav');

beforeAll(async () => {
  ff = await locateFfmpeg();
  // 10 frames, 64×48, left half pure red and right half pure blue (lossless, so pixels are exact).
  ffmpegSync(['-f', 'lavfi', '-i', 'color=red:s=32x48:r=25:d=0.4', '-f', 'lavfi', '-i', 'color=blue:s=32x48:r=25:d=0.4',
    '-filter_complex', '[0][1]hstack,format=yuv444p', '-c:v', 'ffv1', clip]);
  // 2 s of 1 kHz at amplitude 0.1 (−20 dBFS peak), mono 48 kHz.
  ffmpegSync(['-f', 'lavfi', '-i', 'sine=frequency=1000:sample_rate=48000:duration=2', '-af', 'volume=0.1/0.125', '-c:a', 'pcm_s16le', tone]);
});
afterAll(() => work.cleanup());

describe('version switch', () => {
  it.each([
    ['4.4.2-0ubuntu0.22.04.1', ['-vsync', 'passthrough']],
    ['5.0.3', ['-vsync', 'passthrough']],
    ['5.1.9-0+deb12u1', ['-fps_mode', 'passthrough']],
    ['n6.1', ['-fps_mode', 'passthrough']],
    ['7.1', ['-fps_mode', 'passthrough']],
    ['N-112345-gabcdef', ['-fps_mode', 'passthrough']],
  ])('ffmpeg %s → %j', (version, want) => {
    expect(fpsModeArgs(version, 'passthrough')).toEqual(want);
  });

  it('no recipe hands ffmpeg 4.4 the -fps_mode it does not know', () => {
    const v44 = '4.4.2-0ubuntu0.22.04.1';
    const recipes = [
      rawVideoArgs({ input: 'a.mp4', ffmpegVersion: v44, pixFmt: 'rgba', size: { width: 64, height: 36 } }),
      rawVideoArgs({ input: 'a.mp4', ffmpegVersion: v44, pixFmt: 'gray', everyNth: 5 }),
      deliveryEncodeArgs({ preset: 'veryfast', ffmpegVersion: v44 }),
    ];
    for (const args of recipes) {
      expect(args).not.toContain('-fps_mode');
      expect(args).toContain('-vsync');
    }
  });

  it('the installed ffmpeg accepts the option the switch picks for it', () => {
    const picked = fpsModeArgs(ff.version, 'passthrough');
    // Fails with "Unrecognized option" if the switch picked a word this build does not know.
    execFileSync(ff.ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', 'color=black:s=16x16:d=0.04', ...picked, '-f', 'null', '-']);
  });
});

describe('raw frames on the real ffmpeg', () => {
  async function readAll(args: string[], frameBytes: number): Promise<Uint8Array[]> {
    const frames: Uint8Array[] = [];
    const reader = new RawFrameReader(frameBytes, (f) => {
      frames.push(f);
    });
    await streamFfmpeg(ff, args, { onData: (c) => reader.push(c) });
    expect(reader.leftoverBytes).toBe(0);
    return frames;
  }

  it('rgba at a size: every frame, whole, with the colours put in', async () => {
    const size = { width: 32, height: 24 };
    const frames = await readAll(rawVideoArgs({ input: clip, ffmpegVersion: ff.version, pixFmt: 'rgba', size }), rawFrameBytes(32, 24, 'rgba'));
    expect(frames).toHaveLength(10);
    const px = (f: Uint8Array, x: number, y: number) => Array.from(f.subarray((y * size.width + x) * 4, (y * size.width + x) * 4 + 4));
    for (const f of frames) {
      // Away from the seam the bilinear scale cannot mix the halves; ±2 for yuv→rgb rounding.
      for (const [got, want] of [[px(f, 4, 12), [255, 0, 0, 255]], [px(f, 28, 12), [0, 0, 255, 255]]] as const) {
        got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThanOrEqual(2));
      }
    }
  });

  it('grey, every 3rd frame at full size: frames 0, 3, 6, 9', async () => {
    const frames = await readAll(rawVideoArgs({ input: clip, ffmpegVersion: ff.version, pixFmt: 'gray', everyNth: 3 }), rawFrameBytes(64, 48, 'gray'));
    expect(frames).toHaveLength(4);
    // `gray` is full range: BT.601 luma (ffmpeg's default for untagged video) of pure red is
    // 0.299 × 255 = 76, of pure blue 0.114 × 255 = 29; ±2 for the limited→full rounding.
    expect(Math.abs(frames[0]![4]! - 76)).toBeLessThanOrEqual(2);
    expect(Math.abs(frames[0]![60]! - 29)).toBeLessThanOrEqual(2);
  });

  it('audio analysis: ebur128 reads a −20 dBFS 1 kHz sine as −23.0 LUFS (EBU Tech 3341), PCM is 2 s at 16 kHz', async () => {
    const summary = createEbur128SummaryParser();
    let bytes = 0;
    await streamFfmpeg(ff, audioAnalysisArgs({ input: tone, sampleRate: 16000 }), {
      onData: (c) => {
        bytes += c.length;
      },
      onStderrLine: (l) => summary.push(l),
    });
    expect(bytes).toBe(2 * 16000 * 2);
    expect(Math.abs(summary.integratedLufs()! - -23.0)).toBeLessThanOrEqual(0.3);
    expect(Math.abs(summary.truePeakDb()! - -20)).toBeLessThanOrEqual(0.3);
  });

  it('pcm: the exact sample count at the asked rate and format', async () => {
    let bytes = 0;
    await streamFfmpeg(ff, pcmArgs({ input: tone, sampleRate: 8000, channels: 2, sampleFormat: 'f32le' }), {
      onData: (c) => {
        bytes += c.length;
      },
    });
    expect(bytes).toBe(2 * 8000 * 2 * 4);
  });

  it('ffprobe recipes: streams as JSON, one packet time per frame', () => {
    const probe = JSON.parse(execFileSync(ff.ffprobePath, probeArgs(clip), { encoding: 'utf8' })) as { streams: { width: number; height: number }[] };
    expect(probe.streams[0]).toMatchObject({ width: 64, height: 48 });
    const times = execFileSync(ff.ffprobePath, packetTimesArgs(clip), { encoding: 'utf8' }).trim().split('\n').map(Number).sort((a, b) => a - b);
    expect(times).toHaveLength(10);
    expect(times[9]! - times[0]!).toBeCloseTo(9 / 25, 3);
  });

  it('merge: two inputs through a graph, delivery-encoded, never overwriting', () => {
    const out = path.join(work.dir, 'merged.mp4');
    const args = mergeArgs({ inputs: [clip, clip], graph: '[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]', audio: false, output: out, encode: { preset: 'ultrafast', ffmpegVersion: ff.version } });
    expect(args[0]).toBe('-n');
    execFileSync(ff.ffmpegPath, ['-v', 'error', ...args]);
    const frames = execFileSync(ff.ffprobePath, packetTimesArgs(out), { encoding: 'utf8' }).trim().split('\n');
    expect(frames).toHaveLength(20);
    expect(() => execFileSync(ff.ffmpegPath, ['-v', 'error', ...args], { stdio: 'pipe' })).toThrow();
  });

  it('thumbnail: one JPEG on stdout, 240 wide', () => {
    const jpeg = execFileSync(ff.ffmpegPath, thumbnailArgs({ input: clip, t: 0.2 }));
    expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    // SOF0 marker: height and width follow the precision byte.
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg.readUInt16BE(sof + 7)).toBe(240);
    expect(jpeg.readUInt16BE(sof + 5)).toBe(180);
  });
});

describe('HDR recipes', () => {
  it('the PSNR gate decodes from the key frame before its sample, not up to it (-noaccurate_seek before -ss and -i)', () => {
    const args = psnrCompareArgs({ input: 'a.mov', a: ['format=yuv420p'], b: ['null'], startSec: 5.5, seconds: 1 });
    expect(args.indexOf('-noaccurate_seek')).toBeGreaterThanOrEqual(0);
    expect(args.indexOf('-noaccurate_seek')).toBeLessThan(args.indexOf('-ss'));
    expect(args.slice(args.indexOf('-ss'), args.indexOf('-i') + 2)).toEqual(['-ss', '5.500', '-t', '1.000', '-i', 'file:a.mov']);
    expect(args).toContain('[0:V:0]split[a][b];[a]format=yuv420p[x];[b]null[y];[x][y]psnr');
  });

  it('the LUT lattice: float R\'G\'B\' by default, 16-bit Y\'CbCr when asked, N² × N pixels', () => {
    expect(lutLatticeArgs({ size: 33, chain: 'null' }).join(' ')).toContain('-pix_fmt gbrpf32le -s 1089x33 -i pipe:0');
    expect(lutLatticeArgs({ size: 17, chain: 'null', pixFmt: 'yuv444p16le' }).join(' ')).toContain('-pix_fmt yuv444p16le -s 289x17 -i pipe:0');
  });
});

describe('RawFrameReader', () => {
  it('reassembles frames from chunks of any size, in order, each in its own buffer', async () => {
    const frameBytes = 7;
    const stream = Uint8Array.from({ length: 7 * 5 }, (_, i) => i);
    const got: number[][] = [];
    const reader = new RawFrameReader(frameBytes, (f, i) => {
      expect(i).toBe(got.length);
      got.push(Array.from(f));
    });
    let at = 0;
    for (const size of [1, 3, 13, 2, 16]) {
      await reader.push(stream.subarray(at, at + size));
      at += size;
    }
    expect(at).toBe(stream.length);
    expect(got).toEqual([0, 1, 2, 3, 4].map((k) => Array.from({ length: 7 }, (_, i) => k * 7 + i)));
    expect(reader.leftoverBytes).toBe(0);
  });

  it('waits for a busy consumer (backpressure) and reports a truncated last frame', async () => {
    let release!: () => void;
    const reader = new RawFrameReader(4, () => new Promise<void>((r) => (release = r)));
    let done = false;
    const pending = reader.push(new Uint8Array(6)).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release();
    await pending;
    expect(reader.frames).toBe(1);
    expect(reader.leftoverBytes).toBe(2);
  });

  it('refuses a frame size that is not a positive whole number', () => {
    expect(() => new RawFrameReader(0, () => {})).toThrow(/positive whole number/);
    expect(() => new RawFrameReader(2.5, () => {})).toThrow(/positive whole number/);
  });
});

describe('voice recipes on the real ffmpeg', () => {
  it('denoise and concat: float WAVs of the right length, never overwriting', () => {
    const a = path.join(work.dir, 'voice-a.wav');
    const b = path.join(work.dir, 'voice-b.wav');
    ffmpegSync(['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=1.5', '-c:a', 'pcm_s16le', a]);
    ffmpegSync(['-f', 'lavfi', '-i', 'anoisesrc=a=0.01:r=48000:d=1', '-c:a', 'pcm_s16le', b]);
    const dn = path.join(work.dir, 'voice-a.denoised.wav');
    execFileSync(ff.ffmpegPath, ['-v', 'error', ...voiceDenoiseArgs({ input: a, filter: 'afftdn=nr=24:nf=-40', output: dn })]);
    const cat = path.join(work.dir, 'voice-merged.wav');
    execFileSync(ff.ffmpegPath, ['-v', 'error', ...voiceConcatArgs({ inputs: [dn, b], output: cat })]);
    const probe = (f: string) => JSON.parse(execFileSync(ff.ffprobePath, probeArgs(f), { encoding: 'utf8' })) as { format: { duration: string }; streams: { codec_name: string; sample_rate: string }[] };
    expect(probe(dn).streams[0]).toMatchObject({ codec_name: 'pcm_f32le', sample_rate: '48000' });
    expect(Number(probe(dn).format.duration)).toBeCloseTo(1.5, 2);
    expect(Number(probe(cat).format.duration)).toBeCloseTo(2.5, 2);
    expect(() => execFileSync(ff.ffmpegPath, ['-v', 'error', ...voiceConcatArgs({ inputs: [a, b], output: cat })], { stdio: 'pipe' })).toThrow();
  });
});
