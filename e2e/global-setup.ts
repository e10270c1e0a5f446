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
  /**
   * talking-4.mp4 (one face, 30 → 25 fps) as 540×540, 4 s, with the real hand of faces/emma.jpg
   * (keyed off its black background, darkened to a deep brown) laid over her mouth from 1.0 to
   * 3.0 s, fingers up: the hand test of lips.occluded, live.
   */
  handOverMouth: {
    file: 'hand-over-mouth-540.y4m',
    args: (src: string) => [
      '-i', src, '-i', path.join(path.dirname(src), 'faces/emma.jpg'),
      '-filter_complex',
      "[1:v]crop=370:545:2680:735,scale=185:272,format=rgba,geq=r='r(X\\,Y)':g='g(X\\,Y)':b='b(X\\,Y)':a='255*clip(((r(X\\,Y)+g(X\\,Y)+b(X\\,Y))/3-45)/40\\,0\\,1)*clip((H-1-Y)/25\\,0\\,1)'," +
        "colorchannelmixer=rr=0.45:gg=0.36:bb=0.3,loop=loop=-1:size=1,settb=1/30,setpts=N[p];" +
        "[0:v][p]overlay=x=308:y=322:shortest=1:enable='between(t,1,3)',scale=540:540,fps=25",
      '-t', '4', '-pix_fmt', 'yuv420p',
    ],
    src: 'talking-4.mp4',
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
