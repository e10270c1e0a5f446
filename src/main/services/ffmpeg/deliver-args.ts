import { DELIVERY_AUDIO, DELIVERY_ENCODE, DELIVERY_FPS, DELIVERY_VIDEO } from '../../../shared/standards';
import { fpsModeArgs } from './versions';

export interface DeliveryArgsOptions {
  input: string;
  output: string;
  preset: string;
  /** The ffmpeg version string from locate, to pick options it understands. */
  ffmpegVersion: string;
  /** Constant rate factor; DELIVERY_CRF when absent. */
  crf?: number;
  /** Filters run before the even-size crop (tone mapping, §5.3 scaling), in -vf syntax. */
  videoFilters?: readonly string[];
  /** Tag the output BT.709 SDR; the caller has made sure the pixels are (convert service). */
  bt709?: boolean;
  /**
   * Make the output exactly this many frames long (round(duration × 25)): a video that ends a
   * frame late (its last frame's own duration) is not left longer than its sound. The time limit
   * applies to sound and picture alike, so neither is cut short of the other.
   */
  videoFrames?: number;
  /**
   * With videoFrames: sound shorter than the picture is padded with silence to it (a recorded
   * take, issue #13). Not for imported files: padding would hide a truncated file's short sound.
   */
  padAudio?: boolean;
  /** x264 options beyond the preset (FINALIZE_ENCODE); replaces the ultrafast 8×8 default. */
  x264Params?: string;
}

/** The constant-rate-factor of the delivery encode: visually lossless for training footage. */
export const DELIVERY_CRF = DELIVERY_ENCODE.crf;

/** 4:2:0 needs even sizes; drop a stray odd row/column rather than rescale every pixel. */
export const EVEN_CROP = 'crop=trunc(iw/2)*2:trunc(ih/2)*2';

/**
 * ffmpeg arguments for the platform delivery MP4 (H.264 High 8-bit 4:2:0, 25/1 CFR, AAC 48 kHz,
 * faststart). Pure, so the recipe can be read and tested on its own.
 */
export function deliveryArgs(o: DeliveryArgsOptions): string[] {
  return [
    '-n',
    // "file:" keeps names with a colon or a leading dash from being read as a protocol or option.
    '-i', `file:${o.input}`,
    // "V": the first real video stream, never cover art.
    '-map', '0:V:0',
    '-map', '0:a:0?',
    '-vf', [...(o.videoFilters ?? []), EVEN_CROP].join(','),
    // MediaRecorder audio can have gaps and start late: pad with silence to keep lips in sync.
    // With a frame count and padAudio the picture decides the length: apad lets -t cut sound and picture at
    // the same frame, so sound that ends early is padded with silence and sound that runs on is
    // trimmed (issue #13: a take's video ended 1.3 s before its audio).
    '-af', o.videoFrames && o.padAudio ? 'aresample=async=1:first_pts=0,apad' : 'aresample=async=1:first_pts=0',
    ...(o.videoFrames ? ['-t', String((o.videoFrames * DELIVERY_FPS.den) / DELIVERY_FPS.num)] : []),
    ...deliveryEncodeArgs(o),
    `file:${o.output}`,
  ];
}

/**
 * The encoder and muxer half of the recipe (everything after the filters, before the output
 * name), shared by callers that build their own filter graph (e.g. merging several files).
 */
export function deliveryEncodeArgs(o: Pick<DeliveryArgsOptions, 'preset' | 'ffmpegVersion' | 'crf' | 'bt709' | 'x264Params'>): string[] {
  const rate = `${DELIVERY_FPS.num}/${DELIVERY_FPS.den}`;
  return [
    '-c:v', 'libx264',
    '-preset', o.preset,
    '-crf', String(o.crf ?? DELIVERY_CRF),
    '-profile:v', 'high',
    // ultrafast uses no High tool, so x264 would label the stream Constrained Baseline; the 8×8
    // transform keeps it H.264 High (as delivered) at no measurable cost.
    ...(o.x264Params ? ['-x264-params', o.x264Params] : o.preset === 'ultrafast' ? ['-x264-params', '8x8dct=1'] : []),
    '-pix_fmt', DELIVERY_VIDEO.pixelFormat,
    ...(o.bt709 ? bt709Tags() : []),
    // Constant frame rate: frames are duplicated or dropped by timestamp, so VFR input stays in sync.
    ...cfrArgs(o.ffmpegVersion),
    '-r', rate,
    '-c:a', DELIVERY_AUDIO.codec,
    '-ar', String(DELIVERY_AUDIO.sampleRate),
    // Recordings with sparse audio packets otherwise hit "Too many packets buffered".
    '-max_muxing_queue_size', '4096',
    '-movflags', '+faststart',
    '-f', 'mp4',
  ];
}

function bt709Tags(): string[] {
  const c = DELIVERY_VIDEO.colour;
  return ['-color_primaries', c, '-color_trc', c, '-colorspace', c, '-color_range', 'tv'];
}

/** Constant frame rate output, in the words this ffmpeg version knows (see versions.ts). */
export function cfrArgs(ffmpegVersion: string): string[] {
  return fpsModeArgs(ffmpegVersion, 'cfr');
}
