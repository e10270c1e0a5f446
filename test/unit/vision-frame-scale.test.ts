import { describe, expect, it } from 'vitest';
import { analysisSize, scaleFrameToRgba } from '../../src/renderer/src/features/vision/frame-scale';
import { ffmpegSync } from './helpers/derive';
import { mediaFile } from './helpers/media';

describe('camera frame → analysis-size RGBA', () => {
  it('keeps the aspect ratio and never scales up', () => {
    expect(analysisSize(1080, 1920, 720)).toEqual({ width: 405, height: 720 });
    expect(analysisSize(1920, 1080, 720)).toEqual({ width: 720, height: 405 });
    expect(analysisSize(480, 480, 720)).toEqual({ width: 480, height: 480 });
  });

  it('matches ffmpeg on a real I420 frame (talking-3 as a 1080×1920 portrait) within a few levels', () => {
    const W = 1080;
    const H = 1920;
    const vf = `scale=${W}:-2,pad=${W}:${H}:0:(oh-ih)/2`;
    const yuv = ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-vf', vf, '-frames:v', '1', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-']);
    const ref = ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-vf', `${vf},scale=405:720:flags=area`, '-frames:v', '1', '-pix_fmt', 'rgba', '-f', 'rawvideo', '-']);
    const data = new Uint8Array(yuv.buffer, yuv.byteOffset, yuv.byteLength);
    const layout = [
      { offset: 0, stride: W },
      { offset: W * H, stride: W / 2 },
      { offset: W * H + (W / 2) * (H / 2), stride: W / 2 },
    ];
    const frame = { format: 'I420' as const, width: W, height: H, data, layout, matrix: 'smpte170m', fullRange: false };
    scaleFrameToRgba(frame, 405, 720); // warm the JIT up: the worker runs this 25 times a second
    const t0 = performance.now();
    const out = scaleFrameToRgba(frame, 405, 720);
    const ms = performance.now() - t0;
    let diff = 0;
    for (let i = 0; i < out.length; i += 4) for (let c = 0; c < 3; c++) diff += Math.abs((out[i + c] ?? 0) - (ref[i + c] ?? 0));
    const mean = diff / ((out.length / 4) * 3);
    console.log(`I420 1080×1920 → 405×720 in ${ms.toFixed(1)} ms, mean |Δ| ${mean.toFixed(2)} levels`);
    expect(mean).toBeLessThan(6);
  });

  it('reads NV12 and BGRA layouts', () => {
    // A 4×2 frame of one colour: Y=81, U=90, V=240 is pure red in BT.601 limited range.
    const y = new Uint8Array(8).fill(81);
    const nv12 = new Uint8Array([...y, 90, 240, 90, 240]);
    const px = scaleFrameToRgba({ format: 'NV12', width: 4, height: 2, data: nv12, layout: [{ offset: 0, stride: 4 }, { offset: 8, stride: 4 }] }, 2, 1);
    expect(px[0]).toBeGreaterThan(245);
    expect(px[1]).toBeLessThan(10);
    expect(px[2]).toBeLessThan(10);
    const bgra = new Uint8Array(4 * 4 * 2);
    for (let i = 0; i < bgra.length; i += 4) bgra.set([10, 20, 200, 255], i);
    const rgba = scaleFrameToRgba({ format: 'BGRA', width: 4, height: 2, data: bgra, layout: [{ offset: 0, stride: 16 }] }, 2, 1);
    expect([...rgba.subarray(0, 4)]).toEqual([200, 20, 10, 255]);
  });
});
