import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Free bytes for an unprivileged writer on the file system holding `folder` (or its nearest parent). */
export async function freeBytes(folder: string): Promise<number> {
  let dir = path.resolve(folder);
  for (;;) {
    try {
      const s = await fs.statfs(dir);
      return s.bavail * s.bsize;
    } catch (err) {
      const parent = path.dirname(dir);
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir) throw err;
      dir = parent;
    }
  }
}

/**
 * Bytes a take needs: the raw recording at its bitrate plus the delivery MP4, which at CRF 18 is
 * well under the 20 Mbit/s recording; budget it as half the raw size to stay on the safe side.
 */
export function bytesNeeded(bitsPerSecond: number, seconds: number): number {
  const raw = (bitsPerSecond / 8) * seconds;
  return Math.ceil(raw * 1.5);
}

export function secondsOfRoom(free: number, bitsPerSecond: number): number {
  return free / ((bitsPerSecond / 8) * 1.5);
}
