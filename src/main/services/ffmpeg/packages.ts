import { createRequire } from 'node:module';
import { unpackedAsarPath } from './find-binary';

export type PackageLookup =
  | { status: 'not-installed' }
  | { status: 'no-binary'; detail: string }
  | { status: 'found'; path: string };

const require = createRequire(import.meta.url);

/**
 * Ask an npm package that ships a binary where its binary is. The packages export either the path
 * itself (ffmpeg-static) or an object with `path` (ffprobe-static, @ffprobe-installer/*). They are
 * optional: absent, or installed without the binary for this platform (e.g. download blocked).
 */
export function packageBinary(pkg: string): PackageLookup {
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    return { status: 'not-installed' };
  }
  let exported: unknown;
  try {
    exported = require(pkg);
  } catch (err) {
    return { status: 'no-binary', detail: `${entry} fails to load (${(err as Error).message.split('\n')[0]})` };
  }
  const file =
    typeof exported === 'string'
      ? exported
      : typeof exported === 'object' && exported !== null && typeof (exported as { path?: unknown }).path === 'string'
        ? (exported as { path: string }).path
        : null;
  if (!file) return { status: 'no-binary', detail: `${entry} names no binary for ${process.platform}-${process.arch}` };
  return { status: 'found', path: unpackedAsarPath(file) };
}
