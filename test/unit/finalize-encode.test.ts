/**
 * The take finalizer's faster encode (issue #15, FINALIZE_ENCODE) with real ffmpeg on a take made
 * like MediaRecorder's (H.264 Constrained Baseline + Opus in Matroska, 1080×1920 25 fps): the
 * delivery is still the format the standard and the studio ask (§7.1 MP4, 25 fps; H.264 High 8-bit
 * 4:2:0, AAC 48 kHz, DELIVERY_VIDEO), every recorded frame is kept, and its picture is as close to
 * the raw take as the veryfast delivery's (SSIM by ffmpeg's own filter, in this run).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateFfmpeg, makeDeliveryMp4 } from '../../src/main/services/ffmpeg';
import { videoKind } from '../../src/main/services/takes/kinds/video';
import { DELIVERY_AUDIO, DELIVERY_VIDEO } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { takeRecord } from './helpers/takes';

const tmp = tempDir('capture-studio-finalize-');
afterAll(tmp.cleanup);

function probe(file: string): { streams: Record<string, string | number>[] } {
  return JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-count_packets', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as { streams: Record<string, string | number>[] };
}

/** Mean SSIM of `a` against `b` (ffmpeg's ssim filter, its "All:" figure on stderr). */
function ssimOf(a: string, b: string): number {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostdin', '-i', a, '-i', b, '-lavfi', '[0:v][1:v]ssim', '-f', 'null', '-'], { encoding: 'utf8' });
  const m = /All:([\d.]+)/.exec(r.stderr);
  return m ? Number(m[1]) : NaN;
}

describe('finalizing a recorded take', () => {
  it('makes the delivery format, keeps every frame, and keeps the picture as the veryfast encode does', async () => {
    const raw = path.join(tmp.dir, 'raw.mkv');
    ffmpegSync([
      '-stream_loop', '1', '-i', mediaFile('talking-3.mp4'), '-t', '4',
      '-vf', 'scale=-2:1920,crop=1080:1920,fps=25', '-c:v', 'libx264', '-profile:v', 'baseline', '-preset', 'veryfast', '-b:v', '6M',
      '-c:a', 'libopus', '-f', 'matroska', raw,
    ]);
    const rawVideo = probe(raw).streams.find((s) => s.codec_type === 'video');
    const rawFrames = Number(rawVideo?.nb_read_packets);
    expect(rawFrames).toBe(100);

    const takeDir = path.join(tmp.dir, 'take');
    mkdirSync(takeDir);
    const progress: number[] = [];
    const result = await videoKind.finalize({
      take: takeRecord('s1', 'take-001', 'finalizing'),
      takeDir,
      rawPath: raw,
      durationSec: 4,
      priority: 10,
      onProgress: (p) => progress.push(p),
    });
    const delivery = path.join(takeDir, result.file);
    const streams = probe(delivery).streams;
    const v = streams.find((s) => s.codec_type === 'video');
    const a = streams.find((s) => s.codec_type === 'audio');
    expect(v).toMatchObject({ codec_name: DELIVERY_VIDEO.codec, profile: DELIVERY_VIDEO.profile, pix_fmt: DELIVERY_VIDEO.pixelFormat, r_frame_rate: '25/1', width: 1080, height: 1920 });
    expect(a).toMatchObject({ codec_name: DELIVERY_AUDIO.codec, sample_rate: String(DELIVERY_AUDIO.sampleRate) });
    // Every frame MediaRecorder wrote is in the delivery, none added.
    expect(Number(v?.nb_read_packets)).toBe(rawFrames);
    expect(progress.length).toBeGreaterThan(0);

    // The same take through the general delivery encode (veryfast): the finalize's picture is as
    // close to the raw take, to within 0.005 SSIM (measured 0.9672 vs 0.9688 on a 12-s take).
    const veryfast = path.join(tmp.dir, 'veryfast.mp4');
    const ff = await locateFfmpeg();
    await makeDeliveryMp4({ ff, input: raw, output: veryfast, preset: 'veryfast' });
    const fast = ssimOf(delivery, raw);
    const reference = ssimOf(veryfast, raw);
    expect(fast).toBeGreaterThan(reference - 0.005);
  }, 600_000);
});
