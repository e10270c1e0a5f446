import { AudioAnalyzer, type AudioFrame } from '../../../shared/qc/audio-analyzer';
import { AUDIO_ANALYSIS } from '../../../shared/standards';
import type { FfmpegInfo } from '../ffmpeg';
import { audioAnalysisArgs, createEbur128SummaryParser } from '../ffmpeg/recipes';
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
  const summary = createEbur128SummaryParser();
  await streamFfmpeg(ff, audioAnalysisArgs({ input: file, sampleRate: AUDIO_ANALYSIS.sampleRate }), {
    signal: opts.signal,
    durationSec: opts.durationSec,
    onProgress: (p) => p.progress !== null && opts.onProgress?.(p.progress),
    onData: (c) => analyzer.push(c),
    onStderrLine: (line) => summary.push(line),
  });
  return { frames: analyzer.end(), integratedLufs: summary.integratedLufs(), truePeakDb: summary.truePeakDb() };
}
