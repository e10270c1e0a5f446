/**
 * One integrity test for every reader of a take or camera file (issue #11 item 6): `check` and
 * `convert` both ask it before any work, so a file cut short is reported the same way by both —
 * "breaks off at 2.16 s of 5.02 s" — also when its index sits at the front (+faststart), where the
 * header still claims the whole duration and decoders quietly stop early.
 *
 * It reads the packets only (ffprobe, no decoding: about 0.1 s for a 5 s file here), and compares
 * where the readable data ends with what the header promises, using the thresholds of damage.ts.
 */
import type { Finding } from '../../../shared/findings';
import { StudioError } from '../../../shared/errors';
import type { ProbeResult } from '../../../shared/probe';
import { execTool } from '../ffmpeg/exec';
import type { FfmpegInfo } from '../ffmpeg';
import { endsEarly, firstMissingOffset, isDamageLine, type DamageLine } from './damage';

export interface Integrity {
  /** What the header says (format duration), s. */
  expectedSec: number;
  /** Where the last readable packet ends, from the first packet's time, s. */
  readableSec: number;
  truncated: boolean;
  /** The first byte the index points at that the file does not have, when known. */
  firstMissingByte: number | null;
  /** Demuxer complaints (partial file, invalid NAL …). */
  damage: DamageLine[];
}

/** Packets of every stream: time, duration, byte position and size. */
export async function readIntegrity(ff: FfmpegInfo, probe: ProbeResult): Promise<Integrity> {
  const out = await execTool(
    ff.ffprobePath,
    // Named keys (compact format): ffprobe prints entries in its own order, not the order asked.
    ['-v', 'error', '-show_entries', 'packet=codec_type,pts_time,dts_time,duration_time,pos,size', '-of', 'compact=p=0', `file:${probe.file}`],
    120_000,
  );
  // The picture is what a take is for: where the video stops is where the file breaks off (audio
  // interleaved past the cut, or ending early on purpose, does not move it). No video: any stream.
  const kind = probe.video ? 'video' : null;
  const spans: { t: number; end: number }[] = [];
  let beyondEnd: number | null = null;
  for (const line of out.stdout.split('\n')) {
    const f = Object.fromEntries(line.split('|').map((kv) => kv.split('=') as [string, string]));
    if (!f.codec_type || (kind !== null && f.codec_type !== kind)) continue;
    const t = Number.parseFloat(f.pts_time && f.pts_time !== 'N/A' ? f.pts_time : (f.dts_time ?? ''));
    if (!Number.isFinite(t)) continue;
    const d = Number.parseFloat(f.duration_time ?? '');
    spans.push({ t, end: t + (Number.isFinite(d) ? d : 0) });
    const p = Number(f.pos);
    const s = Number(f.size);
    if (probe.sizeBytes > 0 && Number.isFinite(p) && Number.isFinite(s) && p + s > probe.sizeBytes && beyondEnd === null) beyondEnd = p;
  }
  const damage: DamageLine[] = out.stderr
    .split('\n')
    .filter((l) => l.trim() && isDamageLine(l))
    .map((line) => ({ atSec: 0, line }));
  const expectedSec = probe.durationSec;
  const truncated = beyondEnd !== null || endsEarly(expectedSec, readableEnd(spans, false), damage.length > 0);
  // A hole among the last frames only means where the picture breaks when the file is cut short
  // (a stream-copy trim with an edit list leaves such holes in a whole file).
  const readableSec = readableEnd(spans, truncated);
  return { expectedSec, readableSec, truncated, firstMissingByte: firstMissingOffset(damage) ?? beyondEnd, damage };
}

/**
 * Where the picture stops being whole, from the first frame: the end of the last frame, or — when
 * the cut fell inside a B-frame group, so later frames were read but an earlier one was not — the
 * start of the first missing frame (only for a file known to be `cut`). Only the trailing reorder window is searched for such a hole
 * (H.264/HEVC reorder at most 16 frames), so a dropped frame mid-file does not count as an end.
 */
export function readableEnd(spans: readonly { t: number; end: number }[], cut: boolean): number {
  if (spans.length === 0) return 0;
  const sorted = [...spans].sort((a, b) => a.t - b.t);
  const t0 = sorted[0]!.t;
  let end = Math.max(...sorted.map((s) => s.end));
  if (!cut) return Math.max(0, end - t0);
  const from = Math.max(1, sorted.length - 16);
  for (let i = from; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    const step = prev.end - prev.t;
    if (step > 0 && sorted[i]!.t - prev.end > step / 2) {
      end = prev.end;
      break;
    }
  }
  return Math.max(0, end - t0);
}

/** "…: the file breaks off at 2.16 s of 5.02 s (the file ends at byte …)" — one wording for check and convert. */
export function breaksOffSentence(probe: ProbeResult, readableSec: number, firstMissingByte: number | null): string {
  const size = probe.sizeBytes.toLocaleString('en');
  const where =
    firstMissingByte === null || !(probe.sizeBytes > 0)
      ? ''
      : firstMissingByte >= probe.sizeBytes
        ? ` (the file ends at byte ${size}; its index expects data beyond that)`
        : ` (unreadable from byte ${firstMissingByte.toLocaleString('en')} of ${size}, ${Math.round((100 * firstMissingByte) / probe.sizeBytes)} %)`;
  return `the file breaks off at ${readableSec.toFixed(2)} s of ${probe.durationSec.toFixed(2)} s${where}; it is truncated or damaged`;
}

export const TRUNCATION_HINT = 'Copy the file from the camera or card again; if the recording was interrupted, record the take again.';

/** The checker's finding for a truncated file: an error over the part that is missing. */
export function truncationFinding(probe: ProbeResult, i: Integrity): Finding | null {
  if (!i.truncated) return null;
  return {
    rule: 'file.truncated',
    severity: 'error',
    // §1.2.5: missing frames train as "frame skipping"; a file that stops early is missing all the rest.
    section: '§1.2.5',
    start: round(i.readableSec),
    end: round(Math.max(i.readableSec, i.expectedSec)),
    message: `${capital(breaksOffSentence(probe, i.readableSec, i.firstMissingByte))}. ${TRUNCATION_HINT}`.slice(0, 500),
    value: round(i.readableSec),
  };
}

/** Convert refuses a truncated input before ffmpeg starts, with the same sentence as check. */
export function throwIfTruncated(probe: ProbeResult, i: Integrity): void {
  if (!i.truncated) return;
  throw new StudioError('unreadable-media', `${probe.file}: ${breaksOffSentence(probe, i.readableSec, i.firstMissingByte)}, so no output was made`, {
    hint: TRUNCATION_HINT,
  });
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
