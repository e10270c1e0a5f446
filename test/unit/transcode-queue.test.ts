/**
 * The conversion queue behind the Convert screen: import by path (files and folders, validated),
 * one job at a time, progress events, cancel (queued and running), a failed job that says why.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConvertQueue } from '../../src/main/services/convert/queue';
import { locateFfmpeg } from '../../src/main/services/ffmpeg/locate';
import type { ConvertJob } from '../../src/shared/contract/convert';
import { ConvertOptionsSchema } from '../../src/shared/ingest/options';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';
import { sha256 } from './helpers/transcode';

const ff = await locateFfmpeg();
const tmp = tempDir('capture-studio-queue-');
afterAll(tmp.cleanup);
const fast = ConvertOptionsSchema.parse({ preset: 'ultrafast' });

function newQueue() {
  const events: ConvertJob[] = [];
  const queue = new ConvertQueue({ ffmpeg: async () => ff, cacheDir: path.join(tmp.dir, 'cache'), emit: (j) => events.push(structuredClone(j)) });
  return { queue, events };
}

describe('ConvertQueue.inspect', () => {
  it('probes files and folders, lists problems, and refuses what is not an absolute, existing path', async () => {
    const dir = path.join(tmp.dir, 'card');
    mkdirSync(dir);
    ffmpegSync(['-i', mediaFile('talking-4.mp4'), '-t', '1', '-c', 'copy', '-f', 'mov', path.join(dir, 'IMG_0002.MOV')]);
    copyFileSync(mediaFile('talking-3.mp4'), path.join(dir, 'IMG_0010.mp4'));
    writeFileSync(path.join(dir, 'IMG_0003.mov'), '');
    writeFileSync(path.join(dir, 'notes.txt'), 'not media');
    writeFileSync(path.join(dir, '.hidden.mp4'), 'x');
    const { queue } = newQueue();
    const items = await queue.inspect([dir, 'relative/take.mov', path.join(tmp.dir, 'missing.mov'), mediaFile('audio/jfk.wav')]);

    expect(items.map((i) => i.name)).toEqual(['IMG_0002.MOV', 'IMG_0003.mov', 'IMG_0010.mp4', 'take.mov', 'missing.mov', 'jfk.wav']);
    const [mov, empty, mp4, relative, missing, wav] = items;
    expect(mov?.problems.map((p) => p.rule)).toEqual(['format.container', 'format.fps', 'format.resolution', 'format.audio-rate']);
    expect(mov?.suggestedOutput).toBe(path.join(dir, 'IMG_0002.mp4'));
    expect(empty?.error).toMatchObject({ code: 'unreadable-media' });
    expect(empty?.error?.message).toContain('empty');
    // An MP4 input cannot become its own output name.
    expect(mp4?.suggestedOutput).toBe(path.join(dir, 'IMG_0010-25fps.mp4'));
    expect(relative?.error).toMatchObject({ code: 'bad-argument' });
    expect(relative?.error?.message).toContain('full path');
    expect(missing?.error).toMatchObject({ code: 'not-found' });
    expect(wav?.problems[0]).toMatchObject({ rule: 'format.no-video', severity: 'error' });
    expect(wav?.suggestedOutput).toBeNull();
    expect(readdirSync(dir).length).toBe(5);
  });
});

describe('ConvertQueue jobs', () => {
  it('runs one job at a time, reports progress, and a failed job says why and does not stop the queue', async () => {
    const dir = path.join(tmp.dir, 'jobs');
    mkdirSync(dir);
    const a = path.join(dir, 'a.mp4');
    copyFileSync(mediaFile('talking-3.mp4'), a);
    const cut = path.join(dir, 'cut.mp4');
    const whole = path.join(tmp.dir, 'whole.mp4');
    ffmpegSync(['-i', mediaFile('talking-1.mp4'), '-c', 'copy', '-movflags', '+faststart', whole]);
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(statSync(whole).size / 2)));
    const b = path.join(dir, 'b.mov');
    ffmpegSync(['-i', mediaFile('driving-d0.mp4'), '-t', '1', '-c', 'copy', '-f', 'mov', b]);
    const before = [a, cut, b].map(sha256);

    const { queue, events } = newQueue();
    await queue.inspect([a]);
    const jobs = await queue.enqueue([a, cut, b], fast);
    expect(jobs.map((j) => path.basename(j.output))).toEqual(['a-25fps.mp4', 'cut-25fps.mp4', 'b.mp4']);
    await queue.idle();

    const final = queue.list();
    expect(final.map((j) => j.status)).toEqual(['done', 'failed', 'done']);
    expect(final[1]?.error?.code).toBe('unreadable-media');
    expect(final[1]?.error?.message).toMatch(/breaks off at/);
    expect(final[0]?.result?.probe.video?.rFrameRate).toMatchObject({ num: 25, den: 1 });
    // One at a time: each job starts only after the one before it has finished.
    const order = events.filter((e) => e.status !== 'queued').map((e) => `${path.basename(e.inputs[0] ?? '')}:${e.status}`);
    const dedup = order.filter((s, i) => s !== order[i - 1]);
    expect(dedup).toEqual(['a.mp4:running', 'a.mp4:done', 'cut.mp4:running', 'cut.mp4:failed', 'b.mov:running', 'b.mov:done']);
    expect(events.some((e) => e.status === 'running' && e.progress !== null && e.progress > 0 && e.progress < 1) || final[0]!.result!.wallSeconds < 1).toBe(true);
    expect([a, cut, b].map(sha256)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['a-25fps.mp4', 'a.mp4', 'b.mov', 'b.mp4', 'cut.mp4']);
  });

  it('cancels a queued job at once and a running job by stopping ffmpeg, leaving no file', async () => {
    const dir = path.join(tmp.dir, 'cancel');
    mkdirSync(dir);
    const long = path.join(dir, 'long.mp4');
    copyFileSync(mediaFile('short_hamilton_clip.mp4'), long);
    const { queue, events } = newQueue();
    const [running, waiting] = await queue.enqueue([long, long], ConvertOptionsSchema.parse({ preset: 'medium' }));
    expect(waiting?.output).toBe(path.join(dir, 'long-25fps-2.mp4'));
    expect((await queue.cancel(waiting!.id)).status).toBe('cancelled');
    await expect.poll(() => queue.list()[0]?.progress ?? 0, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    const cancelled = await queue.cancel(running!.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.error).toBeNull();
    await queue.idle();
    expect(events.at(-1)).toMatchObject({ id: running!.id, status: 'cancelled' });
    expect(readdirSync(dir)).toEqual(['long.mp4']);
    expect(queue.clear()).toEqual([]);
  });

  it('merges through the queue with the part starts in the result', async () => {
    const dir = path.join(tmp.dir, 'merge');
    mkdirSync(dir);
    const { queue } = newQueue();
    const job = await queue.merge([mediaFile('driving-d0.mp4'), mediaFile('talking-3.mp4')], ConvertOptionsSchema.parse({ preset: 'ultrafast', scale: 0.5 }), 'idle and wave.mp4', dir);
    await queue.idle();
    const done = queue.list().find((j) => j.id === job.id);
    expect(done?.status).toBe('done');
    expect(done?.result?.parts?.map((p) => p.startSec)).toEqual([0, 3.12]);
    expect(readdirSync(dir)).toEqual(['idle and wave.mp4']);
    await expect(queue.merge([mediaFile('driving-d0.mp4'), mediaFile('talking-3.mp4')], fast, 'idle and wave.mp4', dir)).rejects.toThrow(/already exists/);
  });
});
