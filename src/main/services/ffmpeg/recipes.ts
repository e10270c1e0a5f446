/**
 * Every ffmpeg argument recipe the studio runs, in one place (the LosslessCut way: one module of
 * pure functions returning argument arrays; the runners in run.ts / stream.ts / exec.ts execute
 * them). Pure, so each recipe is read, diffed and tested without running ffmpeg, and every
 * version-dependent option is decided here once (ADR 0004).
 *
 * Supported ffmpeg versions: 4.4 (Ubuntu 22.04) to 7.x; tested by running on this machine's build
 * and by asserting the arguments chosen for 4.4 (test/unit/ffmpeg-recipes.test.ts).
 */
import { AUDIO_ANALYSIS } from '../../../shared/standards';
import { fpsModeArgs } from './versions';

export { ffmpegVersionNumber, fpsModeArgs } from './versions';
import { deliveryEncodeArgs } from './deliver-args';
export { cfrArgs, deliveryArgs, deliveryEncodeArgs, DELIVERY_CRF, EVEN_CROP, type DeliveryArgsOptions } from './deliver-args';

/** "file:" keeps names with a colon or a leading dash from being read as a protocol or an option. */
export function fileArg(path: string): string {
  return `file:${path}`;
}

export type RawPixelFormat = 'rgba' | 'gray';

/** Bytes in one raw frame of this size and format (what the raw-frame reader reassembles). */
export function rawFrameBytes(width: number, height: number, pixFmt: RawPixelFormat): number {
  return width * height * (pixFmt === 'rgba' ? 4 : 1);
}

/**
 * Decode the first video stream to raw frames on stdout: every frame as decoded (passthrough, so
 * frame n is the file's frame n), scaled to `width`×`height` when given, optionally only every
 * `everyNth` frame.
 */
export function rawVideoArgs(o: {
  input: string;
  ffmpegVersion: string;
  pixFmt: RawPixelFormat;
  /** Scale to this size (bilinear: analysis, not display); full size when absent. */
  size?: { width: number; height: number };
  /** Keep frames 0, n, 2n …; every frame when absent or 1. */
  everyNth?: number;
}): string[] {
  const filters = [
    ...(o.everyNth && o.everyNth > 1 ? [`select='not(mod(n,${Math.floor(o.everyNth)}))'`] : []),
    ...(o.size ? [`scale=${o.size.width}:${o.size.height}:flags=bilinear`] : []),
    `format=${o.pixFmt}`,
  ];
  return [
    '-i', fileArg(o.input),
    '-map', '0:v:0',
    ...fpsModeArgs(o.ffmpegVersion, 'passthrough'),
    '-vf', filters.join(','),
    '-f', 'rawvideo', 'pipe:1',
  ];
}

/**
 * One decode of the first audio stream, split: mono s16 PCM at the analysis rate on stdout, and
 * the same audio through ebur128 (integrated loudness and true peak, printed to stderr at the end).
 */
export function audioAnalysisArgs(o: { input: string; sampleRate?: number }): string[] {
  const rate = o.sampleRate ?? AUDIO_ANALYSIS.sampleRate;
  return [
    '-i', fileArg(o.input),
    '-filter_complex', `[0:a:0]asplit=2[pcm][loud];[pcm]aresample=${rate},aformat=sample_fmts=s16:channel_layouts=mono[out];[loud]ebur128=peak=true[meter]`,
    '-map', '[out]', '-f', 's16le', 'pipe:1',
    '-map', '[meter]', '-f', 'null', '-',
  ];
}

