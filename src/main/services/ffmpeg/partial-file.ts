import { randomBytes } from 'node:crypto';
import { link, lstat, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';

/** A hidden name beside the final file: same folder, so the final rename cannot cross drives. */
export function partialPathFor(output: string): string {
  const ext = path.extname(output) || '.mp4';
  const name = path.basename(output, path.extname(output));
  return path.join(path.dirname(output), `.${name}.partial-${randomBytes(4).toString('hex')}${ext}`);
}

export async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * Move a finished partial file onto its final name without ever replacing an existing file.
 * A hard link fails atomically if the name is taken; file systems without hard links (exFAT
 * card readers) fall back to check-then-rename.
 */
export async function publishWithoutOverwrite(partial: string, output: string): Promise<void> {
  try {
    await link(partial, output);
    await unlink(partial);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw outputExists(output);
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EOPNOTSUPP'].includes(code ?? '')) throw err;
  }
  if (await exists(output)) throw outputExists(output);
  await rename(partial, output);
}

export function outputExists(output: string): StudioError {
  return new StudioError('bad-argument', `${output}: already exists; it is never overwritten`, {
    hint: 'Choose another output name or remove the existing file first.',
  });
}
