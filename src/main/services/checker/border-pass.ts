import { borderLines, consistentBorders, type Edge } from '../../../shared/qc/black-border';
import type { FfmpegInfo } from '../ffmpeg';
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
  const bytes = size.width * size.height;
  const samples: Record<Edge, number>[] = [];
  let frame = new Uint8Array(bytes);
  let filled = 0;
  await streamFfmpeg(
    ff,
    ['-i', `file:${file}`, '-map', '0:v:0', '-vf', `select='not(mod(n,${every}))',format=gray`, '-fps_mode', 'passthrough', '-f', 'rawvideo', 'pipe:1'],
    {
      signal,
      onData: (c) => {
        let at = 0;
        while (at < c.length) {
          const n = Math.min(bytes - filled, c.length - at);
          frame.set(c.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === bytes) {
            samples.push(borderLines(frame, size.width, size.height));
            frame = new Uint8Array(bytes);
            filled = 0;
          }
        }
      },
    },
  );
  return consistentBorders(samples);
}
