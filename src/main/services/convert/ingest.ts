/**
 * Import: paths the operator typed, pasted or dropped (Electron gives dropped files' paths too).
 * They are not trusted beyond this: each must be absolute and exist; a regular file is probed, a
 * folder contributes the media files directly inside it. Nothing is written.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IngestItem } from '../../../shared/contract/convert';
import { StudioError, toErrorShape } from '../../../shared/errors';
import { formatProblems } from '../../../shared/ingest/problems';
import type { ProbeResult } from '../../../shared/probe';
import { probeMedia, type FfmpegInfo } from '../ffmpeg';

/** Extensions a folder import picks up (case-insensitive); single files are probed whatever their name. */
export const MEDIA_EXTENSIONS = new Set(['.mov', '.mp4', '.m4v', '.mkv', '.webm', '.avi', '.mts', '.m2ts', '.mxf', '.3gp', '.hevc', '.ts']);
/** A folder of thousands of files is a mistake, not an import. */
export const MAX_FOLDER_FILES = 200;

export type Resolved = { file: string } | { path: string; error: StudioError };

/** An absolute path from the renderer, normalised, or a StudioError. */
export function checkHostPath(p: string): string {
  if (!path.isAbsolute(p)) {
    throw new StudioError('bad-argument', `${p}: give the full path (starting with ${process.platform === 'win32' ? 'a drive letter' : '/'})`);
  }
  return path.normalize(p);
}

/** Each path → the files it stands for, in the order given (a folder's files sorted by name). */
export async function resolveImport(paths: readonly string[]): Promise<Resolved[]> {
  const out: Resolved[] = [];
  for (const raw of paths) {
    let p: string;
    try {
      p = checkHostPath(raw);
    } catch (err) {
      out.push({ path: raw, error: err as StudioError });
      continue;
    }
    const s = await stat(p).catch(() => null);
    if (!s) {
      out.push({ path: p, error: new StudioError('not-found', `${p}: no such file or folder`, { hint: 'Check the path and the file name.' }) });
    } else if (s.isFile()) {
      out.push({ file: p });
    } else if (s.isDirectory()) {
      const names = (await readdir(p, { withFileTypes: true }))
        .filter((d) => d.isFile() && !d.name.startsWith('.') && MEDIA_EXTENSIONS.has(path.extname(d.name).toLowerCase()))
        .map((d) => d.name)
        .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
      if (names.length === 0) {
        out.push({ path: p, error: new StudioError('not-found', `${p}: the folder holds no video files (${[...MEDIA_EXTENSIONS].join(' ')})`) });
      } else if (names.length > MAX_FOLDER_FILES) {
        out.push({ path: p, error: new StudioError('bad-argument', `${p}: ${names.length} video files; import at most ${MAX_FOLDER_FILES} at a time`) });
      } else {
        out.push(...names.map((n) => ({ file: path.join(p, n) })));
      }
    } else {
      out.push({ path: p, error: new StudioError('bad-argument', `${p}: not a regular file or folder`) });
    }
  }
  return out;
}

/** Probe one file and list its problems; an unreadable file becomes an item with its error. */
export async function inspectFile(ff: FfmpegInfo, file: string): Promise<{ item: IngestItem; facts: ProbeResult | null }> {
  try {
    const facts = await probeMedia(file, ff);
    return { item: { path: file, name: path.basename(file), probe: facts, problems: formatProblems(facts), error: null, suggestedOutput: null }, facts };
  } catch (err) {
    return { item: errorItem(file, err), facts: null };
  }
}

export function errorItem(p: string, err: unknown): IngestItem {
  return { path: p, name: path.basename(p), probe: null, problems: [], error: toErrorShape(err), suggestedOutput: null };
}
