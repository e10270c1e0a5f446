/** Pure parsers for what ffmpeg prints: `-progress pipe:1` blocks and stderr. No I/O here. */

export interface FfmpegProgress {
  /** Output time written so far, seconds. */
  outTimeSec: number;
  /** 0–1 of durationSec; null when the duration is unknown. */
  progress: number | null;
  /** Encoding speed as a multiple of real time; null while ffmpeg says N/A. */
  speed: number | null;
  etaSeconds: number | null;
  /** ffmpeg reported progress=end. */
  ended: boolean;
}

export interface ProgressParser {
  /** Feed a chunk of stdout; returns one snapshot per completed block (may be none). */
  push(chunk: string | Buffer): FfmpegProgress[];
}

export function createProgressParser(durationSec?: number): ProgressParser {
  const duration = durationSec !== undefined && Number.isFinite(durationSec) && durationSec > 0 ? durationSec : null;
  let partial = '';
  let outTimeSec = 0;
  let speed: number | null = null;
  // Several keys carry the time; the most precise one seen in the current block wins.
  let blockTime: { rank: number; sec: number } | null = null;

  function line(raw: string): FfmpegProgress | null {
    const eq = raw.indexOf('=');
    if (eq < 0) return null;
    const key = raw.slice(0, eq).trim();
    const value = raw.slice(eq + 1).trim();
    const rank = TIME_KEYS.indexOf(key);
    if (rank >= 0) {
      const sec = parseTimeValue(key, value);
      if (sec !== null && (blockTime === null || rank < blockTime.rank)) blockTime = { rank, sec };
      return null;
    }
    if (key === 'speed') {
      const s = Number.parseFloat(value);
      speed = Number.isFinite(s) ? s : null;
      return null;
    }
    if (key !== 'progress') return null;
    // Output time never runs backwards; a negative or N/A value early on leaves the last one.
    if (blockTime !== null) outTimeSec = Math.max(outTimeSec, blockTime.sec);
    blockTime = null;
    const ended = value === 'end';
    return snapshot(ended);
  }

  function snapshot(ended: boolean): FfmpegProgress {
    if (duration === null) return { outTimeSec, progress: ended ? 1 : null, speed, etaSeconds: ended ? 0 : null, ended };
    const progress = ended ? 1 : Math.min(1, outTimeSec / duration);
    const remaining = Math.max(0, duration - outTimeSec);
    const etaSeconds = ended ? 0 : speed !== null && speed > 0 ? remaining / speed : null;
    return { outTimeSec, progress, speed, etaSeconds, ended };
  }

  return {
    push(chunk) {
      const lines = (partial + chunk.toString()).split(/\r?\n/);
      partial = lines.pop() ?? '';
      const out: FfmpegProgress[] = [];
      for (const l of lines) {
        const p = line(l);
        if (p) out.push(p);
      }
      return out;
    },
  };
}

/** out_time_ms is in microseconds too: a long-standing ffmpeg misnomer kept for compatibility. */
const TIME_KEYS = ['out_time_us', 'out_time_ms', 'out_time'];

function parseTimeValue(key: string, value: string): number | null {
  if (key === 'out_time') {
    const m = /^(-?)(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value);
    if (!m || m[1] === '-') return null;
    return Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
  }
  if (!/^-?\d+$/.test(value)) return null;
  const us = Number(value);
  return us >= 0 ? us / 1e6 : null;
}

const RELEVANT =
  /error|invalid|no such|not found|failed|cannot|can't|could not|unable|denied|no space|unknown|unrecognized|not supported|unsupported|does not|matches no streams|corrupt|truncat|too (large|small|old)|not divisible|abort|exiting/i;

/** The banner, stream listings and statistics: never the reason a run failed. */
const NOISE =
  /^(ffmpeg|ffprobe) version |^\s|^(Input|Output) #\d|^Stream mapping:|^Press \[q\]|^(frame|size)=|^video:\S+ audio:|^\[[^\]]+\] (using cpu capabilities|profile |264 - core|Qavg|frame [IPB]:|mb [IPB]|coded y,|i16 v,h,dc,p|kb\/s:|ref [PB] )/;

/**
 * The stderr lines worth showing when ffmpeg fails: error-looking lines first; failing that, the
 * last few lines that are not banner or statistics. Pointer addresses are stripped ("[mov @ 0x…]").
 */
export function parseStderrTail(lines: readonly string[], max = 8): string {
  const cleaned = lines
    .map((l) => l.replace(/\r$/, '').replace(/ @ 0x[0-9a-f]+\]/i, ']').trimEnd())
    .filter((l) => l.trim() !== '');
  const signal = cleaned.filter((l) => !NOISE.test(l));
  const errors = signal.filter((l) => RELEVANT.test(l));
  const chosen = (errors.length > 0 ? errors : signal).filter((l, i, all) => i === 0 || all[i - 1] !== l);
  return chosen.slice(-max).join('\n');
}
