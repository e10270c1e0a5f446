/**
 * The 25-fps frame grid of the platform's time fields (§5.3: "at 25fps, the 10th frame equals 0.4
 * seconds"; §7.1: the delivery is 25/1). Every time the studio writes into a task is a whole number
 * of frames; we keep frames (integers) internally and only turn them into seconds when writing, as
 * frame / 25, which is exact to two decimals (1/25 = 0.04) and prints as the platform expects
 * (260 / 25 → 10.4, never 10.400000000000002).
 *
 * What an operator may type (one field, three spellings):
 *   - seconds:            `10.4`, `10.41`, `10`, `125.36`        (a JSON number works too)
 *   - `SS:FF`:            `10:10` = 10 s + frame 10 = 10.4 s; SS may exceed 59 (`125:09`)
 *   - `MM:SS:FF`:         `2:05:09` = 125 s + frame 9; SS must then be 0–59
 * FF is 0–24: frame 25 of a second is frame 0 of the next, and `10:25` is refused rather than
 * guessed. `HH:MM:SS:FF` timecode is not accepted: no take is an hour long (the longest preset,
 * standard-live, is at most 30 min, §1.2.1), and a fourth field is more likely a typo.
 *
 * Snapping seconds to frames: to the NEAREST frame; an exact tie (10.42 is half-way between frame
 * 260 = 10.40 and frame 261 = 10.44) goes to the EARLIER frame. Why earlier: frame n is on screen
 * from n/25 up to, but not including, (n+1)/25, so any instant before the next frame's start —
 * the half-way point included — still shows frame n; rounding the tie up would name a frame that is
 * not yet visible at the typed time. The decimal is read as text, in integer arithmetic (BigInt),
 * so no binary floating-point error can push a tie either way (10.42 * 25 in doubles is
 * 260.50000000000006, which a naive Math.round would take to 261 → 10.44).
 */
import { DELIVERY_FPS } from '../standards';

/** Frames per second of the grid (§7.1, §5.3). */
export const GRID_FPS = DELIVERY_FPS.num / DELIVERY_FPS.den;

/** Longest time accepted anywhere in a task: 24 h (a typo guard, far above any preset). */
export const MAX_TASK_SECONDS = 24 * 3600;
const MAX_FRAMES = MAX_TASK_SECONDS * GRID_FPS;

export type TimeParse = { ok: true; frames: number } | { ok: false; error: string };

/** Seconds of a whole number of frames, exact to two decimals. */
export function framesToSeconds(frames: number): number {
  return frames / GRID_FPS;
}

/** The frame a time in seconds snaps to (nearest; ties to the earlier frame). */
export function secondsToFrames(seconds: number): number {
  const r = parseTime(seconds);
  if (!r.ok) throw new RangeError(r.error);
  return r.frames;
}

/** A time snapped to the grid, in seconds. */
export function snapSeconds(seconds: number): number {
  return framesToSeconds(secondsToFrames(seconds));
}

/** `10:10` (SS:FF) for a frame count; seconds are not folded into minutes. */
export function formatSsFf(frames: number): string {
  const s = Math.floor(frames / GRID_FPS);
  const f = frames - s * GRID_FPS;
  return `${s}:${String(f).padStart(2, '0')}`;
}

/** `10.40` (two decimals, the way the platform's examples read) for a frame count. */
export function formatSeconds(frames: number): string {
  return framesToSeconds(frames).toFixed(2);
}

const DECIMAL = /^(\d{1,6})(?:\.(\d{1,9}))?$/;
const SS_FF = /^(\d{1,6}):(\d{1,2})$/;
const MM_SS_FF = /^(\d{1,4}):(\d{1,2}):(\d{1,2})$/;

/**
 * Parse one time field as the operator wrote it (text or JSON number) into whole frames.
 * Every refusal is one sentence that says what was wrong and what is accepted.
 */
export function parseTime(input: unknown): TimeParse {
  const accepted = 'write seconds (10.4) or second:frame at 25 fps (10:10)';
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, error: `${String(input)} is not a time; ${accepted}` };
    if (input < 0) return { ok: false, error: `${input} is before the start of the video; times are 0 or more` };
    // The shortest decimal that reads back as this double: 10.41 → "10.41" (what was typed).
    text = String(input);
    if (/e/i.test(text)) text = input.toFixed(9);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return { ok: false, error: `${input === null ? 'null' : typeof input} is not a time; ${accepted}` };
  }
  if (text === '') return { ok: false, error: `an empty time; ${accepted}` };
  if (text.startsWith('-')) return { ok: false, error: `"${text}" is before the start of the video; times are 0 or more` };

  let frames: number;
  let m = DECIMAL.exec(text);
  if (m) {
    frames = decimalToFrames(m[1] ?? '0', m[2] ?? '');
  } else if ((m = SS_FF.exec(text))) {
    const ff = Number(m[2]);
    if (ff >= GRID_FPS) return { ok: false, error: `"${text}": the frame must be 0–${GRID_FPS - 1} at ${GRID_FPS} fps` };
    frames = Number(m[1]) * GRID_FPS + ff;
  } else if ((m = MM_SS_FF.exec(text))) {
    const ss = Number(m[2]);
    const ff = Number(m[3]);
    if (ss >= 60) return { ok: false, error: `"${text}": the seconds of minute:second:frame must be 0–59` };
    if (ff >= GRID_FPS) return { ok: false, error: `"${text}": the frame must be 0–${GRID_FPS - 1} at ${GRID_FPS} fps` };
    frames = (Number(m[1]) * 60 + ss) * GRID_FPS + ff;
  } else {
    return { ok: false, error: `"${text.slice(0, 40)}" is not a time; ${accepted}` };
  }
  if (frames > MAX_FRAMES) return { ok: false, error: `"${text}" is later than ${MAX_TASK_SECONDS / 3600} hours; check the number` };
  return { ok: true, frames };
}

/** whole.fraction seconds → nearest frame, ties to the earlier one, in exact integer arithmetic. */
function decimalToFrames(whole: string, fraction: string): number {
  const den = 10n ** BigInt(fraction.length);
  const num = BigInt(whole) * den + BigInt(fraction || '0');
  const x = num * BigInt(GRID_FPS); // frames × den, exactly
  // nearest with ties down: floor((2x + den − 1) / 2den)
  return Number((2n * x + den - 1n) / (2n * den));
}
