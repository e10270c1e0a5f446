import { execFile } from 'node:child_process';
import type { FfmpegInfo } from '../ffmpeg';

/** A small JPEG of the frame at `t` seconds, as a data: URL, for the report. */
export function thumbnailAt(ff: FfmpegInfo, file: string, t: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      ff.ffmpegPath,
      ['-hide_banner', '-v', 'error', '-ss', Math.max(0, t).toFixed(3), '-i', `file:${file}`, '-frames:v', '1', '-vf', 'scale=240:-2', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '5', 'pipe:1'],
      { encoding: 'buffer', maxBuffer: 8 * 1024 * 1024 },
      (err, stdout) => {
        if (err || !stdout.length) reject(err ?? new Error('no frame'));
        else resolve(`data:image/jpeg;base64,${stdout.toString('base64')}`);
      },
    );
  });
}
