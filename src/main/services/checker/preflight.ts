import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import type { ProbeResult } from '../../../shared/probe';
import { locateFfmpeg, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { readIntegrity, truncationFinding, type Integrity } from '../convert/integrity';
import type { Finding } from '../../../shared/findings';

export interface Preflight {
  file: string;
  ff: FfmpegInfo;
  probe: ProbeResult;
  integrity: Integrity;
  /** file.truncated, when the file breaks off. */
  truncated: Finding | null;
}

/**
 * File problems first (issue #14): missing, not a file, unreadable, no video, truncated — found in
 * well under a second, before a Chromium is started for the face analysis. Throws a StudioError
 * for a file that cannot be checked at all; a truncated file is checked, with an error finding.
 */
export async function preflightCheck(file: string, ff?: FfmpegInfo): Promise<Preflight> {
  const abs = path.resolve(file);
  const st = await fs.stat(abs).catch(() => null);
  if (!st) throw new StudioError('not-found', `${abs}: no such file`);
  if (!st.isFile()) throw new StudioError('bad-argument', `${abs}: not a file`);
  const tools = ff ?? (await locateFfmpeg());
  const probe = await probeMedia(abs, tools);
  if (!probe.video) throw new StudioError('unreadable-media', `${abs}: has no video stream, so there is nothing to check for a digital human`);
  const integrity = await readIntegrity(tools, probe);
  return { file: abs, ff: tools, probe, integrity, truncated: truncationFinding(probe, integrity) };
}
