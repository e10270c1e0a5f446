import { ContinuityMeter } from '../../../shared/qc/continuity';
import type { FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';
import type { RgbaFrame } from './face-analyzer';

/** The analysis size: the displayed size scaled to `maxSide` on its long side, even numbers. */
export function analysisSize(width: number, height: number, maxSide: number): { width: number; height: number } {
  const s = Math.min(1, maxSide / Math.max(width, height));
  const even = (n: number) => Math.max(2, 2 * Math.round((n * s) / 2));
  return { width: even(width), height: even(height) };
}

/**
 * Decode every frame once at the analysis size and hand each, in order, to `onFrame` (continuity
 * measures and faces). ffmpeg waits while a frame is being analysed, so memory stays at a frame
 * or two whatever the file's length.
 */
export async function runVideoPass(
  ff: FfmpegInfo,
  file: string,
  opts: {
    width: number;
    height: number;
    times: number[];
    fps: number;
    durationSec?: number;
    signal?: AbortSignal;
    onProgress?: (fraction: number) => void;
    onFrame: (frame: RgbaFrame) => Promise<void> | void;
  },
): Promise<{ frames: number; continuity: ContinuityMeter }> {
  const frameBytes = opts.width * opts.height * 4;
  const continuity = new ContinuityMeter();
  // One frame buffer, filled chunk by chunk: no re-copying of partial frames.
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  const emit = async () => {
    const rgba = frame;
    frame = new Uint8Array(frameBytes);
    filled = 0;
    const t = opts.times[index] ?? index / opts.fps;
    index++;
    continuity.push(t, rgba, opts.width, opts.height);
    await opts.onFrame({ t, rgba, width: opts.width, height: opts.height });
  };
  const onData = async (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(frameBytes - filled, chunk.length - at);
      frame.set(chunk.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === frameBytes) await emit();
    }
  };
  await streamFfmpeg(
    ff,
    [
      '-i', `file:${file}`,
      '-map', '0:v:0',
      '-fps_mode', 'passthrough',
      '-vf', `scale=${opts.width}:${opts.height}:flags=bilinear,format=rgba`,
      '-f', 'rawvideo', 'pipe:1',
    ],
    {
      signal: opts.signal,
      durationSec: opts.durationSec,
      onProgress: (p) => p.progress !== null && opts.onProgress?.(p.progress),
      onData,
    },
  );
  return { frames: index, continuity };
}