/** Parse the ebur128 summary lines ffmpeg prints at the end; feed it every stderr line in order. */
export function createEbur128SummaryParser(): { push: (line: string) => void; integratedLufs: () => number | null; truePeakDb: () => number | null } {
  let inSummary = false;
  let integrated: number | null = null;
  let peak: number | null = null;
  return {
    // "Summary: … Integrated loudness: I: -23.4 LUFS … True peak: Peak: -1.2 dBFS".
    push(line) {
      if (/Summary:/.test(line)) inSummary = true;
      if (!inSummary) return;
      const i = /^\s*I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(line);
      if (i) integrated = i[1] === '-inf' ? null : Number(i[1]);
      const p = /^\s*Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(line);
      if (p) peak = p[1] === '-inf' ? null : Number(p[1]);
    },
    integratedLufs: () => integrated,
    truePeakDb: () => peak,
  };
}

/** A small JPEG of the frame at `t` seconds on stdout (report thumbnails). */
export function thumbnailArgs(o: { input: string; t: number; width?: number }): string[] {
  return [
    '-hide_banner', '-v', 'error',
    '-ss', Math.max(0, o.t).toFixed(3), '-i', fileArg(o.input),
    '-frames:v', '1', '-vf', `scale=${o.width ?? 240}:-2`,
    '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '5', 'pipe:1',
  ];
}

/** Raw RGB pixels on stdin (width × height, one picture) to a JPEG on stdout (the report's mouth strip). */
export function rawToJpegArgs(o: { width: number; height: number; quality?: number }): string[] {
  return [
    '-hide_banner', '-v', 'error', '-nostdin',
    '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${o.width}x${o.height}`, '-i', 'pipe:0',
    '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', String(o.quality ?? 4), 'pipe:1',
  ];
}

/** One frame at `t` seconds (or the first) as an RGBA PAM picture file (keying stills). */
export function stillFrameArgs(o: { input: string; output: string; t?: number }): string[] {
  const seek = o.t !== undefined && o.t > 0 ? ['-ss', String(o.t)] : [];
  return ['-v', 'error', ...seek, '-i', fileArg(o.input), '-map', '0:v:0', '-frames:v', '1', '-f', 'image2', '-c:v', 'pam', '-pix_fmt', 'rgba', '-y', o.output];
}

/** Raw pixels in a file (rgba or gray) encoded to one picture (PNG by the output's extension). */
export function encodePictureArgs(o: { rawInput: string; output: string; width: number; height: number; pixFmt: RawPixelFormat; outPixFmt: 'rgb24' | 'gray' }): string[] {
  return [
    '-v', 'error',
    '-f', 'rawvideo', '-pix_fmt', o.pixFmt, '-s', `${o.width}x${o.height}`, '-i', fileArg(o.rawInput),
    '-frames:v', '1', '-update', '1', '-pix_fmt', o.outPixFmt, '-y', fileArg(o.output),
  ];
}

/** Decode the first audio stream to raw PCM on stdout (voice takes, peaks): no other processing. */
export function pcmArgs(o: { input: string; sampleRate: number; channels: number; sampleFormat: 's16le' | 'f32le' }): string[] {
  return [
    '-i', fileArg(o.input),
    '-map', '0:a:0', '-vn',
    '-ac', String(o.channels), '-ar', String(o.sampleRate),
    '-c:a', `pcm_${o.sampleFormat}`, '-f', o.sampleFormat, 'pipe:1',
  ];
}

/**
 * Run a colour chain over an identity lattice of `size`³ points (R'G'B' float planar, or 16-bit
 * 4:4:4 Y'CbCr, on stdin; the chain's output format on stdout): how the HDR look-up table is sampled
 * from zscale (convert/hdr.ts).
 */
export function lutLatticeArgs(o: { size: number; chain: string; pixFmt?: 'gbrpf32le' | 'yuv444p16le' }): string[] {
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    '-f', 'rawvideo', '-pix_fmt', o.pixFmt ?? 'gbrpf32le', '-s', `${o.size * o.size}x${o.size}`, '-i', 'pipe:0',
    '-vf', o.chain,
    '-f', 'rawvideo', 'pipe:1',
  ];
}

