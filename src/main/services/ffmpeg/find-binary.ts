import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

export type FileCheck = 'ok' | 'missing' | 'not-a-file' | 'not-executable';

/** Whether `file` is something we can spawn: a regular file with the execute bit (Windows: exists). */
export async function checkExecutable(file: string): Promise<FileCheck> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return 'not-a-file';
  } catch {
    return 'missing';
  }
  try {
    await access(file, constants.X_OK);
    return 'ok';
  } catch {
    return 'not-executable';
  }
}

export function describeCheck(check: Exclude<FileCheck, 'ok'>): string {
  switch (check) {
    case 'missing':
      return 'there is no file there';
    case 'not-a-file':
      return 'it is not a file';
    case 'not-executable':
      return 'it is not executable';
  }
}

/** Env var lookup that works on a plain object copy of a Windows environment ("Path", "PATHEXT"). */
export function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  if (env[name] !== undefined) return env[name];
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/** Every path where `name` would be found on PATH, in PATH order, without asking a shell. */
export function pathCandidates(name: string, env: NodeJS.ProcessEnv, platform = process.platform): string[] {
  const dirs = (envValue(env, 'PATH') ?? '').split(path.delimiter).filter((d) => d.trim() !== '');
  const exts =
    platform === 'win32'
      ? (envValue(env, 'PATHEXT') ?? '.EXE;.CMD;.BAT;.COM').split(';').filter(Boolean)
      : [''];
  return dirs.flatMap((dir) => exts.map((ext) => path.join(dir.replace(/^"(.*)"$/, '$1'), name + ext)));
}

/** The same tool next to another one (ffprobe beside ffmpeg), keeping the ".exe". */
export function siblingBinary(file: string, name: string): string {
  return path.join(path.dirname(file), name + path.extname(file));
}

/**
 * Electron cannot execute a binary inside app.asar; packagers unpack it next to the archive, but
 * require() still reports the path inside the archive.
 */
export function unpackedAsarPath(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
