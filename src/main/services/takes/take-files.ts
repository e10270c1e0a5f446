import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isPlainFileName } from '../../../shared/take-files';
import { StudioError } from '../../../shared/errors';

/**
 * The path of a file a take.json names, refused unless it is a plain name inside the take folder
 * and a regular file there (lstat: a symbolic link is refused, not followed). A shoot folder copied
 * in from elsewhere cannot make the studio read, serve or rebuild a file outside its take.
 */
export async function takeFilePath(takeDir: string, name: string): Promise<string> {
  if (!isPlainFileName(name)) {
    throw new StudioError('bad-argument', `take.json in ${takeDir} names "${name}", which is not a plain file name in the take folder`, {
      hint: 'Take files must sit directly in their take folder; fix or remove that take.json',
    });
  }
  const file = path.join(takeDir, name);
  let st;
  try {
    st = await fs.lstat(file);
  } catch {
    throw new StudioError('not-found', `${file} is missing`);
  }
  if (st.isSymbolicLink()) {
    throw new StudioError('bad-argument', `${file} is a symbolic link; take files are never followed through links`, {
      hint: 'Replace the link with the file itself',
    });
  }
  if (!st.isFile()) throw new StudioError('bad-argument', `${file} is not a regular file`);
  return file;
}
