import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The shared, read-only test footage (see its README.md); copy before modifying anything. */
export const mediaDir = process.env.CAPTURE_STUDIO_MEDIA ?? path.resolve(repoRoot, '../shared/media');

export function mediaFile(name: string): string {
  return path.join(mediaDir, name);
}
