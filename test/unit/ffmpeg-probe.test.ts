import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { probeMedia } from '../../src/main/services/ffmpeg/probe';
import { StudioError } from '../../src/shared/errors';
import { ProbeResultSchema } from '../../src/shared/probe';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-probe-');
afterAll(tmp.cleanup);

async function probeError(file: string): Promise<StudioError> {
  const err: unknown = await probeMedia(file, ff).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

describe('probeMedia on the shared footage', () => {
  it('talking-1.mp4 is VFR: r 30/1, avg ≈22.1', async () => {
    const p = await probeMedia(mediaFile('talking-1.mp4'), ff);
    expect(ProbeResultSchema.parse(p)).toEqual(p);
    expect(p.container).toBe('mp4');
    expect(p.video).toMatchObject({ codec: 'h264', width: 700, height: 700, rotation: 0, vfr: true, bitDepth: 8, hdr: 'none' });
    expect(p.video?.rFrameRate).toMatchObject({ num: 30, den: 1 });
    expect(p.video?.avgFrameRate.fps).toBeCloseTo(22.13, 1);
    expect(p.audio).toMatchObject({ codec: 'aac', sampleRate: 44100, channels: 2 });
  });

  it('driving-d0.mp4 has no audio', async () => {
    const p = await probeMedia(mediaFile('driving-d0.mp4'), ff);
    expect(p.audio).toBeNull();
    expect(p.video).toMatchObject({ width: 512, height: 512, vfr: false });
  });

  it('short_hamilton_clip.mp4 is 29.97 fps and not VFR', async () => {
    const p = await probeMedia(mediaFile('short_hamilton_clip.mp4'), ff);
    // This file states 2997/100, not the NTSC 30000/1001; both are "29.97".
    expect(p.video?.rFrameRate).toEqual({ num: 2997, den: 100, fps: 29.97 });
    expect(p.video?.avgFrameRate.fps).toBeCloseTo(29.97, 2);
    expect(p.video?.vfr).toBe(false);
  });

  it('talking-3.mp4 is 25 fps 590×590 with AAC', async () => {
    const p = await probeMedia(mediaFile('talking-3.mp4'), ff);
    expect(p.video).toMatchObject({ width: 590, height: 590, vfr: false, frameCount: 125 });
    expect(p.video?.rFrameRate).toEqual({ num: 25, den: 1, fps: 25 });
    expect(p.audio?.codec).toBe('aac');
  });
});

describe('probeMedia on derived files', () => {
  it('reads a 90° clockwise rotation and swaps the display size', async () => {
    const plain = path.join(tmp.dir, 'marker.mp4');
    const rotated = path.join(tmp.dir, 'rotated.mp4');
    // 64×32 black with a red top-left corner, so the direction of the turn can be seen.
    ffmpegSync([
      '-f', 'lavfi', '-i', 'color=black:size=64x32:rate=25,drawbox=x=0:y=0:w=16:h=8:color=red:t=fill',
      '-t', '0.2', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv444p', plain,
    ]);
    // ffmpeg 5.1 turns this legacy tag into a display matrix counter-clockwise: 270 ccw = 90 cw.
    ffmpegSync(['-i', plain, '-c', 'copy', '-metadata:s:v', 'rotate=270', rotated]);

    const p = await probeMedia(rotated, ff);
    expect(p.video).toMatchObject({ width: 64, height: 32, rotation: 90, displayWidth: 32, displayHeight: 64 });

    // Ground truth for the sign: ffmpeg's own autorotate puts the red corner top-right.
    const rgb = execFileSync(ff.ffmpegPath, ['-v', 'error', '-i', rotated, '-frames:v', '1', '-pix_fmt', 'rgb24', '-f', 'rawvideo', '-']);
    const isRed = (x: number, y: number) => rgb[(y * 32 + x) * 3]! > 128 && rgb[(y * 32 + x) * 3 + 1]! < 100;
    expect(rgb.length).toBe(32 * 64 * 3);
    expect([isRed(30, 1), isRed(1, 1), isRed(1, 62)]).toEqual([true, false, false]);
  });

  it('reads HLG 10-bit HEVC', async () => {
    const file = path.join(tmp.dir, 'hlg.mp4');
    ffmpegSync([
      '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=25', '-t', '1',
      '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error',
      '-pix_fmt', 'yuv420p10le', '-color_trc', 'arib-std-b67', '-color_primaries', 'bt2020', '-colorspace', 'bt2020nc',
      file,
    ]);
    const p = await probeMedia(file, ff);
    expect(p.video).toMatchObject({ codec: 'hevc', bitDepth: 10, hdr: 'hlg', colorTransfer: 'arib-std-b67', colorPrimaries: 'bt2020' });
  });

  it('names the WebM container of a MediaRecorder-style file', async () => {
    const file = path.join(tmp.dir, 'take.webm');
    writeFileSync(
      file,
      ffmpegSync([
        '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=30', '-f', 'lavfi', '-i', 'sine=sample_rate=48000', '-t', '0.5',
        '-c:v', 'libvpx', '-deadline', 'realtime', '-c:a', 'libopus', '-f', 'webm', 'pipe:1',
      ]),
    );
    const p = await probeMedia(file, ff);
    expect(p).toMatchObject({ container: 'webm', video: { codec: 'vp8' }, audio: { codec: 'opus', sampleRate: 48000 } });
    expect(p.durationSec).toBeGreaterThan(0.4);
  });
});

describe('probeMedia errors name the file and the problem', () => {
  it('missing file → not-found', async () => {
    const file = path.join(tmp.dir, 'nope.mp4');
    const err = await probeError(file);
    expect(err.code).toBe('not-found');
    expect(err.message).toContain(file);
  });

  it('zero-byte file → unreadable-media, empty', async () => {
    const file = path.join(tmp.dir, 'empty.mp4');
    writeFileSync(file, '');
    const err = await probeError(file);
    expect(err).toMatchObject({ code: 'unreadable-media' });
    expect(err.message).toBe(`${file}: the file is empty (0 bytes)`);
  });

  it('a folder → bad-argument', async () => {
    const dir = path.join(tmp.dir, 'folder.mp4');
    mkdirSync(dir);
    expect((await probeError(dir)).code).toBe('bad-argument');
  });

  it('a truncated MP4 (no moov) → interrupted recording', async () => {
    const file = path.join(tmp.dir, 'truncated.mp4');
    const whole = readFileSync(mediaFile('talking-3.mp4'));
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.3)));
    const err = await probeError(file);
    expect(err.code).toBe('unreadable-media');
    expect(err.message).toBe(
      `${file}: the file is truncated or was not finished (no index/moov atom) — it may be an interrupted recording`,
    );
  });

  it('a text file named .mp4 → not a media file', async () => {
    const file = path.join(tmp.dir, 'notes.mp4');
    writeFileSync(file, 'these are my notes, not a video\n');
    const err = await probeError(file);
    expect(err.message).toBe(`${file}: not a media file ffmpeg can read`);
  });

  it('a file without audio or video → unreadable-media', async () => {
    const file = path.join(tmp.dir, 'subs.mkv');
    const srt = path.join(tmp.dir, 'subs.srt');
    writeFileSync(srt, '1\n00:00:00,000 --> 00:00:01,000\nhello\n');
    ffmpegSync(['-i', srt, file]);
    const err = await probeError(file);
    expect(err).toMatchObject({ code: 'unreadable-media', message: `${file}: contains no audio or video` });
  });

  it('handles names ffmpeg would read as a protocol or an option', async () => {
    const file = path.join(tmp.dir, '-take 12:30.mp4');
    copyFileSync(mediaFile('driving-d0.mp4'), file);
    expect((await probeMedia(file, ff)).file).toBe(file);
    const relative = path.relative(process.cwd(), file);
    expect((await probeMedia(relative, ff)).file).toBe(file);
  });
});
