import { DELIVERY_AUDIO, DELIVERY_FPS } from '../../../shared/standards';

export interface DeliveryArgsOptions {
  input: string;
  output: string;
  preset: string;
  /** The ffmpeg version string from locate, to pick options it understands. */
  ffmpegVersion: string;
}

/** The constant-rate-factor of the delivery encode: visually lossless for training footage. */
export const DELIVERY_CRF = 18;

/**
 * ffmpeg arguments for the platform delivery MP4 (H.264 High 8-bit 4:2:0, 25/1 CFR, AAC 48 kHz,
 * faststart). Pure, so the recipe can be read and tested on its own.
 */
export function deliveryArgs(o: DeliveryArgsOptions): string[] {
  const rate = `${DELIVERY_FPS.num}/${DELIVERY_FPS.den}`;
  return [
    '-n',
    // "file:" keeps names with a colon or a leading dash from being read as a protocol or option.
    '-i', `file:${o.input}`,
    // "V": the first real video stream, never cover art.
    '-map', '0:V:0',
    '-map', '0:a:0?',
    // 4:2:0 needs even sizes; drop a stray odd row/column rather than rescale every pixel.
    '-vf', 'crop=trunc(iw/2)*2:trunc(ih/2)*2',
    '-c:v', 'libx264',
    '-preset', o.preset,
    '-crf', String(DELIVERY_CRF),
    '-profile:v', 'high',
    '-pix_fmt', 'yuv420p',
    // Constant frame rate: frames are duplicated or dropped by timestamp, so VFR input stays in sync.
    ...cfrArgs(o.ffmpegVersion),
    '-r', rate,
    '-c:a', DELIVERY_AUDIO.codec,
    '-ar', String(DELIVERY_AUDIO.sampleRate),
    // MediaRecorder audio can have gaps and start late: pad with silence to keep lips in sync.
    '-af', 'aresample=async=1:first_pts=0',
    // Recordings with sparse audio packets otherwise hit "Too many packets buffered".
    '-max_muxing_queue_size', '4096',
    '-movflags', '+faststart',
    '-f', 'mp4',
    `file:${o.output}`,
  ];
}

/** -fps_mode arrived in ffmpeg 5.1; older builds (e.g. Ubuntu 22.04's 4.4) only know -vsync. */
export function cfrArgs(ffmpegVersion: string): string[] {
  const m = /^n?(\d+)\.(\d+)/.exec(ffmpegVersion);
  const old = m !== null && (Number(m[1]) < 5 || (Number(m[1]) === 5 && Number(m[2]) < 1));
  return old ? ['-vsync', 'cfr'] : ['-fps_mode', 'cfr'];
}
