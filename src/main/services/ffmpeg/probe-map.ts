/**
 * ffprobe's JSON (-show_format -show_streams) → ProbeResult. Pure, so every rule here is unit
 * tested without running ffprobe.
 */
import path from 'node:path';
import { z } from 'zod';
import { ProbeResultSchema, type AudioFacts, type HdrTransfer, type ProbeResult, type Rate, type VideoFacts } from '../../../shared/probe';
import { FPS_TOLERANCE } from '../../../shared/standards';

/** ffprobe prints numbers as strings in most places and as numbers in a few; accept both. */
const num = z.union([z.number(), z.string()]).optional();

const SideDataSchema = z.object({ side_data_type: z.string().optional(), rotation: num });

const StreamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  pix_fmt: z.string().optional(),
  bits_per_raw_sample: num,
  color_transfer: z.string().optional(),
  color_primaries: z.string().optional(),
  color_space: z.string().optional(),
  r_frame_rate: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  nb_frames: num,
  duration: num,
  sample_rate: num,
  channels: z.number().optional(),
  channel_layout: z.string().optional(),
  disposition: z.record(z.string(), z.number()).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(SideDataSchema).optional(),
});
type RawStream = z.infer<typeof StreamSchema>;

export const FfprobeJsonSchema = z.object({
  streams: z.array(StreamSchema).default([]),
  format: z
    .object({
      format_name: z.string().optional(),
      duration: num,
      size: num,
      bit_rate: num,
      tags: z.record(z.string(), z.string()).optional(),
    })
    .default({}),
});
export type FfprobeJson = z.infer<typeof FfprobeJsonSchema>;

/** `fallbackSizeBytes` (from stat) fills in when the container does not state its size. */
export function mapProbeJson(file: string, json: unknown, fallbackSizeBytes = 0): ProbeResult {
  const raw = FfprobeJsonSchema.parse(json);
  const formatName = raw.format.format_name ?? 'unknown';
  // Cover art in MP4/MKV is a one-frame "video" stream; it is not the footage.
  const videoStream = raw.streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const audioStream = raw.streams.find((s) => s.codec_type === 'audio');
  return ProbeResultSchema.parse({
    file,
    container: containerName(file, formatName, raw.format.tags?.major_brand),
    formatName,
    durationSec: durationOf(raw),
    sizeBytes: Math.round(toNumber(raw.format.size) ?? fallbackSizeBytes),
    bitRate: toNumber(raw.format.bit_rate),
    video: videoStream ? videoFacts(videoStream) : null,
    audio: audioStream ? audioFacts(audioStream) : null,
  });
}

export function containerName(file: string, formatName: string, majorBrand?: string): string {
  const ext = path.extname(file).toLowerCase();
  const names = formatName.split(',');
  if (names.includes('mov') || names.includes('mp4')) {
    // One demuxer reads both; QuickTime files say so in their brand ("qt  ").
    return ext === '.mov' || majorBrand?.trim() === 'qt' ? 'mov' : 'mp4';
  }
  // Also one demuxer; only the extension tells a WebM from other Matroska.
  if (names.includes('matroska') || names.includes('webm')) return ext === '.webm' ? 'webm' : 'matroska';
  return names[0] || 'unknown';
}

/** "30000/1001" → its value; "0/0" (unknown) → fps 0. */
export function parseRate(text: string | undefined): Rate {
  const m = /^(-?\d+)\/(-?\d+)$/.exec(text ?? '');
  if (!m) return { num: 0, den: 0, fps: 0 };
  const n = Number(m[1]);
  const d = Number(m[2]);
  return { num: n, den: d, fps: d === 0 ? 0 : n / d };
}

/** VFR when the nominal (r) and average rates disagree; unknown rates never count as VFR. */
export function isVfr(r: Rate, avg: Rate): boolean {
  if (r.fps <= 0 || avg.fps <= 0) return false;
  return Math.abs(avg.fps - r.fps) / r.fps > FPS_TOLERANCE;
}

