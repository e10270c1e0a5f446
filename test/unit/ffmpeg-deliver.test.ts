import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDeliveryMp4 } from '../../src/main/services/ffmpeg/deliver';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { probeMedia } from '../../src/main/services/ffmpeg/probe';
import { StudioError } from '../../src/shared/errors';
import { DELIVERY_AUDIO, DELIVERY_FPS } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-deliver-');
afterAll(tmp.cleanup);
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const fps = DELIVERY_FPS.num / DELIVERY_FPS.den;

async function failure(p: Promise<unknown>): Promise<StudioError> {
  const err: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  return err as StudioError;
}

describe('makeDeliveryMp4', () => {
  it('turns VFR talking-1.mp4 into 25/1 CFR H.264 High + AAC 48 kHz, leaving the original alone', async () => {
    const input = mediaFile('talking-1.mp4');
    const output = path.join(tmp.dir, 'talking-1.delivery.mp4');
    const before = sha256(input);
    const source = await probeMedia(input, ff);
    const progress: (number | null)[] = [];

    // The default preset, so the profile below is what production gets.
    await makeDeliveryMp4({ ff, input, output, onProgress: (p) => progress.push(p.progress) });

    const out = await probeMedia(output, ff);
    expect(out.container).toBe('mp4');
    expect(out.video).toMatchObject({ codec: 'h264', profile: 'High', pixelFormat: 'yuv420p', bitDepth: 8, vfr: false });
    expect(out.video?.rFrameRate).toMatchObject({ num: DELIVERY_FPS.num, den: DELIVERY_FPS.den });
    expect(out.video?.avgFrameRate).toMatchObject({ num: DELIVERY_FPS.num, den: DELIVERY_FPS.den });
    expect(out.audio).toMatchObject({ codec: DELIVERY_AUDIO.codec, sampleRate: DELIVERY_AUDIO.sampleRate });
    const expected = Math.round(source.durationSec * fps);
    expect(Math.abs((out.video?.frameCount ?? 0) - expected)).toBeLessThanOrEqual(1);
    expect(progress.at(-1)).toBe(1);
    expect(sha256(input)).toBe(before);
    expect(readdirSync(tmp.dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('re-times a MediaRecorder-style Matroska (H.264 + Opus, no duration, timestamps from 2.5 s)', async () => {
    const input = path.join(tmp.dir, 'take.mkv');
    // Written to a pipe, the muxer cannot go back to write a duration or cues, as in a live recording.
    writeFileSync(
      input,
      ffmpegSync([
        '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=30', '-f', 'lavfi', '-i', 'sine=sample_rate=48000', '-t', '1',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', '-output_ts_offset', '2.5', '-f', 'matroska', 'pipe:1',
      ]),
    );
    const output = path.join(tmp.dir, 'take.mp4');
    await makeDeliveryMp4({ ff, input, output, preset: 'ultrafast' });
    const out = await probeMedia(output, ff);
    expect(out.video?.avgFrameRate).toMatchObject({ num: DELIVERY_FPS.num, den: DELIVERY_FPS.den });
    expect(out.audio).toMatchObject({ codec: 'aac', sampleRate: DELIVERY_AUDIO.sampleRate });
    // Starts at zero: no 2.5 s of frozen first frame.
    expect(out.durationSec).toBeGreaterThan(0.9);
    expect(out.durationSec).toBeLessThan(1.2);
  });

  it('crops an odd size to even and copes with no audio', async () => {
    const input = path.join(tmp.dir, 'odd.mp4');
    ffmpegSync(['-f', 'lavfi', '-i', 'testsrc=size=63x33:rate=30', '-t', '0.4', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv444p', input]);
    const output = path.join(tmp.dir, 'odd.delivery.mp4');
    await makeDeliveryMp4({ ff, input, output, preset: 'ultrafast' });
    const out = await probeMedia(output, ff);
    expect(out.video).toMatchObject({ width: 62, height: 32, pixelFormat: 'yuv420p' });
    expect(out.audio).toBeNull();
  });

  it('never overwrites an existing output, nor writes onto its input', async () => {
    const input = mediaFile('driving-d0.mp4');
    const output = path.join(tmp.dir, 'exists.mp4');
    writeFileSync(output, 'keep me');
    const err = await failure(makeDeliveryMp4({ ff, input, output, preset: 'ultrafast' }));
    expect(err.code).toBe('bad-argument');
    expect(err.message).toContain(output);
    expect(readFileSync(output, 'utf8')).toBe('keep me');

    const same = await failure(makeDeliveryMp4({ ff, input: output, output, preset: 'ultrafast' }));
    expect(same.code).toBe('bad-argument');
  });

  it('cancels on the AbortSignal and leaves no partial file', async () => {
    const dir = path.join(tmp.dir, 'cancel');
    mkdirSync(dir);
    const output = path.join(dir, 'cancelled.mp4');
    const controller = new AbortController();
    let sawPartial = false;
    const err = await failure(
      makeDeliveryMp4({
        ff,
        input: mediaFile('talking-1.mp4'),
        output,
        signal: controller.signal,
        onProgress: () => {
          sawPartial ||= readdirSync(dir).some((f) => f.includes('.partial-'));
          controller.abort();
        },
      }),
    );
    expect(err.code).toBe('cancelled');
    expect(sawPartial).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a file that is not media, leaving nothing behind', async () => {
    const input = path.join(tmp.dir, 'notes.mp4');
    writeFileSync(input, 'not a video');
    const dir = path.join(tmp.dir, 'bad-input');
    mkdirSync(dir);
    const err = await failure(makeDeliveryMp4({ ff, input, output: path.join(dir, 'x.mp4'), preset: 'ultrafast' }));
    expect(err).toMatchObject({ code: 'unreadable-media' });
    expect(readdirSync(dir)).toEqual([]);
  });
});
