/**
 * Damaged and truncated inputs. ffmpeg conceals decoding errors and, for a file cut short after
 * its index, ends "successfully" where the data stops. These pure helpers read its stderr lines
 * and the output's length to say what happened and where.
 */
import type { Finding } from '../../../shared/ingest/finding';

/** Lines that mean the input's data is damaged or missing (not the ordinary banner and stats). */
const DAMAGE =
  /partial file|Packet corrupt|corrupt input packet|Invalid NAL unit|Error splitting the input|error while decoding|Invalid data found when processing input|concealing \d+ (DC|AC|MV) errors|decode_slice_header error|missing picture in access unit|Error while decoding stream|co located POCs unavailable|Could not find ref with POC/i;

export interface DamageLine {
  /** Output seconds written when the line was seen. */
  atSec: number;
  line: string;
}

export function isDamageLine(line: string): boolean {
  return DAMAGE.test(line);
}

/** "stream 1, offset 0x510a0: partial file" → 332960, the first byte ffmpeg could not read. */
export function firstMissingOffset(lines: readonly DamageLine[]): number | null {
  for (const { line } of lines) {
    const m = /offset (0x[0-9a-f]+|\d+): partial file/i.exec(line);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

/**
 * Whether the output is too short for its input: more than max(0.5 s, 2 %) short with damage
 * seen on the way, or more than 10 % short regardless.
 */
export function endsEarly(expectedSec: number, gotSec: number, damageSeen: boolean): boolean {
  if (!(expectedSec > 0)) return false;
  const short = expectedSec - gotSec;
  if (damageSeen && short > Math.max(0.5, 0.02 * expectedSec)) return true;
  return short > 0.1 * expectedSec;
}

/** Concealed decoding errors as findings, grouped per second of output so a long run stays readable. */
export function damageFindings(lines: readonly DamageLine[], max = 5): Finding[] {
  const bySecond = new Map<number, DamageLine[]>();
  for (const d of lines) {
    const s = Math.floor(d.atSec);
    bySecond.set(s, [...(bySecond.get(s) ?? []), d]);
  }
  return [...bySecond.entries()].slice(0, max).map(([sec, group]) => ({
    rule: 'decode.damaged',
    severity: 'warn' as const,
    // §1.2.5: missing frames train as "frame skipping".
    section: '§1.2.5',
    start: sec,
    end: sec + 1,
    message: `damaged data around ${sec} s of the output, concealed by the decoder (${group.length} message${group.length === 1 ? '' : 's'}: ${clean(group[0]?.line ?? '')})`,
    values: { count: group.length, start: sec },
  }));
}

function clean(line: string): string {
  return line.replace(/ @ 0x[0-9a-f]+\]/i, ']').trim().slice(0, 160);
}
