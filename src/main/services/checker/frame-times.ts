import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { FfmpegInfo } from '../ffmpeg';
import { packetTimesArgs } from '../ffmpeg/recipes';

const run = promisify(execFile);

/**
 * Presentation times of every video frame, from the packets (no decoding): sorted, relative to the
 * first. Used to time decoded frames and to find dropped ones.
 */
export async function videoFrameTimes(ff: FfmpegInfo, file: string): Promise<number[]> {
  const { stdout } = await run(
    ff.ffprobePath,
    packetTimesArgs(file),
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const times = stdout
    .split('\n')
    .map((l) => Number.parseFloat(l))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
  const t0 = times[0] ?? 0;
  return times.map((t) => t - t0);
}
