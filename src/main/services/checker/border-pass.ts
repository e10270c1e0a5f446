import { borderLines, consistentBorders, type Edge } from '../../../shared/qc/black-border';
import type { FfmpegInfo } from '../ffmpeg';
import { RawFrameReader } from '../ffmpeg/raw-frames';
import { rawFrameBytes, rawVideoArgs } from '../ffmpeg/recipes';
import { streamFfmpeg } from '../ffmpeg/stream';

/** Full-resolution grey frames, about one every 2 s (at most 30), for the black-border check. */
export async function runBorderPass(
  ff: FfmpegInfo,
  file: string,
  size: { width: number; height: number },
  frameCount: number,
  signal?: AbortSignal,
): Promise<Record<Edge, number>> {
  const every = Math.max(1, Math.ceil(frameCount / 30));
  const samples: Record<Edge, number>[] = [];
  const reader = new RawFrameReader(rawFrameBytes(size.width, size.height, 'gray'), (grey) => {
    samples.push(borderLines(grey, size.width, size.height));
  });
  await streamFfmpeg(ff, rawVideoArgs({ input: file, ffmpegVersion: ff.version, pixFmt: 'gray', everyNth: every }), {
    signal,
    onData: (c) => reader.push(c),
  });
  return consistentBorders(samples);
}
