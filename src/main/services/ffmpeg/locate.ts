import type { z } from 'zod';
import { FfmpegInfoSchema } from '../../../shared/api';
import { StudioError } from '../../../shared/errors';
import { execTool } from './exec';
import { checkExecutable, describeCheck, envValue, pathCandidates, siblingBinary } from './find-binary';
import { packageBinary } from './packages';

export type FfmpegInfo = z.infer<typeof FfmpegInfoSchema>;
type Source = FfmpegInfo['source'];
type Tool = 'ffmpeg' | 'ffprobe';

export const FFMPEG_INSTALL_HINT =
  'Debian/Ubuntu: apt-get install ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg; or set FFMPEG_PATH and FFPROBE_PATH';

interface Candidate {
  place: string;
  file: string;
  source: Source;
}
interface Found {
  file: string;
  source: Source;
  version: string;
}

const cache = new Map<string, Promise<FfmpegInfo>>();

/**
 * Find ffmpeg and ffprobe: FFMPEG_PATH/FFPROBE_PATH, then the ffmpeg-static package, then a
 * binary shipped in another npm package, then PATH. Each is proven by running `-version`, so a
 * wrong-architecture or half-downloaded binary is skipped rather than failing later mid-take.
 */
export async function locateFfmpeg(env: NodeJS.ProcessEnv = process.env): Promise<FfmpegInfo> {
  const key = JSON.stringify(['FFMPEG_PATH', 'FFPROBE_PATH', 'PATH', 'PATHEXT'].map((n) => envValue(env, n) ?? null));
  let pending = cache.get(key);
  if (!pending) {
    pending = locateUncached(env);
    cache.set(key, pending);
    // A failure is not cached: the user may install ffmpeg and press "retry".
    const settled = pending;
    settled.catch(() => {
      if (cache.get(key) === settled) cache.delete(key);
    });
  }
  return pending;
}

/** For tests, and after the user changed their ffmpeg installation. */
export function resetFfmpegCache(): void {
  cache.clear();
}

async function locateUncached(env: NodeJS.ProcessEnv): Promise<FfmpegInfo> {
  const ffmpegTried: string[] = [];
  const ffmpeg =
    (await fromEnv('ffmpeg', 'FFMPEG_PATH', env, ffmpegTried)) ??
    (await firstWorking('ffmpeg', ffmpegCandidates(env, ffmpegTried), ffmpegTried));
  if (!ffmpeg) throw notFound('ffmpeg', ffmpegTried);

  const ffprobeTried: string[] = [];
  const ffprobe =
    (await fromEnv('ffprobe', 'FFPROBE_PATH', env, ffprobeTried)) ??
    (await firstWorking('ffprobe', ffprobeCandidates(ffmpeg.file, env, ffprobeTried), ffprobeTried));
  if (!ffprobe) throw notFound('ffprobe', ffprobeTried, ffmpeg.file);

  return FfmpegInfoSchema.parse({
    ffmpegPath: ffmpeg.file,
    ffprobePath: ffprobe.file,
    source: ffmpeg.source,
    version: ffmpeg.version,
  });
}

/** An explicit setting that does not work is an error, never silently replaced by another ffmpeg. */
async function fromEnv(tool: Tool, name: string, env: NodeJS.ProcessEnv, tried: string[]): Promise<Found | null> {
  const value = envValue(env, name)?.trim();
  if (!value) {
    tried.push(`${name}: not set`);
    return null;
  }
  const result = await tryCandidate(tool, { place: name, file: value, source: 'env' });
  if ('problem' in result) {
    throw new StudioError('ffmpeg-missing', `${name} is set to "${value}", but ${result.problem}`, {
      hint: `Correct ${name}, or unset it to use the ffmpeg found elsewhere. ${FFMPEG_INSTALL_HINT}`,
    });
  }
  return result;
}

function ffmpegCandidates(env: NodeJS.ProcessEnv, tried: string[]): Candidate[] {
  return [
    ...fromPackage('ffmpeg-static', 'ffmpeg-static', tried),
    ...fromPackage('@ffmpeg-installer/ffmpeg', 'package', tried),
    ...pathCandidates('ffmpeg', env).map((file): Candidate => ({ place: 'PATH', file, source: 'path' })),
  ];
}

function ffprobeCandidates(ffmpegFile: string, env: NodeJS.ProcessEnv, tried: string[]): Candidate[] {
  return [
    { place: 'next to ffmpeg', file: siblingBinary(ffmpegFile, 'ffprobe'), source: 'path' },
    ...fromPackage('ffprobe-static', 'package', tried),
    ...fromPackage('@ffprobe-installer/ffprobe', 'package', tried),
    ...pathCandidates('ffprobe', env).map((file): Candidate => ({ place: 'PATH', file, source: 'path' })),
  ];
}

function fromPackage(pkg: string, source: Source, tried: string[]): Candidate[] {
  const found = packageBinary(pkg);
  if (found.status === 'found') return [{ place: `${pkg} package`, file: found.path, source }];
  tried.push(`${pkg} package: ${found.status === 'not-installed' ? 'not installed' : found.detail}`);
  return [];
}

async function firstWorking(tool: Tool, candidates: Candidate[], tried: string[]): Promise<Found | null> {
  const missingOnPath: string[] = [];
  for (const candidate of candidates) {
    const result = await tryCandidate(tool, candidate);
    if ('file' in result) return result;
    if (candidate.place === 'PATH' && result.missing) missingOnPath.push(candidate.file);
    else tried.push(`${candidate.place}: ${candidate.file} (${result.problem})`);
  }
  if (missingOnPath.length > 0) tried.push(`PATH: ${missingOnPath.join(', ')} (no file there)`);
  if (!candidates.some((c) => c.place === 'PATH')) tried.push('PATH: empty, nothing to search');
  return null;
}

async function tryCandidate(tool: Tool, c: Candidate): Promise<Found | { problem: string; missing: boolean }> {
  const check = await checkExecutable(c.file);
  if (check !== 'ok') return { problem: describeCheck(check), missing: check === 'missing' };
  const version = await versionOf(tool, c.file);
  if (typeof version !== 'string') return { problem: version.problem, missing: false };
  return { file: c.file, source: c.source, version };
}

async function versionOf(tool: Tool, file: string): Promise<string | { problem: string }> {
  try {
    const out = await execTool(file, ['-version'], 15_000);
    const match = new RegExp(`^${tool} version (\\S+)`).exec(out.stdout);
    if (out.code === 0 && match?.[1]) return match[1];
    return { problem: `it does not run as ${tool} (\`${tool} -version\` exited with ${out.code ?? 'a signal'})` };
  } catch (err) {
    return { problem: `it cannot be started (${(err as Error).message})` };
  }
}

function notFound(tool: Tool, tried: string[], ffmpegFile?: string): StudioError {
  const found = ffmpegFile ? ` (ffmpeg itself was found at ${ffmpegFile})` : '';
  const lines = tried.map((t) => `  - ${t}`).join('\n');
  return new StudioError('ffmpeg-missing', `${tool} was not found${found}. Looked in:\n${lines}`, {
    hint: FFMPEG_INSTALL_HINT,
  });
}
