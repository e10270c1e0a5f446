/**
 * Issue #11 item 3 (the frame host part) and item 8 (check.done order):
 *  - the face analysis runs on a frame host with no studio inside: opening it on the same studio
 *    home while a take records (real Chromium, the real model) leaves that take alone — before, it
 *    started a second studio whose recovery "recovered" the take being recorded;
 *  - check.done is sent after the job is cleared: a check.start from the check.done listener is
 *    accepted, not 'busy'.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFaceAnalyzer } from '../../src/main/services/checker/chromium-face-analyzer';
import { GREEN_PARAMS_FILE } from '../../src/main/services/keying/green-params-store';
import { createStudio, type Studio } from '../../src/main/studio';
import { PRESET_IDS } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { ok, testDevices } from './helpers/takes';
import { mediaFile, repoRoot } from './helpers/media';

const tmp = tempDir('cs-beside-take-');
afterAll(tmp.cleanup);
const rendererDir = path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer');
const model = process.env.CAPTURE_STUDIO_FACE_MODEL ?? path.resolve(repoRoot, '../shared/models/face_landmarker.task');
const built = existsSync(path.join(rendererDir, 'frame-analyzer.html'));

const devices = testDevices;

describe('a check beside a take being recorded', () => {
  it.skipIf(!built)('the face analysis frame host opens on the same home without touching the take', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-beside-home-'));
    const env = { ...process.env, CAPTURE_STUDIO_HOME: home, CAPTURE_STUDIO_FACE_MODEL: model };
    const studio: Studio = createStudio({ mode: 'serve', env });
    const mkv = path.join(tmp.dir, 'rec.mkv');
    ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-t', '2', '-vf', 'scale=160:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', '-f', 'matroska', mkv]);
    const bytes = readFileSync(mkv);
    const half = Math.floor(bytes.length / 2);
    const shoot = await ok<{ id: string }>(studio.dispatch('shoots.create', { name: 'beside' }));
    const take = await ok<{ id: string }>(
      studio.dispatch('recording.start', { shootId: shoot.id, mimeType: 'video/x-matroska', devices, preset: PRESET_IDS[0], checklist: [], bitsPerSecond: 1_000_000 }),
    );
    await ok(studio.dispatch('recording.chunk', { shootId: shoot.id, takeId: take.id, seq: 0, data: bytes.subarray(0, half) }));
    const dir = await studio.context.store.takeDir(shoot.id, take.id);
    // recording.start copies the shoot's greenParams beside the take in the background: wait for it.
    await expect.poll(() => readdirSync(dir).includes(GREEN_PARAMS_FILE), { timeout: 30_000 }).toBe(true);
    const filesBefore = readdirSync(dir).sort();

    // The analyzer as the CLI opens it: same home, real Chromium, the real model; measure a frame.
    const faces = await openFaceAnalyzer({ env, rendererDir });
    const m = await faces.measure({ t: 0, width: 64, height: 64, rgba: new Uint8Array(64 * 64 * 4).fill(128) });
    expect(m.faces).toEqual([]);
    await faces.close();

    // The take is untouched: still recording, no delivery, no new files beside it.
    expect((await studio.context.store.getTake(shoot.id, take.id)).status).toBe('recording');
    expect(readdirSync(dir).sort()).toEqual(filesBefore);

    await ok(studio.dispatch('recording.chunk', { shootId: shoot.id, takeId: take.id, seq: 1, data: bytes.subarray(half) }));
    await ok(studio.dispatch('recording.stop', { shootId: shoot.id, takeId: take.id }));
    await expect
      .poll(async () => (await studio.context.store.getTake(shoot.id, take.id)).status, { timeout: 60_000, interval: 500 })
      .toBe('ready');
    const done = await studio.context.store.getTake(shoot.id, take.id);
    expect(done.recording.bytes).toBe(bytes.length);
    expect(done.delivery?.probe.durationSec).toBeGreaterThan(1.9);
  }, 180_000);

  it('check.done comes after the job is cleared: an immediate check.start is accepted', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'cs-beside-done-'));
    // No face analysis on this machine: the check runs without it, as it does where Chromium is missing.
    const studio = createStudio({ mode: 'serve', env: { ...process.env, CAPTURE_STUDIO_HOME: home }, openFaces: () => Promise.reject(new Error('no face analysis in this test')) });
    const file = path.join(tmp.dir, 'short.mp4');
    ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-t', '1', '-vf', 'scale=96:-2', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', file]);
    const input = { source: { kind: 'file', path: file }, preset: 'quick' };
    const second = new Promise<{ ok: boolean; error?: { code: string } }>((resolve) => {
      let first = true;
      studio.bus.subscribe((event) => {
        if (event !== 'check.done' || !first) return;
        first = false;
        void studio.dispatch('check.start', input).then((r) => resolve(r as never));
      });
    });
    await ok(studio.dispatch('check.start', input));
    const r = await second;
    expect(r.error?.code).toBeUndefined();
    expect(r.ok).toBe(true);
    // Let the second check finish before the temp folder goes.
    await new Promise<void>((resolve) => studio.bus.subscribe((event) => event === 'check.done' && resolve()));
  }, 120_000);
});
