import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { e2eHome, fixturesDir, mediaDir } from './env';

/** Fake-camera files, derived from the real media with ffmpeg once per run. */
export const FAKE_CAMERAS = {
  /** talking-3.mp4 (one face, 25 fps) framed as a 540×960 portrait picture. */
  talking3Portrait: {
    file: 'talking-3-540x960.y4m',
    args: (src: string) => ['-i', src, '-vf', 'scale=540:-2,pad=540:960:0:(oh-ih)/2,fps=25', '-pix_fmt', 'yuv420p'],
    src: 'talking-3.mp4',
  },
  /** Two faces side by side (vision e2e, face.multiple): talking-3.mp4 and driving-d20.mp4 at 25 fps, 960×480, 4 s. */
  twoFaces: {
    file: 'two-faces-960x480.y4m',
    args: (src: string) => [
      '-i', src, '-i', path.join(path.dirname(src), 'driving-d20.mp4'),
      '-filter_complex', '[0:v]scale=480:480,fps=25[a];[1:v]scale=480:480,fps=25[b];[a][b]hstack=inputs=2',
      '-t', '4', '-pix_fmt', 'yuv420p',
    ],
    src: 'talking-3.mp4',
  },
} as const;

export function fixture(name: keyof typeof FAKE_CAMERAS): string {
  return path.join(fixturesDir, FAKE_CAMERAS[name].file);
}

export default function globalSetup(): void {
  mkdirSync(fixturesDir, { recursive: true });
  mkdirSync(e2eHome, { recursive: true });
  for (const [, cam] of Object.entries(FAKE_CAMERAS)) {
    const out = path.join(fixturesDir, cam.file);
    if (existsSync(out)) continue;
    const tmp = `${out}.partial.y4m`;
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...cam.args(path.join(mediaDir, cam.src)), tmp]);
    renameSync(tmp, out);
  }
}
