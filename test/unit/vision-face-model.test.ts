import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FACE_MODEL_SHA256, FaceModel, type ModelProgress } from '../../src/main/services/face-model';
import { repoRoot } from './helpers/media';

const sharedModel = path.resolve(repoRoot, '../shared/models/face_landmarker.task');
const body = Buffer.alloc(700_000, 7);
const bodySha = createHash('sha256').update(body).digest('hex');

let server: http.Server;
let base = '';
let hits = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits++;
    if (req.url === '/model.task') {
      res.writeHead(200, { 'content-length': String(body.length) });
      // In pieces, so progress is reported along the way.
      let at = 0;
      const next = () => {
        if (at >= body.length) return res.end();
        res.write(body.subarray(at, at + 100_000), next);
        at += 100_000;
      };
      next();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const a = server.address();
  base = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const home = () => mkdtempSync(path.join(os.tmpdir(), 'cs-model-'));

describe('face model resolution', () => {
  it('uses CAPTURE_STUDIO_FACE_MODEL first (the shared copy is the official float16 model)', async () => {
    const m = new FaceModel({ env: { CAPTURE_STUDIO_FACE_MODEL: sharedModel }, homeRoot: home(), url: `${base}/never` });
    const before = hits;
    const r = await m.ensure();
    expect(r).toMatchObject({ source: 'env', path: sharedModel, bytes: 3_758_596, url: '/models/face_landmarker.task' });
    expect(r.sha256).toBe(FACE_MODEL_SHA256);
    expect(hits).toBe(before);
  });

  it('says so when the variable points at nothing', async () => {
    const m = new FaceModel({ env: { CAPTURE_STUDIO_FACE_MODEL: '/nope/face.task' }, homeRoot: home() });
    await expect(m.ensure()).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('/nope/face.task') });
  });

  it('downloads once into the model cache with progress, checks the sha256, then uses the cache', async () => {
    const root = home();
    const progress: ModelProgress[] = [];
    const m = new FaceModel({ env: {}, homeRoot: root, url: `${base}/model.task`, sha256: bodySha });
    expect(await m.local()).toBeNull();
    // Two callers at once share one download, and both hear its progress, whichever started it
    // (under load the second caller could start it, and the first heard nothing: a CI failure).
    const joined: ModelProgress[] = [];
    const [a, b] = await Promise.all([m.ensure((p) => progress.push(p)), m.ensure((p) => joined.push(p))]);
    expect(joined.at(-1)).toEqual({ received: body.length, total: body.length });
    expect(a).toMatchObject({ source: 'download', bytes: body.length, sha256: bodySha });
    expect(b.path).toBe(a.path);
    expect(a.path).toBe(path.join(root, 'models', 'face_landmarker.task'));
    expect(readFileSync(a.path).equals(body)).toBe(true);
    expect(progress.at(-1)).toEqual({ received: body.length, total: body.length });
    expect(progress.length).toBeGreaterThan(2);
    // No partial files are left behind.
    expect(readdirSync(path.join(root, 'models'))).toEqual(['face_landmarker.task']);
    const again = new FaceModel({ env: {}, homeRoot: root, url: `${base}/never`, sha256: bodySha });
    expect(await again.ensure()).toMatchObject({ source: 'cache' });
  });

  it('refuses a download whose sha256 is wrong and keeps nothing', async () => {
    const root = home();
    const m = new FaceModel({ env: {}, homeRoot: root, url: `${base}/model.task` });
    await expect(m.ensure()).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('damaged') });
    expect(existsSync(path.join(root, 'models', 'face_landmarker.task'))).toBe(false);
    expect(readdirSync(path.join(root, 'models'))).toEqual([]);
  });

  it('replaces a damaged cache file by downloading again', async () => {
    const root = home();
    mkdirSync(path.join(root, 'models'));
    writeFileSync(path.join(root, 'models', 'face_landmarker.task'), 'truncated');
    const m = new FaceModel({ env: {}, homeRoot: root, url: `${base}/model.task`, sha256: bodySha });
    expect(await m.ensure()).toMatchObject({ source: 'download', bytes: body.length });
  });

  it('offline: names the file to place, where, and its sha256', async () => {
    const root = home();
    const m = new FaceModel({ env: {}, homeRoot: root, url: 'http://127.0.0.1:9/face_landmarker.task' });
    const err = (await m.ensure().catch((e: unknown) => e)) as { code: string; message: string; hint: string };
    expect(err.code).toBe('not-found');
    expect(err.message).toContain('could not be downloaded');
    expect(err.hint).toContain(path.join(root, 'models', 'face_landmarker.task'));
    expect(err.hint).toContain(FACE_MODEL_SHA256);
    expect(err.hint).toContain('CAPTURE_STUDIO_FACE_MODEL');
    const notFound = new FaceModel({ env: {}, homeRoot: root, url: `${base}/missing.task` });
    await expect(notFound.ensure()).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('HTTP 404') });
  });
});