/**
 * Clockwise degrees a player turns the picture. The display matrix's `rotation` is
 * counter-clockwise (libavutil's av_display_rotation_get); verified on ffmpeg 5.1: a file that
 * ffprobe reports as rotation -90 is turned by ffmpeg's autorotate so the top-left corner ends up
 * top-right, i.e. 90° clockwise. The legacy `rotate` tag (older demuxers) is already clockwise.
 */
export function rotationOf(stream: Pick<RawStream, 'side_data_list' | 'tags'>): number {
  const matrix = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix');
  const ccw = toNumber(matrix?.rotation);
  if (ccw !== null) return normalizeDegrees(-ccw);
  const tag = toNumber(stream.tags?.rotate);
  return tag === null ? 0 : normalizeDegrees(tag);
}

function normalizeDegrees(deg: number): number {
  const quarter = Math.round(deg / 90) * 90;
  return ((quarter % 360) + 360) % 360;
}

export function bitDepthOf(pixFmt: string | undefined, bitsPerRawSample: unknown): number {
  const raw = toNumber(bitsPerRawSample);
  if (raw !== null && raw > 0) return raw;
  // yuv420p10le, yuv444p12be, gray10le, p010le …: the component depth is in the name.
  const m = /(?:p|gray)(9|1[0-6])(le|be)?$/.exec(pixFmt ?? '') ?? /^p0(1[0-6])(le|be)$/.exec(pixFmt ?? '');
  return m ? Number(m[1]) : 8;
}

export function hdrOf(colorTransfer: string | undefined): HdrTransfer {
  if (colorTransfer === 'arib-std-b67') return 'hlg';
  if (colorTransfer === 'smpte2084') return 'pq';
  return 'none';
}

function videoFacts(s: RawStream): VideoFacts {
  const width = s.width ?? 0;
  const height = s.height ?? 0;
  const rotation = rotationOf(s);
  const turned = rotation === 90 || rotation === 270;
  const rFrameRate = parseRate(s.r_frame_rate);
  const avgFrameRate = parseRate(s.avg_frame_rate);
  return {
    codec: s.codec_name ?? 'unknown',
    profile: s.profile ?? null,
    width,
    height,
    rotation,
    displayWidth: turned ? height : width,
    displayHeight: turned ? width : height,
    rFrameRate,
    avgFrameRate,
    vfr: isVfr(rFrameRate, avgFrameRate),
    pixelFormat: s.pix_fmt ?? 'unknown',
    bitDepth: bitDepthOf(s.pix_fmt, s.bits_per_raw_sample),
    hdr: hdrOf(s.color_transfer),
    colorTransfer: s.color_transfer ?? null,
    colorPrimaries: s.color_primaries ?? null,
    colorSpace: s.color_space ?? null,
    frameCount: frameCountOf(s),
  };
}

/** nb_frames in MP4; Matroska muxed by mkvmerge keeps it in a statistics tag. */
function frameCountOf(s: RawStream): number | null {
  const tagKey = Object.keys(s.tags ?? {}).find((k) => /^NUMBER_OF_FRAMES(-|$)/i.test(k));
  const n = toNumber(s.nb_frames) ?? toNumber(tagKey ? s.tags?.[tagKey] : undefined);
  return n !== null && Number.isInteger(n) && n >= 0 ? n : null;
}

function audioFacts(s: RawStream): AudioFacts {
  return {
    codec: s.codec_name ?? 'unknown',
    sampleRate: Math.round(toNumber(s.sample_rate) ?? 0),
    channels: s.channels ?? 0,
    channelLayout: s.channel_layout ?? null,
  };
}

/** The container's duration; MediaRecorder files often lack it, so fall back to the longest stream. */
function durationOf(raw: FfprobeJson): number {
  const format = toNumber(raw.format.duration);
  if (format !== null && format > 0) return format;
  const streams = raw.streams.map((s) => toNumber(s.duration) ?? 0);
  return Math.max(0, ...streams);
}

function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '' || v === 'N/A') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}
