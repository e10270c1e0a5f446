import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';

/**
 * Space set aside in each take folder while it records (a "ballast" file). When the disk fills,
 * the sink deletes it first, so take.json can still be saved with the reason and the take is never
 * left saying "recording". 256 KiB holds take.json many times over.
 */
export const RESERVE_FILE = '.take.reserve';
export const RESERVE_BYTES = 256 * 1024;

export function isDiskFullError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | StudioError | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'disk-full';
}

export function diskFullError(file: string, err: unknown): StudioError {
  return new StudioError('disk-full', `The disk is full: ${file} could not be written (${(err as Error).message})`, {
    hint: 'Free some space; what was recorded so far is kept and is finished at the next start',
  });
}

/**
 * The one chunk sink every take kind records through: chunks arrive numbered 0, 1, 2 …; each is
 * appended to the raw file and flushed to the disk (datasync) before it is acknowledged, so a
 * crash or power cut loses at most the chunk in flight. The raw file is never rewritten.
 */
export class ChunkSink {
  private nextSeq = 0;
  private bytesWritten = 0;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly takeDir: string,
  ) {}

  /** Create the raw file (never over an existing one) and the space reserve. */
  static async open(takeDir: string, rawFile: string): Promise<ChunkSink> {
    const file = path.join(takeDir, rawFile);
    const handle = await fs.open(file, 'wx');
    try {
      await fs.writeFile(path.join(takeDir, RESERVE_FILE), new Uint8Array(RESERVE_BYTES), { flag: 'wx' });
    } catch (err) {
      await handle.close();
      await fs.rm(file, { force: true });
      await fs.rm(path.join(takeDir, RESERVE_FILE), { force: true });
      throw isDiskFullError(err) ? diskFullError(path.join(takeDir, RESERVE_FILE), err) : err;
    }
    return new ChunkSink(file, handle, takeDir);
  }

  get chunks(): number {
    return this.nextSeq;
  }

  get bytes(): number {
    return this.bytesWritten;
  }

  async append(seq: number, data: Uint8Array): Promise<void> {
    if (this.closed) throw new StudioError('bad-argument', `${path.basename(this.file)} is closed; chunk ${seq} came after the end`);
    if (seq !== this.nextSeq) {
      throw new StudioError('bad-argument', `Chunk ${seq} arrived, expected ${this.nextSeq}`, {
        hint: 'A piece of the recording went missing; stop and record the take again',
      });
    }
    // Count the chunk before the await so a concurrent duplicate is refused, not appended twice.
    this.nextSeq++;
    try {
      await this.handle.write(data);
      // datasync per chunk (≤ 1 s of media): a crash or power cut loses at most the chunk in flight.
      await this.handle.datasync();
    } catch (err) {
      if (isDiskFullError(err)) {
        await releaseReserve(this.takeDir);
        throw diskFullError(this.file, err);
      }
      throw err;
    }
    this.bytesWritten += data.byteLength;
  }

  /** Close the raw file and give the reserve back. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.handle.close();
    } finally {
      await releaseReserve(this.takeDir);
    }
  }
}

export async function releaseReserve(takeDir: string): Promise<void> {
  await fs.rm(path.join(takeDir, RESERVE_FILE), { force: true });
}
