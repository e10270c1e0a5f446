import { ContinuityMeter } from '../../../shared/qc/continuity';
import type { FfmpegInfo } from '../ffmpeg';
import { RawFrameReader } from '../ffmpeg/raw-frames';
import { rawFrameBytes, rawVideoArgs } from '../ffmpeg/recipes';
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
 * or two whatever the file's length. `onFrame` calls `done()` once nothing holds `frame.rgba` any
 * more (its face answer used): its buffer then carries a later frame instead of a new allocation.
 * A caller that never calls it keeps every frame it was given.
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
    onFrame: (frame: RgbaFrame, done: () => void) => Promise<void> | void;
  },
): Promise<{ frames: number; continuity: ContinuityMeter }> {
  const continuity = new ContinuityMeter();
  const size = { width: opts.width, height: opts.height };
  const reader = new RawFrameReader(rawFrameBytes(size.width, size.height, 'rgba'), async (rgba, index) => {
    const t = opts.times[index] ?? index / opts.fps;
    continuity.push(t, rgba, size.width, size.height);
    await opts.onFrame({ t, rgba, ...size }, () => reader.release(rgba));
  });
  await streamFfmpeg(ff, rawVideoArgs({ input: file, ffmpegVersion: ff.version, pixFmt: 'rgba', size }), {
    signal: opts.signal,
    durationSec: opts.durationSec,
    onProgress: (p) => p.progress !== null && opts.onProgress?.(p.progress),
    onData: (chunk) => reader.push(chunk),
  });
  return { frames: reader.frames, continuity };
}
