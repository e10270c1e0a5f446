import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShootStore } from '../../src/main/services/shoot-store';

function store() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cs-store-'));
  return { root, store: new ShootStore(async () => root) };
}

describe('shoot store', () => {
  it('creates shoots with folder-safe ids, Chinese names included', async () => {
    const { root, store: s } = store();
    const when = new Date(2026, 10, 25, 9, 30, 5);
    const a = await s.createShoot('Anna / Spring promo', 'Anna', 'premium', when);
    const b = await s.createShoot('春季直播', '王芳', 'standard-live', when);
    const c = await s.createShoot('春季直播', '王芳', 'standard-live', when);
    expect(a.id).toBe('20261125-093005-anna-spring-promo');
    expect(b.id).toBe('20261125-093005');
    expect(c.id).toBe('20261125-093005-2');
    expect((await s.listShoots()).map((x) => x.name).sort()).toEqual(['Anna / Spring promo', '春季直播', '春季直播']);
    expect(JSON.parse(await fs.readFile(path.join(root, b.id, 'shoot.json'), 'utf8')).model).toBe('王芳');
  });

  it('numbers takes take-001, take-002 … and never reuses a folder', async () => {
    const { store: s } = store();
    const shoot = await s.createShoot('x', '');
    expect(await s.allocateTakeId(shoot.id)).toBe('take-001');
    expect(await s.allocateTakeId(shoot.id)).toBe('take-002');
  });

  it('refuses ids that would leave the root', async () => {
    const { store: s } = store();
    await expect(s.shootDir('../x')).rejects.toThrow();
    await expect(s.takeDir('ok', '..')).rejects.toThrow();
  });

  it('a damaged take.json hides only that take', async () => {
    const { store: s } = store();
    const shoot = await s.createShoot('x', '');
    const t1 = await s.allocateTakeId(shoot.id);
    await s.allocateTakeId(shoot.id);
    await fs.writeFile(path.join(await s.takeDir(shoot.id, t1), 'take.json'), '{ not json');
    expect(await s.listTakes(shoot.id)).toEqual([]);
    await expect(s.getTake(shoot.id, t1)).rejects.toMatchObject({ code: 'not-found' });
  });
});
