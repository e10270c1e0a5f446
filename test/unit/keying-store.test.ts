import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GREEN_PARAMS_FILE, GreenParamsStore } from '../../src/main/services/keying/green-params-store';
import { ShootStore } from '../../src/main/services/shoot-store';
import { createStudio } from '../../src/main/studio';
import { blueScreenPreset, defaultGreenParams, formatGreenParams } from '../../src/shared/green-params';
import { PRESET_IDS } from '../../src/shared/standards';

function stores() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cs-keying-'));
  const shoots = new ShootStore(async () => root);
  return { root, shoots, params: new GreenParamsStore(shoots) };
}

describe('greenParams per shoot (<shoot>/green-params.json)', () => {
  it('reads the §1.3.3 defaults until saved; saves exactly the Copy JSON; takes keep their own copy', async () => {
    const { shoots, params } = stores();
    const shoot = await shoots.createShoot('Keying', 'M');
    expect(await params.get(shoot.id)).toMatchObject({ source: 'default', params: defaultGreenParams(), file: null, problem: null });

    const blue = blueScreenPreset();
    const saved = await params.set(shoot.id, blue);
    expect(saved).toMatchObject({ source: 'shoot', params: blue });
    expect(await fs.readFile(path.join(await shoots.shootDir(shoot.id), GREEN_PARAMS_FILE), 'utf8')).toBe(formatGreenParams(blue) + '\n');

    const takeId = await shoots.allocateTakeId(shoot.id);
    expect(await params.snapshotIntoTake(shoot.id, takeId)).toBe(true);
    expect(await params.snapshotIntoTake(shoot.id, takeId)).toBe(false);
    await params.set(shoot.id, defaultGreenParams());
    expect(await params.get(shoot.id, takeId)).toMatchObject({ source: 'take', params: blue });
    expect(await params.get(shoot.id)).toMatchObject({ source: 'shoot', params: defaultGreenParams() });
  });

  it('a damaged file reads as the defaults with the problem named, and is repaired by the next save', async () => {
    const { shoots, params } = stores();
    const shoot = await shoots.createShoot('Damaged', '');
    const file = path.join(await shoots.shootDir(shoot.id), GREEN_PARAMS_FILE);
    await fs.writeFile(file, formatGreenParams(defaultGreenParams()).replace('160', '999'));
    const r = await params.get(shoot.id);
    expect(r).toMatchObject({ source: 'default', params: defaultGreenParams() });
    expect(r.problem).toMatch(/greenParamsRefinethHBgr must be a whole number from 1 to 255, not 999/);
    await params.set(shoot.id, defaultGreenParams());
    expect((await params.get(shoot.id)).problem).toBeNull();
  });

  it('through the contract: main validates and names bad parameters; unknown shoots are not-found', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-keying-home-'));
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const created = await studio.dispatch('shoots.create', { name: 'Contract', model: '' });
    if (!created.ok) throw new Error(created.error.message);
    const shootId = (created.value as { id: string }).id;
    const events: string[] = [];
    studio.bus.subscribe((e) => events.push(e));

    const ok = await studio.dispatch('keying.setParams', { shootId, params: { ...defaultGreenParams(), greenParamsBlurKs: 5 } });
    expect(ok).toMatchObject({ ok: true, value: { source: 'shoot', params: { greenParamsBlurKs: 5 } } });
    expect(events).toContain('keying.params-changed');
    expect(await studio.dispatch('keying.getParams', { shootId })).toMatchObject({ ok: true, value: { params: { greenParamsBlurKs: 5 } } });

    const bad = await studio.dispatch('keying.setParams', { shootId, params: { ...defaultGreenParams(), greenParamsSpillByalpha: '0.5' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/greenParamsSpillByalpha must be a number from 0 to 1, not the text "0\.5"/);
    const traversal = await studio.dispatch('keying.getParams', { shootId: '../etc' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(await studio.dispatch('keying.getParams', { shootId: 'no-such-shoot' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('a take that starts recording gets a copy of its shoot\'s parameters (through the real recorder)', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-keying-take-'));
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const created = await studio.dispatch('shoots.create', { name: 'Takes', model: '' });
    if (!created.ok) throw new Error(created.error.message);
    const shootId = (created.value as { id: string }).id;
    const blue = blueScreenPreset();
    expect((await studio.dispatch('keying.setParams', { shootId, params: blue })).ok).toBe(true);
    const devices = {
      camera: { deviceId: 'c', label: 'cam', width: 1080, height: 1920, frameRate: 25 },
      microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    };
    const started = await studio.dispatch('recording.start', { shootId, mimeType: 'video/x-matroska', devices, preset: PRESET_IDS[0], checklist: [], bitsPerSecond: 1_000_000 });
    if (!started.ok) throw new Error(started.error.message);
    const takeId = (started.value as { id: string }).id;
    const copy = path.join(await studio.context.store.takeDir(shootId, takeId), GREEN_PARAMS_FILE);
    await expect.poll(() => fs.readFile(copy, 'utf8').catch(() => ''), { timeout: 5000 }).toBe(formatGreenParams(blue) + '\n');
    expect(await studio.dispatch('keying.getParams', { shootId, takeId })).toMatchObject({ ok: true, value: { source: 'take', params: blue } });
    await studio.dispatch('recording.stop', { shootId, takeId });
  });
});
