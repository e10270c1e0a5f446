/**
 * Offline noise reduction of a voice recording (§8.3, §10) with ffmpeg's afftdn: a new lossless
 * WAV (float, the original rate and channels) beside the original, written under a temporary name
 * and renamed without overwriting anything; the original is never touched. The noise floor and SNR
 * are measured before and after by the same voice QC so the operator sees what it did.
 */
import path from 'node:path';
import { VOICE_DENOISE, type VoiceTargetId } from '../../../shared/standards';
import { locateFfmpeg, runFfmpeg, type FfmpegInfo } from '../ffmpeg';
import { exists, outputExists, partialPathFor, publishWithoutOverwrite } from '../ffmpeg/partial-file';
import { analyzeVoiceFile } from './analyze-file';

export interface DenoiseResult {
  original: string;
  denoised: string;
  before: { noiseFloorDb: number | null; snrDb: number | null };
  after: { noiseFloorDb: number | null; snrDb: number | null };
}

export async function denoiseVoiceFile(input: string, output: string, opts: { target: VoiceTargetId; ff?: FfmpegInfo; signal?: AbortSignal }): Promise<DenoiseResult> {
  const ff = opts.ff ?? (await locateFfmpeg());
  const out = path.resolve(output);
  if (await exists(out)) throw outputExists(out);
  const before = await analyzeVoiceFile(input, { target: opts.target, ff, signal: opts.signal });
  const floor = Math.min(VOICE_DENOISE.maxFloorDb, Math.max(VOICE_DENOISE.minFloorDb, Math.round((before.stats.noiseFloorDb ?? -55) + VOICE_DENOISE.floorOffsetDb)));
  const filter = `afftdn=nr=${VOICE_DENOISE.reductionDb}:nf=${floor}`;
  const partial = partialPathFor(out.endsWith('.wav') ? out : `${out}.wav`);
  await runFfmpeg(ff, ['-y', '-i', `file:${input}`, '-map', '0:a:0', '-af', filter, '-c:a', 'pcm_f32le', '-f', 'wav', `file:${partial}`], { signal: opts.signal, durationSec: before.stats.durationS });
  await publishWithoutOverwrite(partial, out);
  const after = await analyzeVoiceFile(out, { target: opts.target, ff, signal: opts.signal });
  const pick = (r: typeof before) => ({ noiseFloorDb: r.stats.noiseFloorDb, snrDb: r.stats.snrDb });
  return { original: path.resolve(input), denoised: out, before: pick(before), after: pick(after) };
}
