/**
 * The recording comes first: a check running when Record is pressed holds (no frame decoded or
 * analysed, its progress says paused) until the take ends, then goes on where it stopped and gives
 * the report an undisturbed check gives. Real recorder, real ffmpeg on real footage; no faces
 * (the hold sits in front of the face pipeline, so faces would only make this slower).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../src/shared/api';
import { checkFile } from '../../src/main/services/checker/check-file';
import { createStudio, type Studio } from '../../src/main/studio';
import { PRESET_IDS } from '../../src/shared/standards';
import { ffmpegSync, tempDir } from './helpers/derive';
import { ok, testDevices } from './helpers/takes';
import { mediaFile } from './helpers/media';

const tmp = tempDir('cs-gate-');
afterAll(tmp.cleanup);

const devices = testDevices;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function studioWithoutFaces(): Studio {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cs-gate-home-'));
  return createStudio({ mode: 'serve', env: { ...process.env, CAPTURE_STUDIO_HOME: home }, openFaces: () => Promise.reject(new Error('no face analysis in this test')) });
}

async function startTake(studio: Studio, shootId: string): Promise<string> {
  const take = await ok<{ id: string }>(
    studio.dispatch('recording.start', { shootId, mimeType: 'video/x-matroska', devices, preset: PRESET_IDS[0], checklist: [], bitsPerSecond: 1_000_000 }),
  );
  return take.id;
}

/** Every check event of one studio, in order. */
function listen(studio: Studio) {
  const progress: EventPayload<'check.progress'>[] = [];
  let done: EventPayload<'check.done'> | null = null;
  studio.bus.subscribe((event, payload) => {
    if (event === 'check.progress') progress.push(payload as EventPayload<'check.progress'>);
    if (event === 'check.done') done = payload as EventPayload<'check.done'>;
  });
  return { progress, done: () => done };
}

describe('a check while a take records', () => {
  // talking-1 four times over (24.5 s): long enough that Record lands in the middle of the video pass.
  const file = path.join(tmp.dir, 'talking-1x4.mp4');
  ffmpegSync(['-stream_loop', '3', '-i', mediaFile('talking-1.mp4'), '-c', 'copy', file]);

  it('holds from Record to Stop, then finishes with the report of an undisturbed check', async () => {
    const studio = studioWithoutFaces();
    const shoot = await ok<{ id: string }>(studio.dispatch('shoots.create', { name: 'gate' }));
    const events = listen(studio);
    await ok(studio.dispatch('check.start', { source: { kind: 'file', path: file }, preset: 'quick' }));

    // Record once the video pass is under way.
    await expect.poll(() => events.progress.some((p) => p.stage === 'video' && p.fraction > 0.2), { timeout: 60_000, interval: 20 }).toBe(true);
    const takeId = await startTake(studio, shoot.id);
    await expect.poll(() => events.progress.at(-1)?.paused, { timeout: 10_000, interval: 20 }).toBe(true);
    const heldAt = events.progress.length;
    const fractionHeld = events.progress.at(-1)!.fraction;
    expect(fractionHeld).toBeLessThan(0.9);

    // Held: nothing moves for 2 s (ffmpeg's own progress lines would move the fraction if it decoded on).
    await sleep(2000);
    expect(events.progress.slice(heldAt)).toEqual([]);
    expect(events.done()).toBeNull();

    await ok(studio.dispatch('recording.stop', { shootId: shoot.id, takeId }));
    await expect.poll(() => events.done(), { timeout: 60_000, interval: 50 }).not.toBeNull();
    const after = events.progress.slice(heldAt);
    expect(after[0]).toMatchObject({ paused: false, fraction: fractionHeld });
    expect(after.every((p) => !p.paused && p.fraction >= fractionHeld)).toBe(true);

    const held = events.done()!;
    expect(held.error).toBeNull();
    const undisturbed = (await checkFile(file, { preset: 'quick', faces: null })).report;
    const gist = (r: typeof undisturbed) => ({
      frames: r.stats.framesAnalyzed,
      findings: r.findings.map((f) => `${f.rule} ${f.start.toFixed(2)}–${f.end.toFixed(2)}`),
    });
    expect(gist(held.report!)).toEqual(gist(undisturbed));
    // Every frame, as ffprobe counts them.
    const counted = Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file]).toString().trim());
    expect(held.report!.stats.framesAnalyzed).toBe(counted);
  }, 180_000);

  it('a check started during a take waits, and Cancel ends it while it waits', async () => {
    const studio = studioWithoutFaces();
    const shoot = await ok<{ id: string }>(studio.dispatch('shoots.create', { name: 'gate-cancel' }));
    const takeId = await startTake(studio, shoot.id);
    const events = listen(studio);
    const { jobId } = await ok<{ jobId: string }>(studio.dispatch('check.start', { source: { kind: 'file', path: file }, preset: 'quick' }));
    await expect.poll(() => events.progress.at(-1)?.paused, { timeout: 10_000, interval: 20 }).toBe(true);
    expect(events.progress.every((p) => p.fraction === 0)).toBe(true);

    expect(await ok(studio.dispatch('check.cancel', { jobId }))).toEqual({ cancelled: true });
    await expect.poll(() => events.done(), { timeout: 10_000, interval: 20 }).not.toBeNull();
    expect(events.done()).toMatchObject({ jobId, report: null, error: { code: 'cancelled' } });
    await ok(studio.dispatch('recording.stop', { shootId: shoot.id, takeId }));
  }, 60_000);
});
