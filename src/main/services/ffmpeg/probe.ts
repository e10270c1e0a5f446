import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import type { ProbeResult } from '../../../shared/probe';
import { execTool } from './exec';
import { explainFfmpegError } from './explain';
import { locateFfmpeg, type FfmpegInfo } from './locate';
import { parseStderrTail } from './progress';
import { mapProbeJson } from './probe-map';
import { probeArgs } from './recipes';

/**
 * The facts of a media file, as ffprobe sees them. Every failure is a StudioError whose message
 * names the file and says in plain words what is wrong with it.
 */
export async function probeMedia(file: string, ff?: FfmpegInfo): Promise<ProbeResult> {
  const abs = path.resolve(file);
  const sizeBytes = await checkInputFile(abs);
  const { ffprobePath } = ff ?? (await locateFfmpeg());

  const out = await execTool(ffprobePath, probeArgs(abs)).catch((err: Error) => {
    throw new StudioError('ffmpeg-missing', `${abs}: cannot be probed, ffprobe at ${ffprobePath} could not be started (${err.message})`);
  });

  if (out.code !== 0) {
    const known = explainFfmpegError(out.stderr, { looksLikeMp4: await looksLikeIsoBmff(abs) });
    const detail = parseStderrTail(out.stderr.split('\n'), 3).replaceAll('\n', '; ');
    const words = known?.words ?? `ffprobe cannot read it (${detail || `exit code ${out.code}`})`;
    throw new StudioError('unreadable-media', `${abs}: ${words}`, { hint: known?.hint });
  }

  let result: ProbeResult;
  try {
    result = mapProbeJson(abs, JSON.parse(out.stdout), sizeBytes);
  } catch (err) {
    throw new StudioError('internal', `${abs}: ffprobe's report could not be understood (${(err as Error).message})`);
  }
  if (!result.video && !result.audio) {
    throw new StudioError('unreadable-media', `${abs}: contains no audio or video`);
  }
  return result;
}

/** Checks ffprobe would report less clearly; returns the size. */
async function checkInputFile(abs: string): Promise<number> {
  let s;
  try {
    s = await stat(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new StudioError('not-found', `${abs}: no such file`, { hint: 'Check the path and the file name.' });
    }
    throw new StudioError('unreadable-media', `${abs}: cannot be read (${(err as Error).message})`);
  }
  if (!s.isFile()) {
    throw new StudioError('bad-argument', `${abs}: not a regular file${s.isDirectory() ? ' (it is a folder)' : ''}`, {
      hint: 'Give the path of a media file.',
    });
  }
  if (s.size === 0) {
    throw new StudioError('unreadable-media', `${abs}: the file is empty (0 bytes)`, {
      hint: 'Nothing was written to it; if it is a recording, record the take again.',
    });
  }
  return s.size;
}

/** MP4/MOV files start with a box: 4 bytes of size, then a known four-letter type. */
async function looksLikeIsoBmff(abs: string): Promise<boolean> {
  const buf = Buffer.alloc(8);
  try {
    const fh = await open(abs, 'r');
    try {
      await fh.read(buf, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
  return ['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pdin', 'styp'].includes(buf.toString('latin1', 4, 8));
}
