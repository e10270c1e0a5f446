import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import type { ProbeResult } from '../../../shared/probe';
import { DELIVERY_ENCODE } from '../../../shared/standards';
import { deliveryArgs } from './deliver-args';
import type { FfmpegInfo } from './locate';
import { exists, outputExists, partialPathFor, publishWithoutOverwrite } from './partial-file';
import { probeMedia } from './probe';
import { runFfmpeg } from './run';

export interface DeliveryProgress {
  /** 0–1, null while the input's duration is unknown. */
  progress: number | null;
  etaSeconds: number | null;
  outTimeSec: number;
  /** Multiple of real time; null while ffmpeg says N/A. */
  speed?: number | null;
}

export interface MakeDeliveryOptions {
  ff: FfmpegInfo;
  input: string;
  output: string;
  /** The input's duration when the caller knows it better than the file's header (MediaRecorder). */
  durationSec?: number;
  signal?: AbortSignal;
  onProgress?: (p: DeliveryProgress) => void;
  /** x264 preset; tests use 'ultrafast'. */
  preset?: string;
  /** x264 options beyond the preset (deliver-args.ts). */
  x264Params?: string;
  /** x264 constant rate factor; DELIVERY_CRF when absent. */
  crf?: number;
  /** Filters before the even-size crop (tone mapping, §5.3 scaling): see the convert service. */
  videoFilters?: readonly string[];
  /** Tag the output BT.709 (the filters made it so). */
  bt709?: boolean;
  /** Frames to write at most (see DeliveryArgsOptions.videoFrames). */
  videoFrames?: number;
  /** Pad short sound with silence up to videoFrames (see DeliveryArgsOptions.padAudio). */
  padAudio?: boolean;
  /** The input's facts when the caller has just probed it (saves a second ffprobe). */
  facts?: ProbeResult;
  /** Every stderr line, e.g. to report decoding errors ffmpeg concealed in a run that succeeded. */
  onStderrLine?: (line: string) => void;
  /**
   * Checks the finished file (still under its temporary name) before it is published; throwing
   * removes it. E.g. a truncated input ffmpeg read "successfully" up to where it breaks.
   */
  verify?: (partialFile: string) => Promise<void>;
  /** OS scheduling priority of the ffmpeg process (see RunFfmpegOptions.priority). */
  priority?: number;
}

export const DEFAULT_DELIVERY_PRESET = DELIVERY_ENCODE.preset;

/**
 * Encode any recording into the platform delivery MP4. The original is only read. The output
 * appears under its final name only when complete, and an existing file is never replaced.
 */
export async function makeDeliveryMp4(opts: MakeDeliveryOptions): Promise<void> {
  const input = path.resolve(opts.input);
  const output = path.resolve(opts.output);
  if (input === output) {
    throw new StudioError('bad-argument', `${output}: the output cannot be the input; the original is never modified`);
  }
  if (await exists(output)) throw outputExists(output);
  await checkFolder(path.dirname(output));

  // Probing first turns a bad input into a plain message before ffmpeg starts.
  const facts = opts.facts ?? (await probeMedia(input, opts.ff));
  if (!facts.video) throw new StudioError('unreadable-media', `${input}: has no video stream`);
  const durationSec = opts.durationSec ?? (facts.durationSec > 0 ? facts.durationSec : undefined);

  const partial = partialPathFor(output);
  const args = deliveryArgs({
    input,
    output: partial,
    preset: opts.preset ?? DEFAULT_DELIVERY_PRESET,
    ffmpegVersion: opts.ff.version,
    crf: opts.crf,
    videoFilters: opts.videoFilters,
    bt709: opts.bt709,
    videoFrames: opts.videoFrames,
    padAudio: opts.padAudio,
    x264Params: opts.x264Params,
  });
  try {
    await runFfmpeg(opts.ff, args, {
      durationSec,
      signal: opts.signal,
      onStderrLine: opts.onStderrLine,
      priority: opts.priority,
      onProgress: (p) => opts.onProgress?.({ progress: p.progress, etaSeconds: p.etaSeconds, outTimeSec: p.outTimeSec, speed: p.speed }),
    });
    await opts.verify?.(partial);
    await publishWithoutOverwrite(partial, output);
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  }
}

async function checkFolder(dir: string): Promise<void> {
  const s = await stat(dir).catch(() => null);
  if (!s?.isDirectory()) throw new StudioError('not-found', `${dir}: the output folder does not exist`);
}
