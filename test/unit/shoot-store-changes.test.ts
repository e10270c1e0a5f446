import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ShootStore } from '../../src/main/services/shoot-store';
import { takeRecord } from './helpers/takes';

/**
 * Features change a finished take's take.json from their own lifecycle hooks at the same moment
 * (live findings, the loop's frame counts, a rename): none may lose another's change.
 */
describe('take changes through the store', () => {
  it('many changes of one take at once all survive (no lost update)', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cs-store-changes-'));
    const store = new ShootStore(async () => root);
    const shoot = await store.createShoot('changes', '');
    const id = await store.allocateTakeId(shoot.id);
    await store.saveTake(takeRecord(shoot.id, id, 'ready'));
    // 20 concurrent read-change-saves, each adding its own marker: without one change at a time,
    // most of them read the same old record and overwrite each other.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.updateTake(shoot.id, id, (t) => {
          t.markers.push({ id: `m${i}`, kind: 'note', t: i * 0.04, note: `change ${i}` });
        }),
      ),
    );
    const take = await store.getTake(shoot.id, id);
    expect(take.markers.map((m) => m.id).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`).sort());
  });
});
