import type { RecStats } from '../../../shared/take-loop';
import { DELIVERY_FPS } from '../../../shared/standards';
import { execTool } from '../ffmpeg/exec';
import type { FfmpegInfo } from '../ffmpeg/locate';

/** One stream's packets: how many, the first and last pts, and the end (last pts + its duration). */
interface StreamSpan {
  packets: number;
  start: number;
  last: number;
  end: number;
}

/** Packet times of one stream of a file (ffprobe, CSV): MediaRecorder's files carry no duration header. */
async function streamSpan(ff: FfmpegInfo, file: string, select: 'v:0' | 'a:0'): Promise<StreamSpan | null> {
  const r = await execTool(
    ff.ffprobePath,
    ['-v', 'error', '-select_streams', select, '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', `file:${file}`],
    120_000,
  );
  if (r.code !== 0) return null;
  let packets = 0;
  let start = Infinity;
  let end = -Infinity;
  let last = -Infinity;
  for (const line of r.stdout.split('\n')) {
    const [pts, dur] = line.split(',');
    const t = Number(pts);
    if (!pts || !Number.isFinite(t)) continue;
    packets++;
    start = Math.min(start, t);
    last = Math.max(last, t);
    const d = Number(dur);
    end = Math.max(end, t + (Number.isFinite(d) ? d : 0));
  }
  return packets > 0 ? { packets, start, last, end } : null;
}

/**
 * What MediaRecorder really wrote to the raw file: video frames (packets), the seconds they span,
 * the sound's seconds, and so how the delivery (picture decides the length: deliver-args.ts) lines
 * the sound up: trimmed when it runs longer than the picture, padded with silence when shorter.
 */
export async function countRecordedFrames(ff: FfmpegInfo, rawFile: string): Promise<Pick<RecStats, 'recorded' | 'alignment'>> {
  const video = await streamSpan(ff, rawFile, 'v:0');
  if (!video) return { recorded: null, alignment: null };
  const audio = await streamSpan(ff, rawFile, 'a:0');
  // A frame's own duration is often absent in Matroska: first → last pts plus one mean frame interval.
  const span = video.last - video.start;
  const videoSeconds = video.packets > 1 ? (span * video.packets) / (video.packets - 1) : 0;
  const fps = videoSeconds > 0 ? video.packets / videoSeconds : 0;
  const audioSeconds = audio ? audio.end - audio.start : null;
  let alignment: RecStats['alignment'] = null;
  if (audioSeconds !== null) {
    const diff = audioSeconds - videoSeconds;
    const action = Math.abs(diff) < 0.02 ? 'none' : diff > 0 ? 'audio-trimmed' : 'audio-padded';
    alignment = { action, seconds: Math.round(Math.abs(diff) * 1000) / 1000 };
  }
  return {
    recorded: { frames: video.packets, videoSeconds: round3(videoSeconds), audioSeconds: audioSeconds === null ? null : round3(audioSeconds), fps: round3(fps) },
    alignment,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The delivery's length in whole frames at 25/1 of the recorded picture's seconds (first → last
 * frame plus one frame), so the delivery neither stops before the picture nor runs on past it on a frozen
 * frame. undefined when the raw file's frames cannot be read (the encode then keeps its length).
 */
export async function recordedVideoFrames(ff: FfmpegInfo, rawFile: string): Promise<number | undefined> {
  const { recorded } = await countRecordedFrames(ff, rawFile).catch(() => ({ recorded: null }));
  if (!recorded || recorded.videoSeconds <= 0) return undefined;
  // Whole frames the picture really covers: rounding up would ask for a frame past the last one,
  // which the constant-rate encode does not make, and the padded sound would end a frame later.
  return Math.max(1, Math.floor((recorded.videoSeconds * DELIVERY_FPS.num) / DELIVERY_FPS.den + 1e-6));
}
