import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** In each take folder while it records and finalizes; removed when the take is ready or failed. */
export const TAKE_LOCK_FILE = '.take.lock';

const LockSchema = z.object({ pid: z.number().int().positive(), startTime: z.string().max(100), at: z.string().max(100) });
export type TakeLock = z.infer<typeof LockSchema>;

/**
 * When a process started, as a string that differs between two processes that had the same pid.
 * Linux: field 22 of /proc/<pid>/stat (clock ticks after boot), exact and readable for any pid.
 * Elsewhere only our own start is known (epoch ms rounded to the second); another pid's is null.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19];
    if (ticks && /^\d+$/.test(ticks)) return `proc:${ticks}`;
  } catch {
    /* not Linux, or the process is gone */
  }
  if (pid === process.pid) return `ms:${Math.round((Date.now() - process.uptime() * 1000) / 1000)}`;
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the take's lock for this process: false when a live process holds it. Created exclusively
 * ('wx'), so two processes never both get it; the lock is one small write, and an empty or damaged
 * lock (a crash in between) reads as held by no one. A stale lock (dead pid, reused pid) is replaced.
 */
export async function acquireTakeLock(takeDir: string): Promise<boolean> {
  const lockFile = path.join(takeDir, TAKE_LOCK_FILE);
  const lock: TakeLock = { pid: process.pid, startTime: processStartTime(process.pid) ?? 'unknown', at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    let handle;
    try {
      handle = await fs.open(lockFile, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (await isTakeHeld(takeDir)) return false;
      await fs.rm(lockFile, { force: true });
      continue;
    }
    try {
      await handle.writeFile(JSON.stringify(lock));
      await handle.close();
      return true;
    } catch (err) {
      // Ours and unwritten (a full disk): leave no empty lock behind.
      await handle.close().catch(() => {});
      await fs.rm(lockFile, { force: true });
      throw err;
    }
  }
  return false;
}

export async function removeTakeLock(takeDir: string): Promise<void> {
  await fs.rm(path.join(takeDir, TAKE_LOCK_FILE), { force: true });
}

export async function readTakeLock(takeDir: string): Promise<TakeLock | null> {
  try {
    const parsed = LockSchema.safeParse(JSON.parse(await fs.readFile(path.join(takeDir, TAKE_LOCK_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether a live process holds the take: its lock names a pid that is alive with the same start
 * time. A dead pid, or a pid reused by a later process (another start time), holds nothing. When
 * the start time of another pid cannot be read (not Linux), a live pid counts as holding it: a take
 * left alone until the next start loses nothing, a take recovered under a recorder spoils it.
 */
export async function isTakeHeld(takeDir: string): Promise<boolean> {
  const lock = await readTakeLock(takeDir);
  if (!lock || !isAlive(lock.pid)) return false;
  const now = processStartTime(lock.pid);
  return now === null || now === lock.startTime;
}
