import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { StudioError } from '../../../shared/errors';
import { explainFfmpegError, isDiskFull } from './explain';
import type { FfmpegInfo } from './locate';
import { createProgressParser, parseStderrTail, type FfmpegProgress } from './progress';

export interface StreamFfmpegOptions {
  /** Raw bytes ffmpeg writes to stdout (`pipe:1`), as they come; return a promise to apply backpressure. */
  onData: (chunk: Buffer) => void | Promise<void>;
  durationSec?: number;
  signal?: AbortSignal;
  onProgress?: (p: FfmpegProgress) => void;
  onStderrLine?: (line: string) => void;
}

/**
 * Run ffmpeg with its output streamed to the caller (decoded frames, PCM) instead of a file. Progress
 * goes to fd 3 so stdout carries only data. Backpressure: while onData's promise is pending, ffmpeg
 * waits, so a slow consumer (the vision worker) never makes us hold the video in memory.
 */
export function streamFfmpeg(ff: FfmpegInfo, args: string[], opts: StreamFfmpegOptions): Promise<void> {
  if (opts.signal?.aborted) return Promise.reject(new StudioError('cancelled', 'cancelled'));
  return new Promise<void>((resolve, reject) => {
    const child = spawn(ff.ffmpegPath, ['-hide_banner', '-nostdin', '-progress', 'pipe:3', '-nostats', ...args], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const progress = child.stdio[3] as Readable;
    const parser = createProgressParser(opts.durationSec);
    progress.on('data', (c: Buffer) => {
      for (const p of parser.push(c)) opts.onProgress?.(p);
    });
    const tail: string[] = [];
    let partial = '';
    child.stderr!.on('data', (c: Buffer) => {
      const parts = (partial + c.toString('utf8')).split(/\r?\n|\r/);
      partial = parts.pop() ?? '';
      for (const l of parts) {
        opts.onStderrLine?.(l);
        tail.push(l);
        if (tail.length > 60) tail.shift();
      }
    });
    // The consumer's work on the last chunk may still run when ffmpeg exits: 'close' waits for it,
    // or the caller would go on (the checker drained its face pipeline) while the last frames were
    // still being handed over — which let two frames' answers be consumed out of order.
    let consuming: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    child.stdout!.on('data', (c: Buffer) => {
      if (failure) return; // the consumer has failed: the rest is drained unread so 'close' comes
      const r = opts.onData(c);
      if (r && typeof (r as Promise<void>).then === 'function') {
        child.stdout!.pause();
        consuming = (r as Promise<void>).then(
          () => {
            child.stdout!.resume();
          },
          (err: unknown) => {
            failure = err;
            child.kill('SIGKILL');
            child.stdout!.resume();
          },
        );
      }
    });
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (err) => {
      if (child.pid === undefined) reject(new StudioError('ffmpeg-missing', `ffmpeg at ${ff.ffmpegPath} could not be started: ${err.message}`));
    });
    // consuming never rejects (its failure is kept in `failure`): settle runs once it is done.
    child.once('close', (code) => void consuming.then(() => settle(code)));
    const settle = (code: number | null) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (partial) opts.onStderrLine?.(partial);
      if (aborted) return reject(new StudioError('cancelled', 'cancelled'));
      if (failure) return reject(failure);
      if (code === 0) return resolve();
      const stderr = tail.join('\n');
      const known = explainFfmpegError(stderr);
      const message = `${known ? `ffmpeg failed: ${known.words}` : `ffmpeg stopped with exit code ${code}`}\n${parseStderrTail(tail)}`;
      reject(isDiskFull(stderr) ? new StudioError('disk-full', message) : new StudioError('ffmpeg-failed', message, { hint: known?.hint }));
    };
  });
}
