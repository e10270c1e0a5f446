import path from 'node:path';
import { checkFile } from '../src/main/services/checker/check-file';
import { openFaceAnalyzer } from '../src/main/services/checker/chromium-face-analyzer';
import { ffmpeg, mediaDir, repoRoot, tempDir, type BenchEntry } from './lib';

/**
 * The acceptance checker on a 60-s 1080×1920 25-fps clip made by looping real media (talking-3,
 * one face, with sound): every frame decoded at the analysis size and measured by the vision
 * worker in headless Chromium. Frames/s, × real time and the studio process's peak RSS.
 */
export async function benchChecker(): Promise<BenchEntry[]> {
  process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
  const seconds = Number(process.env.BENCH_CHECK_SECONDS ?? 60);
  const dir = tempDir('check');
  const clip = path.join(dir, 'loop-1080x1920.mp4');
  ffmpeg([
    '-stream_loop', '-1', '-i', path.join(mediaDir, 'talking-3.mp4'), '-t', String(seconds),
    '-vf', 'scale=1080:-2,pad=1080:1920:0:(oh-ih)/2,fps=25', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-ar', '48000', clip,
  ]);
  const out: BenchEntry[] = [];
  for (const withFaces of [false, true]) {
    const faces = withFaces ? await openFaceAnalyzer({ rendererDir: path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer') }) : null;
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
    const t0 = performance.now();
    try {
      const { report } = await checkFile(clip, { preset: 'standard-short', faces });
      const s = (performance.now() - t0) / 1000;
      const label = withFaces ? 'faces' : 'no-faces';
      out.push(
        { name: `${label}.fps`, value: report.stats.framesAnalyzed / s, unit: 'frames/s', note: `${report.stats.framesAnalyzed} frames at ${report.stats.analysisWidth}×${report.stats.analysisHeight}` },
        { name: `${label}.realtime`, value: seconds / s, unit: '× real time', note: `${seconds} s 1080×1920 clip in ${s.toFixed(1)} s` },
        { name: `${label}.peak-rss`, value: peak / 2 ** 20, unit: 'MiB (studio process; Chromium not included)' },
      );
    } finally {
      clearInterval(timer);
      await faces?.close();
    }
  }
  return out;
}
