import { spawn } from 'node:child_process';
import os from 'node:os';
import { StudioError } from '../../../shared/errors';
import { explainFfmpegError, isDiskFull } from './explain';
import type { FfmpegInfo } from './locate';
import { createProgressParser, parseStderrTail, type FfmpegProgress } from './progress';

export interface RunFfmpegOptions {
  /** Length of the output to expect, for progress and ETA; unknown → progress is null. */
  durationSec?: number;
  signal?: AbortSignal;
  onProgress?: (p: FfmpegProgress) => void;
  /** Every complete stderr line as it arrives (warnings of runs that succeed). */
  onStderrLine?: (line: string) => void;
  /** OS scheduling priority (nice, 0 normal … 19 lowest), e.g. so a background finalize yields to a recording. */
  priority?: number;
}

const STDERR_LINES_KEPT = 40;
/** ffmpeg finishes its trailer on SIGTERM; give it this long before SIGKILL. */
const KILL_GRACE_MS = 2000;

/**
 * Run ffmpeg to completion. Never through a shell. Rejects with StudioError: 'cancelled' when the
 * signal fires (after the process has exited, so the caller may delete its files), 'disk-full',
 * 'ffmpeg-missing' when it cannot be started, otherwise 'ffmpeg-failed' with plain words first
 * and the relevant stderr lines after.
 */
/**
 * Background ffmpeg work runs at this nice value (0 normal … 19 lowest): a finalize or a convert
 * yields the CPU to a take being recorded (capture, MediaRecorder, live monitor) instead of
 * competing with it, and runs at full speed when nothing records.
 */
export const BACKGROUND_PRIORITY = 10;

export function runFfmpeg(ff: FfmpegInfo, args: string[], opts: RunFfmpegOptions = {}): Promise<void> {
  const { signal, onProgress } = opts;
  if (signal?.aborted) return Promise.reject(cancelled());

  return new Promise<void>((resolve, reject) => {
    const child = spawn(ff.ffmpegPath, ['-hide_banner', '-nostdin', '-progress', 'pipe:1', '-nostats', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    if (opts.priority !== undefined && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, opts.priority);
      } catch {
        /* not permitted here: run at normal priority */
      }
    }
    const parser = createProgressParser(opts.durationSec);
    const tail = createLineTail(STDERR_LINES_KEPT, opts.onStderrLine);
    let aborted = false;
    let killTimer: NodeJS.Timeout | undefined;

    const onAbort = () => {
      aborted = true;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      for (const p of parser.push(chunk)) onProgress?.(p);
    });
    child.stderr.on('data', (chunk: Buffer) => tail.push(chunk.toString('utf8')));

    let settled = false;
    const settle = (err: StudioError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve();
    };
    // Without a pid the process never started, and 'close' may never come.
    child.once('error', (err) => {
      if (child.pid === undefined) {
        settle(new StudioError('ffmpeg-missing', `ffmpeg at ${ff.ffmpegPath} could not be started: ${err.message}`));
      }
    });
    child.once('close', (code, killedBy) => {
      if (aborted) settle(cancelled());
      else if (code === 0) settle(null);
      else settle(failure(tail.lines(), code, killedBy));
    });
  });
}

function cancelled(): StudioError {
  return new StudioError('cancelled', 'ffmpeg was cancelled');
}

function failure(lines: string[], code: number | null, killedBy: NodeJS.Signals | null): StudioError {
  const stderr = lines.join('\n');
  const relevant = parseStderrTail(lines);
  const how = code === null ? `was killed (${killedBy ?? 'signal'})` : `stopped with exit code ${code}`;
  const known = explainFfmpegError(stderr);
  const message = `${known ? `ffmpeg failed: ${known.words}` : `ffmpeg ${how}`}${relevant ? `\n${relevant}` : ''}`;
  if (isDiskFull(stderr)) {
    return new StudioError('disk-full', message, { hint: 'Free some space on the output drive and try again.' });
  }
  return new StudioError('ffmpeg-failed', message, { hint: known?.hint });
}

/** The last `max` complete-or-partial lines of a stream, without holding its whole history. */
function createLineTail(max: number, onLine?: (line: string) => void) {
  let lines: string[] = [];
  let partial = '';
  return {
    push(text: string) {
      const parts = (partial + text).split(/\r?\n|\r/);
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (onLine) for (const l of parts) onLine(l);
      if (lines.length > max) lines = lines.slice(-max);
    },
    lines(): string[] {
      return partial ? [...lines, partial].slice(-max) : lines;
    },
  };
}
