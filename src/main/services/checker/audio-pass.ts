import { AudioAnalyzer, type AudioFrame } from '../../../shared/qc/audio-analyzer';
import { AUDIO_ANALYSIS } from '../../../shared/standards';
import type { FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';

export interface AudioPassResult {
  frames: AudioFrame[];
  /** EBU R128 integrated loudness, LUFS (null when ffmpeg reported none). */
  integratedLufs: number | null;
  truePeakDb: number | null;
}

/**
 * One decode of the first audio stream: mono PCM at the analysis rate streamed into the
 * AudioAnalyzer, and the same audio through ffmpeg's ebur128 for the integrated loudness.
 */
export async function runAudioPass(
  ff: FfmpegInfo,
  file: string,
  opts: { durationSec?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<AudioPassResult> {
  const analyzer = new AudioAnalyzer();
  let integratedLufs: number | null = null;
  let truePeakDb: number | null = null;
  let inSummary = false;
  await streamFfmpeg(
    ff,
    [
      '-i', `file:${file}`,
      '-filter_complex', `[0:a:0]asplit=2[pcm][loud];[pcm]aresample=${AUDIO_ANALYSIS.sampleRate},aformat=sample_fmts=s16:channel_layouts=mono[out];[loud]ebur128=peak=true[meter]`,
      '-map', '[out]', '-f', 's16le', 'pipe:1',
      '-map', '[meter]', '-f', 'null', '-',
    ],
    {
      signal: opts.signal,
      durationSec: opts.durationSec,
      onProgress: (p) => p.progress !== null && opts.onProgress?.(p.progress),
      onData: (c) => analyzer.push(c),
      // The summary ffmpeg prints at the end: "Integrated loudness: I: -23.4 LUFS … True peak: Peak: -1.2 dBFS".
      onStderrLine: (line) => {
        if (/Summary:/.test(line)) inSummary = true;
        if (!inSummary) return;
        const i = /^\s*I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(line);
        if (i) integratedLufs = i[1] === '-inf' ? null : Number(i[1]);
        const p = /^\s*Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(line);
        if (p) truePeakDb = p[1] === '-inf' ? null : Number(p[1]);
      },
    },
  );
  return { frames: analyzer.end(), integratedLufs, truePeakDb };
}
