/**
 * Offline noise reduction of a voice recording (§8.3, §10) with ffmpeg's afftdn: a new lossless
 * WAV (float, the original rate and channels) beside the original, written under a temporary name
 * and renamed without overwriting anything; the original is never touched. Never in the capture
 * path (it colours the voice the platform trains on): only at review and export.
 *
 * The processed file goes through the same voice QC as the original, so the noise floor, SNR,
 * speech level, peak and clipped samples before and after are measured the same way: afftdn only
 * subtracts an estimated noise spectrum, so it should lower the floor and leave speech level and
 * peak nearly where they were — the QC of the output proves it does not add clipping.
 */
import path from 'node:path';
import { VOICE_DENOISE, type VoiceTargetId } from '../../../shared/standards';
import { locateFfmpeg, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { exists, outputExists, partialPathFor, publishWithoutOverwrite } from '../ffmpeg/partial-file';
import { voiceDenoiseArgs } from '../ffmpeg/recipes';
import { analyzeVoiceFile, type VoiceFileReport } from './analyze-file';

export interface DenoiseLevels {
  noiseFloorDb: number | null;
  snrDb: number | null;
  speechLevelDb: number | null;
  peakDb: number | null;
  clippedSamples: number;
  verdict: 'pass' | 'warn' | 'fail';
}

export interface DenoiseResult {
  original: string;
  denoised: string;
  /** The ffmpeg filter that ran, with its measured noise floor. */
  filter: string;
  before: DenoiseLevels;
  after: DenoiseLevels;
  beforeReport: VoiceFileReport;
  afterReport: VoiceFileReport;
}

export interface DenoiseOptions {
  target: VoiceTargetId;
  ff?: FfmpegInfo;
  signal?: AbortSignal;
  /** The original's QC when the caller already has it (export measures each file once). */
  before?: VoiceFileReport;
  /** 0–1 of each stage: the original's QC, afftdn, the processed file's QC. */
  onProgress?: (stage: 'qc-before' | 'denoise' | 'qc-after', fraction: number) => void;
}

export function levelsOf(r: VoiceFileReport): DenoiseLevels {
  const s = r.stats;
  return { noiseFloorDb: s.noiseFloorDb, snrDb: s.snrDb, speechLevelDb: s.speechLevelDb, peakDb: s.peakDb, clippedSamples: s.clippedSamples, verdict: r.verdict };
}

/** afftdn with the noise floor measured in the file (its default −50 dB missed real room noise). */
export function denoiseFilter(noiseFloorDb: number | null): string {
  const floor = Math.min(VOICE_DENOISE.maxFloorDb, Math.max(VOICE_DENOISE.minFloorDb, Math.round((noiseFloorDb ?? -55) + VOICE_DENOISE.floorOffsetDb)));
  return `afftdn=nr=${VOICE_DENOISE.reductionDb}:nf=${floor}`;
}

export async function denoiseVoiceFile(input: string, output: string, opts: DenoiseOptions): Promise<DenoiseResult> {
  const ff = opts.ff ?? (await locateFfmpeg());
  const out = path.resolve(output);
  if (await exists(out)) throw outputExists(out);
  const progress = opts.onProgress;
  const before = opts.before ?? (await analyzeVoiceFile(input, { target: opts.target, ff, signal: opts.signal, onProgress: (p) => progress?.('qc-before', qcFraction(p)) }));
  progress?.('qc-before', 1);
  const filter = denoiseFilter(before.stats.noiseFloorDb);
  const partial = partialPathFor(out.endsWith('.wav') ? out : `${out}.wav`);
  await runFfmpeg(ff, voiceDenoiseArgs({ input, filter, output: partial }), {
    signal: opts.signal,
    durationSec: before.stats.durationS,
    onProgress: (p) => progress?.('denoise', p.progress ?? 0),
  });
  await publishWithoutOverwrite(partial, out);
  progress?.('denoise', 1);
  const after = await analyzeVoiceFile(out, { target: opts.target, ff, signal: opts.signal, onProgress: (p) => progress?.('qc-after', qcFraction(p)) });
  progress?.('qc-after', 1);
  return { original: path.resolve(input), denoised: out, filter, before: levelsOf(before), after: levelsOf(after), beforeReport: before, afterReport: after };
}

/**
 * QC reports decode, then VAD, then pitch on the speech frames, each from 0 to 1; their shares of
 * its CPU from bench/voice (30-min file: decode 2.4 s, Silero 3.7 s, pitch and rules 2.4 s). A
 * stage's fraction maps into its own span, so the whole only grows.
 */
const QC_SPANS: Record<string, [number, number]> = { decode: [0, 0.3], vad: [0.3, 0.72], pitch: [0.72, 1] };
export function qcFraction(p: { stage: string; fraction: number }): number {
  const [a, b] = QC_SPANS[p.stage] ?? [0, 1];
  return a + Math.min(1, Math.max(0, p.fraction)) * (b - a);
}
