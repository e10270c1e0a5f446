import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { KeyingParamsState } from '../../../shared/contract/keying';
import { defaultGreenParams, formatGreenParams, parseGreenParams, type GreenParams } from '../../../shared/green-params';
import { writeFileAtomic } from '../atomic-write';
import type { ShootStore } from '../shoot-store';

/** Next to shoot.json and in each take folder: exactly the platform's "Copy Parameters" JSON. */
export const GREEN_PARAMS_FILE = 'green-params.json';

/**
 * greenParams on disk (§1.3.3). The file holds the JSON the platform's "Copy Parameters" gives, so
 * the export task can hand it on unchanged. A damaged file never blocks the operator: it reads as
 * the defaults with the problem named.
 */
export class GreenParamsStore {
  constructor(private readonly store: ShootStore) {}

  async get(shootId: string, takeId?: string): Promise<KeyingParamsState> {
    await this.store.getShoot(shootId);
    if (takeId) {
      const fromTake = await readParamsFile(path.join(await this.store.takeDir(shootId, takeId), GREEN_PARAMS_FILE), 'take');
      if (fromTake) return fromTake;
    }
    const fromShoot = await readParamsFile(path.join(await this.store.shootDir(shootId), GREEN_PARAMS_FILE), 'shoot');
    return fromShoot ?? { params: defaultGreenParams(), source: 'default', file: null, savedAt: null, problem: null };
  }

  async set(shootId: string, params: GreenParams): Promise<KeyingParamsState> {
    await this.store.getShoot(shootId);
    const file = path.join(await this.store.shootDir(shootId), GREEN_PARAMS_FILE);
    await writeFileAtomic(file, formatGreenParams(params) + '\n');
    const stat = await fs.stat(file);
    return { params, source: 'shoot', file, savedAt: stat.mtime.toISOString(), problem: null };
  }

  /**
   * Give a take its own copy of the shoot's current parameters (once; an existing copy is kept).
   * Returns whether a copy was written.
   */
  async snapshotIntoTake(shootId: string, takeId: string): Promise<boolean> {
    const target = path.join(await this.store.takeDir(shootId, takeId), GREEN_PARAMS_FILE);
    try {
      await fs.access(target);
      return false;
    } catch {
      // no copy yet
    }
    const current = await this.get(shootId);
    await writeFileAtomic(target, formatGreenParams(current.params) + '\n');
    return true;
  }
}

async function readParamsFile(file: string, source: 'take' | 'shoot'): Promise<KeyingParamsState | null> {
  let text: string;
  let mtime: Date;
  try {
    [text, mtime] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file).then((s) => s.mtime)]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = parseGreenParams(text);
  if (parsed.ok) return { params: parsed.params, source, file, savedAt: mtime.toISOString(), problem: null };
  return {
    params: defaultGreenParams(),
    source: 'default',
    file,
    savedAt: null,
    problem: `${file}: ${parsed.issues.map((i) => i.message).join('; ')}`,
  };
}
