/** Media derived for the transcode tests: small and short, made with real ffmpeg from ../shared/media. */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parsePsnrAverage } from '../../../src/main/services/convert/hdr';
import { ffmpegSync } from './derive';
import { mediaFile } from './media';

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * An iPhone-like HDR clip: HEVC Main 10, BT.2020 HLG, in a QuickTime MOV, portrait 360×640, with
 * 44.1 kHz AAC. The picture is driving-d13.mp4 re-encoded with the HLG transfer.
 */
export function deriveHlgMov(out: string, seconds = 2): string {
  ffmpegSync([
    '-i', mediaFile('driving-d13.mp4'),
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100',
    '-t', String(seconds), '-map', '0:v', '-map', '1:a',
    '-vf', 'scale=360:640,zscale=tin=bt709:min=bt709:pin=bt709:t=arib-std-b67:m=bt2020nc:p=bt2020:npl=100,format=yuv420p10le',
    '-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error:colorprim=bt2020:transfer=arib-std-b67:colormatrix=bt2020nc',
    '-tag:v', 'hvc1', '-color_primaries', 'bt2020', '-color_trc', 'arib-std-b67', '-colorspace', 'bt2020nc',
    '-c:a', 'aac', '-f', 'mov', out,
  ]);
  return out;
}

/**
 * A portrait clip stored sideways (320×180, turned 90° counter-clockwise) with a rotation tag that
 * players undo: on ffmpeg 5.1 `-metadata:s:v rotate=270` is shown 90° clockwise, i.e. upright.
 * Also writes the upright reference (180×320) the converted pixels must match.
 */
export function deriveRotatedMov(out: string, reference: string, seconds = 2): string {
  const stored = `${out}.stored.mp4`;
  ffmpegSync(['-i', mediaFile('driving-d13.mp4'), '-t', String(seconds), '-vf', 'scale=180:320,transpose=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '12', stored]);
  ffmpegSync(['-i', stored, '-c', 'copy', '-metadata:s:v', 'rotate=270', '-f', 'mov', out]);
  ffmpegSync(['-i', mediaFile('driving-d13.mp4'), '-t', String(seconds), '-vf', 'scale=180:320', '-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '12', reference]);
  return out;
}

/** Per-stream durations (seconds) and the video's frame count, straight from ffprobe. */
export function streamFacts(file: string): { video: number; audio: number | null; frames: number } {
  const out = execFileSync(process.env.FFPROBE_PATH ?? 'ffprobe', [
    '-v', 'error', '-show_entries', 'stream=codec_type,duration,nb_frames', '-of', 'json', file,
  ]).toString();
  const streams = (JSON.parse(out) as { streams: { codec_type: string; duration?: string; nb_frames?: string }[] }).streams;
  const v = streams.find((s) => s.codec_type === 'video');
  const a = streams.find((s) => s.codec_type === 'audio');
  return { video: Number(v?.duration ?? NaN), audio: a ? Number(a.duration ?? NaN) : null, frames: Number(v?.nb_frames ?? NaN) };
}

/** PSNR (dB, average of Y, U, V) of two videos of the same size, over their first frames. */
export function psnrOf(a: string, b: string, frames = 10): number {
  const run = spawnSync(process.env.FFMPEG_PATH ?? 'ffmpeg', [
    '-hide_banner', '-nostdin', '-i', a, '-i', b, '-frames:v', String(frames), '-lavfi', '[0:v][1:v]psnr', '-f', 'null', '-',
  ], { encoding: 'utf8' });
  const psnr = parsePsnrAverage(run.stderr);
  if (psnr === null) throw new Error(`no PSNR from ffmpeg: ${run.stderr.slice(-500)}`);
  return psnr;
}
