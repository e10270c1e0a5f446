import { execFile } from 'node:child_process';
import type { FfmpegInfo } from '../ffmpeg';
import { thumbnailArgs } from '../ffmpeg/recipes';

/** A small JPEG of the frame at `t` seconds, as a data: URL, for the report. */
export function thumbnailAt(ff: FfmpegInfo, file: string, t: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ff.ffmpegPath,
      thumbnailArgs({ input: file, t }),
      { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 },
      (err, stdout) => {
        if (err || !stdout.length) reject(err ?? new Error('no frame'));
        else resolve(`data:image/jpeg;base64,${stdout.toString('base64')}`);
      },
    );
  });
}