/**
 * PSNR of filter chain `b` against chain `a` on the same decoded frames (printed to stderr), over
 * `seconds` from the key frame at or before `startSec`: -noaccurate_seek keeps the frames decoded
 * from that key frame instead of decoding up to startSec and dropping them, so the sample costs
 * `seconds` of decoding whatever the GOP (a 250-frame GOP made the 1-s HDR gate decode 6.5 s).
 */
export function psnrCompareArgs(o: { input: string; a: readonly string[]; b: readonly string[]; startSec: number; seconds: number }): string[] {
  const graph = `[0:V:0]split[a][b];[a]${o.a.join(',')}[x];[b]${o.b.join(',')}[y];[x][y]psnr`;
  return [
    '-hide_banner', '-nostdin', '-nostats',
    '-noaccurate_seek', '-ss', o.startSec.toFixed(3), '-t', o.seconds.toFixed(3), '-i', fileArg(o.input),
    '-an', '-filter_complex', graph, '-f', 'null', '-',
  ];
}

/**
 * Several files joined through a filter graph (built by convert/merge.ts) and encoded with the
 * delivery recipe; `-n` never overwrites.
 */
export function mergeArgs(o: { inputs: readonly string[]; graph: string; audio: boolean; output: string; encode: Parameters<typeof deliveryEncodeArgs>[0] }): string[] {
  return [
    '-n',
    ...o.inputs.flatMap((i) => ['-i', fileArg(i)]),
    '-filter_complex', o.graph,
    '-map', '[v]',
    ...(o.audio ? ['-map', '[a]'] : []),
    ...deliveryEncodeArgs(o.encode),
    fileArg(o.output),
  ];
}

/** One black frame through an encoder; VAAPI and QSV need their device and frames uploaded to it. */
export function testEncodeArgs(name: string): string[] {
  const upload =
    name === 'h264_vaapi'
      ? ['-init_hw_device', 'vaapi=hw', '-filter_hw_device', 'hw', '-vf', 'format=nv12,hwupload']
      : name === 'h264_qsv'
        ? ['-init_hw_device', 'qsv=hw', '-filter_hw_device', 'hw', '-vf', 'format=nv12,hwupload=extra_hw_frames=16']
        : ['-pix_fmt', 'nv12'];
  return ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'lavfi', '-i', 'color=black:s=256x256:d=0.04', ...upload, '-frames:v', '1', '-c:v', name, '-f', 'null', '-'];
}

/** The filter and encoder lists, to learn what this build can do. */
export const FILTER_LIST_ARGS: readonly string[] = ['-hide_banner', '-filters'];
export const ENCODER_LIST_ARGS: readonly string[] = ['-hide_banner', '-encoders'];

/** ffprobe: format and streams as JSON. */
export function probeArgs(input: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', fileArg(input)];
}

/** ffprobe: the presentation time of every video packet, one a line (no decoding). */
export function packetTimesArgs(input: string): string[] {
  return ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', fileArg(input)];
}

/**
 * Voice noise reduction (§8.3, §10), offline: the first audio stream through `filter` (afftdn, built
 * by voice/denoise.ts) into a float WAV at the input's rate and channels; `-n` never overwrites.
 */
export function voiceDenoiseArgs(o: { input: string; filter: string; output: string }): string[] {
  return ['-n', '-i', fileArg(o.input), '-map', '0:a:0', '-af', o.filter, '-c:a', 'pcm_f32le', '-f', 'wav', fileArg(o.output)];
}

/** Voice segments one after another as one float WAV (the voice export's merged.wav); `-n` never overwrites. */
export function voiceConcatArgs(o: { inputs: readonly string[]; output: string }): string[] {
  const graph = `${o.inputs.map((_, i) => `[${i}:a:0]`).join('')}concat=n=${o.inputs.length}:v=0:a=1[a]`;
  return ['-n', ...o.inputs.flatMap((i) => ['-i', fileArg(i)]), '-filter_complex', graph, '-map', '[a]', '-c:a', 'pcm_f32le', '-f', 'wav', fileArg(o.output)];
}
