/**
 * review.open, media.peaks and export.start through the studio's real dispatcher (the same entry
 * serve mode and Electron's IPC use), with hostile and careless inputs: each is refused with a
 * typed error and nothing is written; a valid call works on a real file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStudio } from '../../src/main/studio';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const t = tempDir('review-contract-');
afterAll(t.cleanup);
const home = path.join(t.dir, 'home');
mkdirSync(home);
const studio = createStudio({ mode: 'serve', env: { ...process.env, CAPTURE_STUDIO_HOME: home }, openFaces: async () => { throw new Error('no faces in this test'); } });
const take = path.join(t.dir, 'take.mp4');
ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-ar', '48000', take]);
const notVideo = path.join(t.dir, 'notes.txt');
writeFileSync(notVideo, 'hello');

const good = { characterName: 'A' };
const cases: [string, string, unknown, string | RegExp][] = [
  ['relative path', 'review.open', { source: { kind: 'file', path: 'take.mp4' } }, 'bad-argument'],
  ['NUL in path', 'review.open', { source: { kind: 'file', path: `${take}\0.mp4` } }, 'bad-argument'],
  ['missing file', 'review.open', { source: { kind: 'file', path: path.join(t.dir, 'nope.mp4') } }, 'not-found'],
  ['a folder', 'review.open', { source: { kind: 'file', path: t.dir } }, 'bad-argument'],
  ['not media', 'review.open', { source: { kind: 'file', path: notVideo } }, /unreadable-media|ffmpeg-failed/],
  ['unknown kind', 'review.open', { source: { kind: 'url', path: 'http://x' } }, 'bad-argument'],
  ['take id traversal', 'review.open', { source: { kind: 'take', shootId: '../..', takeId: 'take-001' } }, 'bad-argument'],
  ['extra key', 'review.open', { source: { kind: 'file', path: take }, evil: 1 }, 'bad-argument'],
  ['peaks rate 0', 'media.peaks', { source: { kind: 'file', path: take }, peaksPerSecond: 0 }, 'bad-argument'],
  ['peaks rate huge', 'media.peaks', { source: { kind: 'file', path: take }, peaksPerSecond: 1e9 }, 'bad-argument'],
  ['export relative out', 'export.start', { source: { kind: 'file', path: take }, params: good, outDir: 'out' }, 'bad-argument'],
  ['export unknown param', 'export.start', { source: { kind: 'file', path: take }, params: { ...good, rm: true }, outDir: path.join(t.dir, 'o') }, 'bad-argument'],
  ['export bad model', 'export.start', { source: { kind: 'file', path: take }, params: { ...good, modelType: 'deluxe' }, outDir: path.join(t.dir, 'o') }, 'bad-argument'],
  ['export huge name', 'export.start', { source: { kind: 'file', path: take }, params: { characterName: 'x'.repeat(5000) }, outDir: path.join(t.dir, 'o') }, 'bad-argument'],
  ['export 500 actions', 'export.start', { source: { kind: 'file', path: take }, params: { ...good, actions: Array.from({ length: 500 }, () => ({ name: 'a', start: 0, end: 1 })) }, outDir: path.join(t.dir, 'o') }, 'bad-argument'],
  ['thumbnails 1000', 'review.thumbnails', { source: { kind: 'file', path: take }, count: 1000 }, 'bad-argument'],
  ['aux relative', 'export.start', { source: { kind: 'file', path: take }, params: good, outDir: path.join(t.dir, 'o'), auxiliaries: ['aux.mp4'] }, 'bad-argument'],
  ['aux 11 files', 'export.start', { source: { kind: 'file', path: take }, params: good, outDir: path.join(t.dir, 'o'), auxiliaries: Array(11).fill(take) }, 'bad-argument'],
  ['export cancel bad id', 'export.cancel', { jobId: '../../x' }, 'bad-argument'],
];

describe('review and export contract', () => {
  it.each(cases)('%s is refused', async (_label, method, input, code) => {
    const r = await studio.dispatch(method, input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toMatch(code);
    expect(existsSync(path.join(t.dir, 'o'))).toBe(false);
  });

  it('opens a real file and streams its peaks; an export job reports done', async () => {
    const r = await studio.dispatch('review.open', { source: { kind: 'file', path: take } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const info = r.value as { probe: { durationSec: number }; mediaUrl: string; take: unknown; check: unknown };
    expect(info.probe.durationSec).toBeGreaterThan(4.5);
    expect(info.mediaUrl).toMatch(/^\/media\//);
    expect(info.take).toBeNull();
    const done = new Promise<{ done: boolean; offset: number }>((resolve) => {
      const off = studio.bus.subscribe((event, payload) => {
        const p = payload as { done: boolean; offset: number };
        if (event === 'media.peaks-chunk' && p.done) {
          off();
          resolve(p);
        }
      });
    });
    const p = await studio.dispatch('media.peaks', { source: { kind: 'file', path: take } });
    expect(p).toMatchObject({ ok: true, value: { complete: false } });
    expect((await done).offset).toBeGreaterThanOrEqual(245); // 5 s at 50/s
    const th = await studio.dispatch('review.thumbnails', { source: { kind: 'file', path: take }, count: 4 });
    expect(th.ok && (th.value as { items: { t: number; url: string }[] }).items.map((x) => x.url.slice(0, 23))).toEqual(Array(4).fill('data:image/jpeg;base64,'));
    const again = await studio.dispatch('media.peaks', { source: { kind: 'file', path: take } });
    expect(again).toMatchObject({ ok: true, value: { complete: true } });

    const out = path.join(t.dir, 'exports');
    const finished = new Promise<{ result: { folder: string } | null; error: unknown }>((resolve) => {
      const off = studio.bus.subscribe((event, payload) => {
        if (event === 'export.done') {
          off();
          resolve(payload as never);
        }
      });
    });
    const e = await studio.dispatch('export.start', { source: { kind: 'file', path: take }, params: { characterName: 'Contract' }, outDir: out, auxiliaries: [take] });
    expect(e.ok).toBe(true);
    const res = await finished;
    expect(res.error).toBeNull();
    expect(readdirSync(res.result!.folder).sort()).toEqual(['Contract-standard-auxiliary-1.mp4', 'Contract-standard-primary.mp4', 'README.txt', 'export.json', 'task.json']);
  });
});
