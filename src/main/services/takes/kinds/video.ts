import path from 'node:path';
import { FINALIZE_ENCODE } from '../../../../shared/standards';
import { locateFfmpeg, makeDeliveryMp4, probeMedia } from '../../ffmpeg';
import { recordedVideoFrames } from '../../shoot-loop/recorded-frames';
import type { TakeKindDef } from '../take-kind';

/** File extension of the raw recording for a MediaRecorder mime type. */
export function rawExtension(mimeType: string): string {
  if (mimeType.startsWith('video/x-matroska')) return 'mkv';
  if (mimeType.startsWith('video/webm')) return 'webm';
  return 'mp4';
}

/** A camera take: MediaRecorder chunks in; the platform delivery MP4 (§1.1) out. */
export const videoKind: TakeKindDef<'video'> = {
  kind: 'video',
  deliveryFile: 'delivery.mp4',
  plan: (opts) => ({
    rawFile: `raw.${rawExtension(opts.mimeType)}`,
    mimeType: opts.mimeType,
    bitsPerSecond: opts.bitsPerSecond,
    preset: opts.preset,
  }),
  secondsInRaw: () => null,
  async finalize(job) {
    const ff = await locateFfmpeg();
    const output = path.join(job.takeDir, videoKind.deliveryFile);
    await makeDeliveryMp4({
      ff,
      input: job.rawPath,
      output,
      durationSec: job.durationSec,
      // #13 (loop): the picture decides the length; sound is trimmed or padded to it (deliver-args.ts).
      videoFrames: await recordedVideoFrames(ff, job.rawPath),
      padAudio: true,
      // Issue #15: the take's encode runs beside the next take; same CRF, faster search.
      preset: FINALIZE_ENCODE.preset,
      crf: FINALIZE_ENCODE.crf,
      x264Params: FINALIZE_ENCODE.x264Params,
      priority: job.priority,
      onProgress: (p) => job.onProgress(p.progress ?? 0, p.etaSeconds),
    });
    return { file: videoKind.deliveryFile, probe: await probeMedia(output, ff) };
  },
};
