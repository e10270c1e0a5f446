import { promises as fs } from 'node:fs';
import path from 'node:path';
import { IdSchema, ShootSchema, TakeSchema, type PresetId, type Shoot, type Take } from '../../shared/api';
import { StudioError } from '../../shared/errors';
import { writeJsonAtomic } from './atomic-write';
import { keyedSerial } from './keyed-serial';

const SHOOT_FILE = 'shoot.json';
export const TAKE_FILE = 'take.json';

/**
 * Shoots and takes on disk: `<root>/<shootId>/shoot.json` and `<root>/<shootId>/<takeId>/take.json`
 * next to the take's media. Ids are validated folder names, so a path built from them cannot leave
 * the root.
 */
export class ShootStore {
  private readonly told = new Set<string>();
  private readonly takeChanges = keyedSerial();

  constructor(
    private readonly getRoot: () => Promise<string>,
    /** Told once per listing about a take.json that cannot be used (damaged, or naming files outside its folder). */
    private readonly log: (line: string) => void = () => {},
  ) {}

  async shootDir(shootId: string): Promise<string> {
    return this.inside(await this.getRoot(), IdSchema.parse(shootId));
  }

  async takeDir(shootId: string, takeId: string): Promise<string> {
    return this.inside(await this.shootDir(shootId), IdSchema.parse(takeId));
  }

  async listShoots(): Promise<Shoot[]> {
    const root = await this.getRoot();
    const names = await readDirNames(root);
    const shoots: Shoot[] = [];
    for (const name of names) {
      const shoot = await readJson(path.join(root, name, SHOOT_FILE), ShootSchema);
      if (shoot) shoots.push(shoot);
    }
    return shoots.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async getShoot(shootId: string): Promise<Shoot> {
    const shoot = await readJson(path.join(await this.shootDir(shootId), SHOOT_FILE), ShootSchema);
    if (!shoot) throw new StudioError('not-found', `There is no shoot "${shootId}"`);
    return shoot;
  }

  async createShoot(name: string, model: string, preset: PresetId = 'standard-short', now = new Date()): Promise<Shoot> {
    const root = await this.getRoot();
    await fs.mkdir(root, { recursive: true });
    const base = `${stamp(now)}-${slug(name)}`.slice(0, 60).replace(/-+$/, '');
    for (let n = 1; n < 1000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      try {
        await fs.mkdir(path.join(root, id));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      const shoot: Shoot = { id, name, model, preset, createdAt: now.toISOString() };
      await writeJsonAtomic(path.join(root, id, SHOOT_FILE), shoot);
      return shoot;
    }
    throw new StudioError('io', `Could not find a free folder name for shoot "${name}" in ${root}`);
  }

  /** Reserve the next take folder (take-001, take-002 …) atomically by mkdir. */
  async allocateTakeId(shootId: string): Promise<string> {
    const dir = await this.shootDir(shootId);
    await this.getShoot(shootId);
    const existing = (await readDirNames(dir)).filter((n) => /^take-\d+$/.test(n));
    let next = existing.reduce((max, n) => Math.max(max, Number(n.slice(5))), 0) + 1;
    for (;;) {
      const id = `take-${String(next).padStart(3, '0')}`;
      try {
        await fs.mkdir(path.join(dir, id));
        return id;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        next++;
      }
    }
  }

  async listTakes(shootId: string): Promise<Take[]> {
    const dir = await this.shootDir(shootId);
    await this.getShoot(shootId);
    const takes: Take[] = [];
    for (const name of await readDirNames(dir)) {
      const file = path.join(dir, name, TAKE_FILE);
      const take = await readJson(file, TakeSchema, (why) => {
        const line = `${file} is not listed: ${why}. Its folder is left as it is; fix or remove that take.json.`;
        // Once per studio, not at every refresh of the list.
        if (!this.told.has(line)) this.log(line);
        this.told.add(line);
      });
      if (take) takes.push(take);
    }
    return takes.sort((a, b) => a.id.localeCompare(b.id));
  }

  async getTake(shootId: string, takeId: string): Promise<Take> {
    const take = await readJson(path.join(await this.takeDir(shootId, takeId), TAKE_FILE), TakeSchema);
    if (!take) throw new StudioError('not-found', `There is no take "${takeId}" in shoot "${shootId}"`);
    return take;
  }

  /**
   * Read, change and save a take's record (rename, star, live findings, loop facts …), one change of
   * a take at a time: two features changing the same take.json never lose each other's change.
   */
  updateTake(shootId: string, takeId: string, change: (take: Take) => void): Promise<Take> {
    return this.takeChanges(`${shootId}/${takeId}`, async () => {
      const take = await this.getTake(shootId, takeId);
      change(take);
      return this.saveTake(take);
    });
  }

  async saveTake(take: Take): Promise<Take> {
    const valid = TakeSchema.parse(take);
    await writeJsonAtomic(path.join(await this.takeDir(valid.shootId, valid.id), TAKE_FILE), valid);
    return valid;
  }

  private inside(parent: string, child: string): string {
    const full = path.resolve(parent, child);
    if (path.dirname(full) !== path.resolve(parent)) {
      throw new StudioError('bad-argument', `"${child}" is not a folder name`);
    }
    return full;
  }
}

async function readDirNames(dir: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * A missing or damaged JSON file reads as null: one bad take must not hide the others. `problem`
 * hears why a file that exists was not used.
 */
async function readJson<T>(
  file: string,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  problem: (why: string) => void = () => {},
): Promise<T | null> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    problem(parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(file)'} ${i.message}`).join('; '));
  } catch (err) {
    problem(`not JSON (${(err as Error).message})`);
  }
  return null;
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** ASCII folder-name part of a display name; Chinese names keep only the stamp. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}
