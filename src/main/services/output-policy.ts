/**
 * One output policy for every writer the user names a file for — the CLI's convert, merge, key and
 * check reports, and the app's convert/merge/key (issue #11 item 4):
 *  - never overwrite: an existing name (a file, a folder, even a dangling link) is refused;
 *  - never write over an input: compared by real path and by file identity (dev + inode), so
 *    `./x`, `x`, `dir/../x`, a symlink to the input and a hard link are all the same file;
 *  - an unwritable place is one sentence (missing folder, permission, read-only drive, full disk),
 *    never raw errno or ffmpeg text;
 *  - the bytes appear under the final name only when complete (temporary sibling, then a hard link
 *    that fails if the name was taken meanwhile).
 * All refusals are StudioError 'bad-argument' / 'not-found' (the CLI exits 2).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../shared/errors';
import { publishWithoutOverwrite } from './ffmpeg/partial-file';

export interface OutputRule {
  /** Allowed extensions, lower case with the dot (['.png']); the sentence names them. */
  extensions?: readonly string[];
  /** What the file is, for the sentence: "the keyed picture", "the HTML report". */
  what?: string;
}

/**
 * Check `output` against the policy before any work starts; returns its absolute path. `inputs` are
 * every file the command reads (the media, a params file …).
 */
export async function claimOutput(output: string, inputs: readonly string[], rule: OutputRule = {}): Promise<string> {
  if (!output.trim()) throw new StudioError('bad-argument', `${rule.what ?? 'the output'}: no file name given`);
  const abs = path.resolve(output);
  const ext = path.extname(abs).toLowerCase();
  if (rule.extensions && !rule.extensions.includes(ext)) {
    throw new StudioError('bad-argument', `${abs}: ${rule.what ?? 'this output'} is written as ${rule.extensions.join(' or ')}, so the name must end in ${rule.extensions.join(' or ')}`, {
      hint: `Give a name like out${rule.extensions[0] ?? ''}.`,
    });
  }
  const outStat = await fs.lstat(abs).catch(() => null);
  if (outStat) {
    if (await isAnInput(abs, inputs)) throw isInput(abs);
    throw new StudioError('bad-argument', `${abs}: already exists; it is never overwritten`, {
      hint: 'Choose another output name or remove the existing file first.',
    });
  }
  // Not there yet, but its folder may be an input's folder reached another way: compare real paths.
  const realDir = await fs.realpath(path.dirname(abs)).catch(() => null);
  if (realDir) {
    const target = path.join(realDir, path.basename(abs));
    for (const input of inputs) {
      const real = await fs.realpath(input).catch(() => path.resolve(input));
      if (samePathText(real, target)) throw isInput(abs);
    }
  }
  await checkWritableFolder(path.dirname(abs));
  return abs;
}

/** Equal by identity (dev + inode) when both exist, else by real path. */
async function isAnInput(abs: string, inputs: readonly string[]): Promise<boolean> {
  const out = await fs.stat(abs).catch(() => null);
  const outReal = await fs.realpath(abs).catch(() => abs);
  for (const input of inputs) {
    const st = await fs.stat(input).catch(() => null);
    if (out && st && out.dev === st.dev && out.ino === st.ino) return true;
    const real = await fs.realpath(input).catch(() => path.resolve(input));
    if (samePathText(real, outReal)) return true;
  }
  return false;
}

function samePathText(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

function isInput(abs: string): StudioError {
  return new StudioError('bad-argument', `${abs}: the output cannot be an input of the command; an original is never written over`, {
    hint: 'Choose another output name.',
  });
}

/** The folder exists, is a folder and can be written (root on a read-only drive included). */
export async function checkWritableFolder(dir: string): Promise<void> {
  const s = await fs.stat(dir).catch(() => null);
  if (!s) throw new StudioError('not-found', `${dir}: the output folder does not exist`, { hint: 'Create it, or choose another folder.' });
  if (!s.isDirectory()) throw new StudioError('bad-argument', `${dir}: is not a folder, so nothing can be written in it`);
  try {
    await fs.access(dir, constants.W_OK);
  } catch (err) {
    throw unwritable(dir, err);
  }
}

/** One sentence for an error met while writing into `dir`; other errors pass through. */
export function unwritable(dir: string, err: unknown): StudioError {
  const code = (err as NodeJS.ErrnoException)?.code;
  const why: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'it is on a read-only drive',
    ENOSPC: 'the drive is full',
    EDQUOT: 'the disk quota is used up',
    ENOENT: 'the folder does not exist (any more)',
  };
  if (err instanceof StudioError) return err;
  return new StudioError('bad-argument', `${dir}: the output folder cannot be written to (${why[code ?? ''] ?? 'the system refused'})`, {
    hint: 'Choose a folder you can write to, e.g. on the studio drive.',
  });
}

/**
 * Write `data` to `output` under the policy: claim (unless done), write a hidden sibling, flush,
 * publish without overwrite. A failure leaves nothing behind and says why in one sentence.
 */
export async function writeOutputFile(output: string, data: string | Uint8Array, inputs: readonly string[], rule: OutputRule = {}): Promise<string> {
  const abs = await claimOutput(output, inputs, rule);
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${randomBytes(4).toString('hex')}.partial`);
  try {
    const handle = await fs.open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await publishWithoutOverwrite(tmp, abs);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => {});
    if (err instanceof StudioError) throw err;
    throw unwritable(path.dirname(abs), err);
  }
  return abs;
}
