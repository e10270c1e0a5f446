import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/main/serve';
import { createStudio } from '../../src/main/studio';
import { TakeSchema, type Take } from '../../src/shared/api';
import type { Finding } from '../../src/shared/findings';
import { repoRoot } from './helpers/media';
import { takeRecord } from './helpers/takes';

const sharedModel = path.resolve(repoRoot, '../shared/models/face_landmarker.task');

const finding = (over: Partial<Finding> = {}): Finding => ({
  rule: 'face.multiple',
  severity: 'error',
  section: '§1.2.5',
  start: 1.2,
  end: 3.4,
  message: '2 faces in the picture',
  value: 2,
  ...over,
});

describe('vision handlers', () => {
  it('vision.model answers from CAPTURE_STUDIO_FACE_MODEL', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-vision-'));
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home, CAPTURE_STUDIO_FACE_MODEL: sharedModel } });
    expect(await studio.dispatch('vision.model', {})).toMatchObject({ ok: true, value: { source: 'env', bytes: 3_758_596 } });
  });

  it('vision.findings waits for the take to be saved for the last time, then merges into take.json', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-vision-'));
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const { store } = studio.context;
    const shoot = await store.createShoot('vision', '');
    const takeId = await store.allocateTakeId(shoot.id);
    await store.saveTake(takeRecord(shoot.id, takeId, 'finalizing'));

    const first = await studio.dispatch('vision.findings', { shootId: shoot.id, takeId, findings: [finding()] });
    expect(first).toEqual({ ok: true, value: { stored: 'pending', count: 1 } });
    expect((await store.getTake(shoot.id, takeId)).findings).toBeUndefined();

    // The recorder saves the finished take (its own copy, without findings) and fires 'finalized'.
    const ready = await store.saveTake({ ...takeRecord(shoot.id, takeId, 'ready') });
    await studio.context.lifecycle.emit('finalized', ready);
    await expect.poll(async () => (await store.getTake(shoot.id, takeId)).findings?.length ?? 0).toBe(1);

    // A later copy of the same finding (same rule and start) replaces it; a new one is added.
    const again = await studio.dispatch('vision.findings', {
      shootId: shoot.id,
      takeId,
      findings: [finding({ end: 5 }), finding({ rule: 'lips.open-in-silence', section: '§1.2.1', start: 0.4, end: 0.9 })],
    });
    expect(again).toEqual({ ok: true, value: { stored: 'take', count: 2 } });
    const saved = JSON.parse(readFileSync(path.join(await store.takeDir(shoot.id, takeId), 'take.json'), 'utf8')) as Take;
    expect(saved.findings?.map((f) => [f.rule, f.start, f.end])).toEqual([
      ['lips.open-in-silence', 0.4, 0.9],
      ['face.multiple', 1.2, 5],
    ]);
    expect(saved.status).toBe('ready');
  });

  it('refuses findings of the wrong shape and takes that do not exist', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-vision-'));
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const shoot = await studio.context.store.createShoot('vision', '');
    expect(await studio.dispatch('vision.findings', { shootId: shoot.id, takeId: 'take-001', findings: [finding({ rule: 'Face Multiple' })] })).toMatchObject({
      ok: false,
      error: { code: 'bad-argument' },
    });
    expect(await studio.dispatch('vision.findings', { shootId: shoot.id, takeId: 'take-009', findings: [finding()] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('a take.json from before findings existed still reads', () => {
    const old = { ...takeRecord('s1', 'take-001', 'ready') } as Partial<Take>;
    delete old.findings;
    expect(TakeSchema.safeParse(old).success).toBe(true);
  });
});

describe('serve mode model route', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('serves the model only with the studio token as its key (#11), and 404 (no download) when it is not here', async () => {
    const renderer = mkdtempSync(path.join(os.tmpdir(), 'cs-renderer-'));
    const withModel = await startServer({
      port: 0,
      rendererDir: renderer,
      env: { CAPTURE_STUDIO_HOME: mkdtempSync(path.join(os.tmpdir(), 'cs-vision-')), CAPTURE_STUDIO_FACE_MODEL: sharedModel },
    });
    servers.push(withModel);
    expect((await fetch(`http://127.0.0.1:${withModel.port}/models/face_landmarker.task`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${withModel.port}/models/face_landmarker.task?key=wrong`)).status).toBe(401);
    const res = await fetch(`http://127.0.0.1:${withModel.port}/models/face_landmarker.task?key=${withModel.token}`);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(3_758_596);

    const without = await startServer({ port: 0, rendererDir: renderer, env: { CAPTURE_STUDIO_HOME: mkdtempSync(path.join(os.tmpdir(), 'cs-vision-')) } });
    servers.push(without);
    const missing = await fetch(`http://127.0.0.1:${without.port}/models/face_landmarker.task?key=${without.token}`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('CAPTURE_STUDIO_FACE_MODEL');
  });
});
