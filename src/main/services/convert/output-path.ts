import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { exists } from '../ffmpeg/partial-file';
import { checkWritableFolder, claimOutput } from '../output-policy';

/**
 * The checks every delivery output passes before ffmpeg starts: the output policy of
 * output-policy.ts (never overwrite, never an input by real path, a writable folder) with an .mp4 name.
 */
export async function checkOutput(output: string, inputs: readonly string[]): Promise<void> {
  await claimOutput(output, inputs, { extensions: ['.mp4'], what: 'the delivery file' });
}

export { checkWritableFolder };

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
