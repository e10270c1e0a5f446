import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStudio } from '../../src/main/studio';
import { ffmpegSync } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { takeRecord } from './helpers/takes';

const live = { source: 'track-stats', seconds: 5, deliveredFrames: 60, deliveredFps: 12, droppedFrames: 65, belowStandard: true } as const;

async function setup() {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cs-loop-'));
  // PATH: ffmpeg is found the way the studio finds it.
  const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home, PATH: process.env.PATH } });
  const { store } = studio.context;
  const shoot = await store.createShoot('Loop shoot', '');
  const takeId = await store.allocateTakeId(shoot.id);
  return { studio, store, shoot, takeId };
}

describe('take.loop-facts (issue #13)', () => {
  it('waits for the finalized take, then saves live numbers with the frames ffprobe counts in the raw file', async () => {
    const { studio, store, shoot, takeId } = await setup();
    // The raw recording: 5 s of talking-3 at 12 fps (60 frames), 6.3 s of jfk.wav.
    const dir = await store.takeDir(shoot.id, takeId);
    ffmpegSync([
      '-i', mediaFile('talking-3.mp4'), '-i', mediaFile('audio/jfk.wav'),
      '-filter_complex', '[0:v]scale=270:480,fps=12,trim=duration=5[v];[1:a]atrim=duration=6.3[a]',
      '-map', '[v]', '-map', '[a]', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'libopus', '-f', 'matroska', path.join(dir, 'raw.mkv'),
    ]);
    await store.saveTake(takeRecord(shoot.id, takeId, 'finalizing', { width: 540, height: 960 }));
    const facts = {
      shootId: shoot.id,
      takeId,
      recStats: live,
      checklistOverride: { at: new Date().toISOString(), unticked: ['quiet-set'] },
      incomplete: { reason: 'stopped-in-silent-phase', recordedSeconds: 5, silentSeconds: 30 },
    } as const;
    expect(await studio.dispatch('take.loop-facts', facts)).toEqual({ ok: true, value: { stored: 'pending' } });
    expect((await store.getTake(shoot.id, takeId)).recStats).toBeUndefined();

    const ready = await store.saveTake(takeRecord(shoot.id, takeId, 'ready', { width: 540, height: 960 }));
    await studio.context.lifecycle.emit('finalized', ready);
    await expect.poll(async () => JSON.stringify((await store.getTake(shoot.id, takeId)).recStats ?? null), { timeout: 20_000 }).toContain("\"frames\":60");
    const saved = await store.getTake(shoot.id, takeId);
    expect(saved.recStats?.alignment?.action).toBe('audio-trimmed');
    expect(saved.checklistOverride?.unticked).toEqual(['quiet-set']);
    expect(saved.incomplete?.silentSeconds).toBe(30);
    expect(saved.status).toBe('ready');
  });

  it('refuses careless and hostile input with bad-argument, and unknown takes with not-found', async () => {
    const { studio, shoot, takeId } = await setup();
    const bad: Array<[string, Record<string, unknown>]> = [
      ['path in the take id', { shootId: shoot.id, takeId: '../../etc' }],
      ['path in the shoot id', { shootId: '/tmp', takeId }],
      ['negative frames', { shootId: shoot.id, takeId, recStats: { ...live, deliveredFrames: -1 } }],
      ['fractional frames', { shootId: shoot.id, takeId, recStats: { ...live, droppedFrames: 1.5 } }],
      ['unknown source', { shootId: shoot.id, takeId, recStats: { ...live, source: 'guess' } }],
      ['renderer claims raw counts', { shootId: shoot.id, takeId, recStats: { ...live, recorded: { frames: 1, videoSeconds: 1, audioSeconds: 1, fps: 1 } } }],
      ['unknown field', { shootId: shoot.id, takeId, evil: true }],
      ['too many unticked', { shootId: shoot.id, takeId, checklistOverride: { at: 'x', unticked: Array.from({ length: 33 }, () => 'a') } }],
      ['huge unticked id', { shootId: shoot.id, takeId, checklistOverride: { at: 'x', unticked: ['a'.repeat(65)] } }],
      ['wrong incomplete reason', { shootId: shoot.id, takeId, incomplete: { reason: 'bored', recordedSeconds: 1, silentSeconds: 30 } }],
    ];
    for (const [why, input] of bad) {
      expect(await studio.dispatch('take.loop-facts', input), why).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    }
    expect(await studio.dispatch('take.loop-facts', { shootId: shoot.id, takeId: 'take-099', recStats: live })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    for (const m of ['check.take-report', 'check.take-verdicts', 'shoot.files'] as const) {
      expect(await studio.dispatch(m, { shootId: '..', takeId }), m).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    }
  });
});

describe('a take’s saved check (check.json)', () => {
  it('lists no verdict for an unchecked take, ignores a damaged check.json, and reads a good one', async () => {
    const { studio, store, shoot, takeId } = await setup();
    await store.saveTake({ ...takeRecord(shoot.id, takeId, 'ready', { width: 540, height: 960 }), delivery: null });
    expect(await studio.dispatch('check.take-verdicts', { shootId: shoot.id })).toEqual({ ok: true, value: { verdicts: [], auto: [] } });
    const file = path.join(await store.takeDir(shoot.id, takeId), 'check.json');
    writeFileSync(file, '{ not json');
    expect(await studio.dispatch('check.take-report', { shootId: shoot.id, takeId })).toMatchObject({ ok: true, value: { report: null } });
    expect(await studio.dispatch('check.take-verdicts', { shootId: shoot.id })).toMatchObject({ ok: true, value: { verdicts: [] } });
  });

  it('shoot.files lists only finished takes by name and makes the shoot’s exports folder', async () => {
    const { studio, store, shoot, takeId } = await setup();
    await store.saveTake(takeRecord(shoot.id, takeId, 'finalizing', { width: 540, height: 960 }));
    const r = await studio.dispatch('shoot.files', { shootId: shoot.id });
    expect(r).toMatchObject({ ok: true, value: { shootName: 'Loop shoot', takes: [] } });
    if (r.ok) expect((r.value as { exportsDir: string }).exportsDir).toBe(path.join(await store.shootDir(shoot.id), 'exports'));
  });
});
