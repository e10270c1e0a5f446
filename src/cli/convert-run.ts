/**
 * What `convert` and `merge` share: their options, progress lines on stderr, Ctrl-C as cancel,
 * the result on stdout, and the exit code of an error (1 when the work failed, 2 when the input or
 * arguments were bad).
 */
import path from 'node:path';
import type { ConvertResult } from '../shared/contract/convert';
import { toErrorShape, type ErrorCode } from '../shared/errors';
import { ConvertOptionsSchema, X264_PRESETS, type ConvertOptions } from '../shared/ingest/options';
import { resolveStudioHome } from '../main/services/studio-home';
import type { ConvertProgress } from '../main/services/convert';
import { EXIT, type CliIo, type OptionValues } from './command';
import { formatProbeTable } from './probe-table';
import { reportError } from './report-error';

export const CONVERT_OPTIONS = {
  scale: { type: 'string' },
  crf: { type: 'string' },
  preset: { type: 'string' },
  hdr: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const CONVERT_OPTIONS_USAGE = `[--scale R] [--crf N] [--preset ${X264_PRESETS[0]}…${X264_PRESETS.at(-1)}] [--hdr auto|exact|fast] [--json]`;

/** The options as typed → ConvertOptions, or an error message. */
export function parseConvertOptions(values: OptionValues): ConvertOptions | string {
  const num = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined);
  const raw = {
    ...(values.scale !== undefined ? { scale: num(values.scale) } : {}),
    ...(values.crf !== undefined ? { crf: num(values.crf) } : {}),
    ...(values.preset !== undefined ? { preset: values.preset } : {}),
    ...(values.hdr !== undefined ? { hdr: values.hdr } : {}),
  };
  const parsed = ConvertOptionsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  return parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ');
}

export function cacheDirFor(env: NodeJS.ProcessEnv): string {
  return path.join(resolveStudioHome(env).root, 'cache', 'convert');
}

/** One line per 10 % (and the first), so a log file stays short and a terminal shows movement. */
export function progressPrinter(io: CliIo, label: string): (p: ConvertProgress) => void {
  let lastStep = -1;
  return (p) => {
    if (p.progress === null) return;
    const step = Math.floor(p.progress * 10);
    if (step === lastStep) return;
    lastStep = step;
    const speed = p.speed !== null && p.speed > 0 ? ` · ${p.speed.toFixed(2)}× real time` : '';
    const eta = p.etaSeconds !== null && p.progress < 1 ? ` · about ${Math.ceil(p.etaSeconds)} s left` : '';
    io.stderr(`${label}: ${Math.round(p.progress * 100)}%${speed}${eta}\n`);
  };
}

/** Ctrl-C cancels the job (ffmpeg stops, the partial file is removed) instead of killing us mid-write. */
export async function withCancel<T>(io: CliIo, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = () => {
    io.stderr('\ncancelling…\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await run(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

const BAD_INPUT: readonly ErrorCode[] = ['bad-argument', 'not-found', 'unreadable-media', 'ffmpeg-missing', 'unknown-method'];

/** Report the error; 2 when the input or arguments were at fault, 1 when the work itself failed. */
export function failureExit(err: unknown, io: CliIo): number {
  reportError(err, io);
  return BAD_INPUT.includes(toErrorShape(err).code) ? EXIT.badInput : EXIT.fails;
}

export function printResult(r: ConvertResult, io: CliIo, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  io.stdout(`wrote ${r.output} in ${r.wallSeconds.toFixed(1)} s (${r.speed.toFixed(2)}× real time)\n`);
  io.stdout(`HDR: ${r.hdr.method}${r.hdr.method === 'none' ? '' : ` — ${r.hdr.note}`}\n`);
  io.stdout(`video filters: ${r.videoFilter}\n\n`);
  io.stdout(formatProbeTable(r.probe));
  if (r.parts) {
    io.stdout('\nparts (start in the merged file):\n');
    for (const p of r.parts) io.stdout(`  ${p.startSec.toFixed(2).padStart(8)} s  frame ${String(p.startFrame).padStart(6)}  ${p.durationSec.toFixed(2)} s  ${p.file}\n`);
  }
  if (r.warnings.length) {
    io.stdout('\nwarnings:\n');
    for (const w of r.warnings) io.stdout(`  ${w.section} ${w.rule}: ${w.message}\n`);
  }
}
