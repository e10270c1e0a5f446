import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { exists, outputExists } from '../ffmpeg/partial-file';

/**
 * The checks every output passes before ffmpeg starts: an .mp4 name, not the input, a folder that
 * exists and can be written, and no file of that name (nothing is ever overwritten).
 */
export async function checkOutput(output: string, inputs: readonly string[]): Promise<void> {
  if (path.extname(output).toLowerCase() !== '.mp4') {
    throw new StudioError('bad-argument', `${output}: the delivery file must end in .mp4`, { hint: 'Give an output name like take-1.mp4.' });
  }
  if (inputs.some((i) => samePath(i, output))) {
    throw new StudioError('bad-argument', `${output}: the output cannot be an input; the original is never modified`, {
      hint: 'Choose another output name.',
    });
  }
  await checkWritableFolder(path.dirname(output));
  if (await exists(output)) throw outputExists(output);
}

export async function checkWritableFolder(dir: string): Promise<void> {
  const s = await stat(dir).catch(() => null);
  if (!s) throw new StudioError('not-found', `${dir}: the output folder does not exist`, { hint: 'Create it, or choose another folder.' });
  if (!s.isDirectory()) throw new StudioError('bad-argument', `${dir}: is not a folder`);
  try {
    await access(dir, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'it is on a read-only drive' : 'permission denied';
    throw new StudioError('bad-argument', `${dir}: the output folder cannot be written to (${why})`, {
      hint: 'Choose a folder you can write to, e.g. on the studio drive.',
    });
  }
}

/** Equal after resolving; case-insensitively on Windows and macOS, whose disks usually ignore case. */
export function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  return process.platform === 'linux' ? ra === rb : ra.toLowerCase() === rb.toLowerCase();
}

/**
 * A free output name beside the input (or in `dir`): IMG_0001.MOV → IMG_0001.mp4; when that is the
 * input itself or taken, IMG_0001-25fps.mp4, IMG_0001-25fps-2.mp4 … `taken` holds names other
 * queued jobs will write.
 */
export async function freeOutputName(input: string, dir: string | undefined, taken: ReadonlySet<string>, suffix = '-25fps'): Promise<string> {
  const folder = dir ?? path.dirname(input);
  const base = path.basename(input, path.extname(input));
  const candidates = [`${base}.mp4`, `${base}${suffix}.mp4`];
  for (let n = 2; n < 1000; n++) candidates.push(`${base}${suffix}-${n}.mp4`);
  for (const name of candidates) {
    const file = path.join(folder, name);
    if (samePath(file, input) || taken.has(path.resolve(file)) || (await exists(file))) continue;
    return file;
  }
  throw new StudioError('io', `${folder}: no free output name for ${base}`);
}
