/**
 * §3.2 merge with real ffmpeg: parts of different sizes, rates, rotation and HDR, with and without
 * sound, joined in the given order; each part starts on a whole frame where the report says.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeFiles } from '../../src/main/services/convert/merge';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import { StudioError } from '../../src/shared/errors';
import { ConvertOptionsSchema } from '../../src/shared/ingest/options';
import { AV_SYNC_TOLERANCE_SEC } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { deriveRotatedMov, sha256, streamFacts } from './helpers/transcode';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-merge-');
afterAll(tmp.cleanup);
const options = ConvertOptionsSchema.parse({ preset: 'ultrafast' });
const cacheDir = path.join(tmp.dir, 'cache');

let idle = '';
let action = '';
let rotated = '';
beforeAll(() => {
  // An "idle" part (portrait, 30 fps, no sound) and an "action" part (square, 25 fps, with sound).
  idle = path.join(tmp.dir, 'idle 待机.mp4');
  ffmpegSync(['-i', mediaFile('driving-d13.mp4'), '-t', '1.5', '-vf', 'scale=180:320', '-c:v', 'libx264', '-preset', 'ultrafast', idle]);
  action = path.join(tmp.dir, 'action.mp4');
  ffmpegSync(['-i', mediaFile('driving-d20.mp4'), '-t', '1.2', '-vf', 'scale=160:160', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-ar', '44100', action]);
  rotated = deriveRotatedMov(path.join(tmp.dir, 'rotated.mov'), path.join(tmp.dir, 'upright-ref.mp4'), 1);
});

describe('mergeFiles', () => {
  it('joins parts in order into one 25 fps MP4 and reports where each starts', async () => {
    const before = [idle, action, rotated].map(sha256);
    const out = path.join(tmp.dir, 'merged', 'idle + actions.mp4');
    mkdirSync(path.dirname(out));
    const progress: number[] = [];
    const r = await mergeFiles({ ff, inputs: [idle, action, rotated, idle], output: out, options, cacheDir, onProgress: (p) => p.progress !== null && progress.push(p.progress) });

    expect(r.parts?.map((p) => [path.basename(p.file), p.startFrame, p.frames])).toEqual([
      ['idle 待机.mp4', 0, 38],
      ['action.mp4', 38, 30],
      ['rotated.mov', 68, 25],
      ['idle 待机.mp4', 93, 38],
    ]);
    expect(r.parts?.map((p) => p.startSec)).toEqual([0, 1.52, 2.72, 3.72]);
    expect(r.probe.video).toMatchObject({ codec: 'h264', width: 180, height: 320, rotation: 0, colorSpace: 'bt709' });
    expect(r.probe.video?.rFrameRate).toMatchObject({ num: 25, den: 1 });
    expect(r.probe.audio).toMatchObject({ codec: 'aac', sampleRate: 48_000, channels: 2 });
    const s = streamFacts(out);
    expect(s.frames).toBe(38 + 30 + 25 + 38);
    expect(Math.abs((s.audio ?? 0) - s.video)).toBeLessThanOrEqual(AV_SYNC_TOLERANCE_SEC);
    expect(progress.at(-1)).toBe(1);
    expect([idle, action, rotated].map(sha256)).toEqual(before);
    expect(readdirSync(path.dirname(out))).toEqual(['idle + actions.mp4']);
  });

  it('refuses an audio-only part and an output that is one of the parts, writing nothing', async () => {
    const dir = path.join(tmp.dir, 'refused');
    mkdirSync(dir);
    const audioOnly = await mergeFiles({ ff, inputs: [idle, mediaFile('audio/jfk.wav')], output: path.join(dir, 'x.mp4'), options, cacheDir }).catch((e: unknown) => e);
    expect(audioOnly).toBeInstanceOf(StudioError);
    expect((audioOnly as StudioError).message).toMatch(/audio only/);
    const onto = await mergeFiles({ ff, inputs: [idle, action], output: action, options, cacheDir }).catch((e: unknown) => e);
    expect((onto as StudioError).code).toBe('bad-argument');
    expect(readdirSync(dir)).toEqual([]);
  });
});
