import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SettingsSchema, type Settings } from '../../shared/api';
import { writeJsonAtomic } from './atomic-write';
import type { StudioHome } from './studio-home';

/** Settings persisted as JSON under the studio home; a damaged file falls back to defaults. */
export class SettingsStore {
  constructor(private readonly home: StudioHome) {}

  async get(): Promise<Settings> {
    const defaults: Settings = { language: null, shootsRoot: this.home.defaultShootsRoot };
    try {
      const raw = JSON.parse(await fs.readFile(this.home.settingsFile, 'utf8')) as unknown;
      const parsed = SettingsSchema.partial().safeParse(raw);
      return parsed.success ? { ...defaults, ...parsed.data } : defaults;
    } catch {
      return defaults;
    }
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await this.get()), ...patch };
    await fs.mkdir(path.dirname(this.home.settingsFile), { recursive: true });
    await writeJsonAtomic(this.home.settingsFile, next);
    return next;
  }
}
