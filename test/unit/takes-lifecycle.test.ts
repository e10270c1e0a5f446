import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { promises as fs, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/main/serve';
import { createStudio, recoverAtAppStart, type Studio } from '../../src/main/studio';
import { ChunkSink, RESERVE_FILE } from '../../src/main/services/takes/chunk-sink';
import { takeFilePath } from '../../src/main/services/takes/take-files';
import { acquireTakeLock, isTakeHeld, processStartTime, TAKE_LOCK_FILE } from '../../src/main/services/takes/take-lock';
import { TakeSchema, type PcmFormat, type Take } from '../../src/shared/api';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

const run = promisify(execFile);
const work = tempDir('cs-takes-');
afterAll(() => work.cleanup());

const mic = { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false };
const devices = { camera: { deviceId: 'c', label: 'cam', width: 590, height: 590, frameRate: 25 }, microphone: mic };

/** A recording shaped like Chromium's MediaRecorder output: H.264 + Opus in Matroska, ~4.9 s. */
const videoFile = path.join(work.dir, 'rec.mkv');
ffmpegSync(['-i', mediaFile('talking-3.mp4'), '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-c:a', 'libopus', '-ar', '48000', videoFile]);
const videoBytes = readFileSync(videoFile);

/** Duration by ffprobe, independent of the studio's code. */
function ffprobeDuration(file: string): number {
  return Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim());
}

function ffprobeAudio(file: string): { codec_name: string; sample_rate: string; channels: number } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'json', file], {
    encoding: 'utf8',
  });
  return (JSON.parse(out) as { streams: [{ codec_name: string; sample_rate: string; channels: number }] }).streams[0];
}

/** Real speech as raw PCM in the given format, made by ffmpeg. */
function pcmOf(format: PcmFormat, seconds: number): Buffer {
  return ffmpegSync([
    '-i', mediaFile('audio/jfk.wav'), '-t', String(seconds),
    '-ac', String(format.channels), '-ar', String(format.sampleRate), '-f', format.codec.replace('pcm_', ''), '-c:a', format.codec, '-',
  ]);
}

function ok<T>(r: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

async function sendChunks(studio: Studio, shootId: string, takeId: string, bytes: Buffer, size: number, firstSeq = 0): Promise<number> {
  let seq = firstSeq;
  for (let i = 0; i < bytes.length; i += size, seq++) {
    ok(await studio.dispatch('recording.chunk', { shootId, takeId, seq, data: new Uint8Array(bytes.subarray(i, i + size)) }));
  }
  return seq;
}

function newHome(name: string): string {
  const home = path.join(work.dir, name);
  return home;
}

/** Leftovers a write can leave: temporaries, partials, the space reserve, and empty files of those names. */
async function leftovers(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp') || n.includes('.partial') || n === RESERVE_FILE);
}

const tsxArgs = ['--import', 'tsx'];

describe('chunk sink and take lock', () => {
  it('appends chunks in order, refuses gaps and repeats, and gives its space reserve back at close', async () => {
    const dir = path.join(work.dir, 'sink');
    await fs.mkdir(dir);
    const sink = await ChunkSink.open(dir, 'raw.pcm');
    expect((await fs.stat(path.join(dir, RESERVE_FILE))).size).toBeGreaterThan(0);
    await sink.append(0, new Uint8Array([1, 2]));
    await expect(sink.append(2, new Uint8Array([9]))).rejects.toMatchObject({ code: 'bad-argument' });
    await expect(sink.append(0, new Uint8Array([9]))).rejects.toMatchObject({ code: 'bad-argument' });
    await sink.append(1, new Uint8Array([3]));
    await sink.close();
    await expect(sink.append(2, new Uint8Array([9]))).rejects.toMatchObject({ code: 'bad-argument' });
    expect(readFileSync(path.join(dir, 'raw.pcm'))).toEqual(Buffer.from([1, 2, 3]));
    expect(await fs.readdir(dir)).toEqual(['raw.pcm']);
    // Never over an existing raw file.
    await expect(ChunkSink.open(dir, 'raw.pcm')).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('a lock is held only by a live process with the same start time', async () => {
    const dir = path.join(work.dir, 'lock');
    await fs.mkdir(dir);
    const lockFile = path.join(dir, TAKE_LOCK_FILE);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      const pid = sleeper.pid!;
      await new Promise((r) => setTimeout(r, 200));
      const started = processStartTime(pid);
      expect(started).not.toBeNull();
      writeFileSync(lockFile, JSON.stringify({ pid, startTime: started, at: 'x' }));
      expect(await isTakeHeld(dir)).toBe(true);
      expect(await acquireTakeLock(dir)).toBe(false);
      // The same pid, another start time: a reused pid holds nothing.
      writeFileSync(lockFile, JSON.stringify({ pid, startTime: 'proc:1', at: 'x' }));
      expect(await isTakeHeld(dir)).toBe(false);
    } finally {
      sleeper.kill('SIGKILL');
    }
    // A pid that has exited holds nothing; the stale lock is replaced by ours.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(lockFile, JSON.stringify({ pid: dead, startTime: 'proc:1', at: 'x' }));
    expect(await isTakeHeld(dir)).toBe(false);
    expect(await acquireTakeLock(dir)).toBe(true);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    // Damaged or empty locks (a crash mid-write) hold nothing.
    writeFileSync(lockFile, '');
    expect(await isTakeHeld(dir)).toBe(false);
  });
});

describe('take lifecycle', () => {
  it('a second app start (another process, and a second studio here) while a take records leaves it alone; stop answers "finalizing" and the take ends ready and whole', async () => {
    const home = newHome('second-start');
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const shoot = await studio.context.store.createShoot('two', '');
    const hooks: string[] = [];
    for (const e of ['started', 'marker', 'stopped', 'finalized'] as const) studio.context.lifecycle.on(e, (t: Take) => void hooks.push(`${e}:${t.status}`));
    const take = ok<Take>(
      await studio.dispatch('recording.start', { shootId: shoot.id, mimeType: 'video/x-matroska', devices, preset: 'standard-short', checklist: [], bitsPerSecond: 1e6 }),
    );
    expect(take.kind).toBe('video');
    const size = Math.ceil(videoBytes.length / 6);
    const half = size * 3;
    let seq = await sendChunks(studio, shoot.id, take.id, videoBytes.subarray(0, half), size);
    ok(await studio.dispatch('recording.marker', { shootId: shoot.id, takeId: take.id, marker: { id: 'f1', kind: 'flub', t: 1 } }));

    // Another process on the same home starts (the CLI, a second app): it must not touch the take.
    const child = await run(process.execPath, [...tsxArgs, 'test/unit/helpers/app-start.ts'], { cwd: repoRoot, env: { ...process.env, CAPTURE_STUDIO_HOME: home } });
    expect(JSON.parse(child.stdout.trim().split('\n').pop()!)).toEqual({ recovered: [] });
    // And a second studio in this process (the checker's face host once was one).
    expect(await recoverAtAppStart(createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } }))).toEqual([]);
    // The face host's own server (what an in-app or CLI check starts) on the same home.
    const renderer = path.join(work.dir, 'renderer-stub');
    await fs.mkdir(renderer, { recursive: true });
    await fs.writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>stub</title>');
    const host = await startServer({ port: 0, rendererDir: renderer, env: { ...process.env, CAPTURE_STUDIO_HOME: home } });
    await host.close();
    const dir = await studio.context.store.takeDir(shoot.id, take.id);
    expect((await studio.context.store.getTake(shoot.id, take.id)).status).toBe('recording');
    await expect(fs.access(path.join(dir, 'delivery.mp4'))).rejects.toThrow();

    seq = await sendChunks(studio, shoot.id, take.id, videoBytes.subarray(half), size, seq);
    const stopped = ok<Take>(await studio.dispatch('recording.stop', { shootId: shoot.id, takeId: take.id }));
    expect(stopped.status).toBe('finalizing');
    // Record is free again at once: the next take may start while this one finalizes.
    const next = ok<Take>(
      await studio.dispatch('recording.start', { shootId: shoot.id, mimeType: 'video/webm', devices, preset: 'standard-short', checklist: [], bitsPerSecond: 1e6 }),
    );
    const done = await studio.context.recorder.whenFinalized(shoot.id, take.id);
    expect(done?.status).toBe('ready');
    const saved = await studio.context.store.getTake(shoot.id, take.id);
    expect(saved.status).toBe('ready');
    expect(saved.recording.chunks).toBe(seq);
    expect(saved.markers.map((m) => m.id)).toEqual(['f1']);
    // Whole: the delivery is as long as what was recorded (ffprobe of the source), within one
    // frame (0.04 s) plus the Opus/AAC frame granularity at the ends (≤ 0.05 s).
    expect(Math.abs(ffprobeDuration(path.join(dir, 'delivery.mp4')) - ffprobeDuration(videoFile))).toBeLessThan(0.1);
    expect(await fs.readdir(dir)).not.toContain(TAKE_LOCK_FILE);
    ok(await studio.dispatch('recording.stop', { shootId: shoot.id, takeId: next.id }));
    await studio.context.recorder.idle();
    await studio.context.lifecycle.idle();
    expect(hooks.slice(0, 4)).toEqual(['started:recording', 'marker:recording', 'stopped:finalizing', 'started:recording']);
    expect(hooks).toContain('finalized:ready');
  });

  it.each<PcmFormat>([
    { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 },
    { codec: 'pcm_f32le', sampleRate: 48000, channels: 2 },
  ])('a voice take ($codec, $sampleRate Hz, $channels ch) becomes a WAV whose samples are exactly the PCM sent', async (format) => {
    const home = newHome(`voice-${format.codec}`);
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const shoot = await studio.context.store.createShoot('voice', '');
    const pcm = pcmOf(format, 3);
    const take = ok<Take>(await studio.dispatch('recording.start', { kind: 'voice', shootId: shoot.id, format, devices: { microphone: mic } }));
    expect(take).toMatchObject({ kind: 'voice', recording: { format } });
    // Chunk edges that cut samples in half: the sink must not care.
    await sendChunks(studio, shoot.id, take.id, pcm, 7777);
    expect(ok<Take>(await studio.dispatch('recording.stop', { shootId: shoot.id, takeId: take.id })).status).toBe('finalizing');
    const done = await studio.context.recorder.whenFinalized(shoot.id, take.id);
    expect(done).toMatchObject({ status: 'ready', delivery: { file: 'take.wav' } });
    const wav = path.join(await studio.context.store.takeDir(shoot.id, take.id), 'take.wav');
    expect(ffprobeAudio(wav)).toEqual({ codec_name: format.codec, sample_rate: String(format.sampleRate), channels: format.channels });
    const decoded = ffmpegSync(['-i', wav, '-f', format.codec.replace('pcm_', ''), '-c:a', format.codec, '-']);
    expect(decoded.length).toBe(pcm.length);
    expect(decoded.equals(pcm)).toBe(true);
  });

  it('takes killed mid-recording (SIGKILL), one video and one voice, are recovered at the next app start', async () => {
    const home = newHome('killed');
    const format: PcmFormat = { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 };
    const pcm = pcmOf(format, 2);
    const pcmFile = path.join(work.dir, 'killed.pcm');
    writeFileSync(pcmFile, pcm);
    const child = spawn(process.execPath, [...tsxArgs, 'test/unit/helpers/record-then-hang.ts', videoFile, pcmFile], {
      cwd: repoRoot,
      env: { ...process.env, CAPTURE_STUDIO_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const ids = await new Promise<{ shootId: string; video: string; voice: string }>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
      child.once('exit', (code) => reject(new Error(`recorder child exited ${code}: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const hooked: string[] = [];
    studio.context.lifecycle.on('recovered', (t) => void hooked.push(`${t.id}:${t.status}`));
    const progress = new Set<string>();
    studio.bus.subscribe((e, p) => e === 'take.finalize-progress' && progress.add((p as { takeId: string }).takeId));
    const recovered = await recoverAtAppStart(studio);
    expect(recovered.map((t) => [t.id, t.status])).toEqual([
      [ids.video, 'ready'],
      [ids.voice, 'ready'],
    ]);
    const store = studio.context.store;
    const video = await store.getTake(ids.shootId, ids.video);
    expect(video.recovered).not.toBeNull();
    expect(video.markers.map((m) => m.id)).toEqual(['f1']);
    // 90% of the recording was flushed: at most the cut chunk is lost (≤ 2 s, the promise we make).
    expect(ffprobeDuration(path.join(await store.takeDir(ids.shootId, ids.video), 'delivery.mp4'))).toBeGreaterThan(ffprobeDuration(videoFile) * 0.9 - 2);
    // Voice: every whole sample sent, the half sample of the crash left out, bit for bit.
    const voice = await store.getTake(ids.shootId, ids.voice);
    expect(voice.recovered?.recordedSeconds).toBe(pcm.length / 2 / 16000);
    const wav = path.join(await store.takeDir(ids.shootId, ids.voice), 'take.wav');
    expect(ffmpegSync(['-i', wav, '-f', 's16le', '-c:a', 'pcm_s16le', '-']).equals(pcm)).toBe(true);
    for (const id of [ids.video, ids.voice]) {
      const dir = await store.takeDir(ids.shootId, id);
      expect(await leftovers(dir)).toEqual([]);
      expect(await fs.readdir(dir)).not.toContain(TAKE_LOCK_FILE);
    }
    expect(hooked).toEqual([`${ids.video}:ready`, `${ids.voice}:ready`]);
    expect([...progress].sort()).toEqual([ids.video, ids.voice].sort());
    expect(await recoverAtAppStart(studio)).toEqual([]);
  });
});

describe('recovery after a crash between publishing the file and saving take.json', () => {
  it('keeps the delivered file that is already there (not made twice, not "already exists")', async () => {
    const home = newHome('published');
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } });
    const shoot = await studio.context.store.createShoot('published', '');
    const format: PcmFormat = { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 };
    const take = ok<Take>(await studio.dispatch('recording.start', { kind: 'voice', shootId: shoot.id, format, devices: { microphone: mic } }));
    await sendChunks(studio, shoot.id, take.id, pcmOf(format, 1), 4096);
    ok(await studio.dispatch('recording.stop', { shootId: shoot.id, takeId: take.id }));
    expect((await studio.context.recorder.whenFinalized(shoot.id, take.id))?.status).toBe('ready');
    const dir = await studio.context.store.takeDir(shoot.id, take.id);
    const wav = path.join(dir, 'take.wav');
    const before = await fs.stat(wav);
    // take.json as the crash left it: still finalizing, no delivery; the lock names a dead pid.
    await studio.context.store.updateTake(shoot.id, take.id, (t) => {
      t.status = 'finalizing';
      t.delivery = null;
    });
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(path.join(dir, TAKE_LOCK_FILE), JSON.stringify({ pid: dead, startTime: 'proc:1', at: 'x' }));
    const [done] = await recoverAtAppStart(createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home } }));
    expect(done).toMatchObject({ id: take.id, status: 'ready', delivery: { file: 'take.wav' } });
    const after = await fs.stat(wav);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });
});

describe('recording.start refuses careless and hostile take kinds', () => {
  const voice = { kind: 'voice', shootId: 'x', format: { codec: 'pcm_s16le', sampleRate: 48000, channels: 1 }, devices: { microphone: mic } };
  const table: [string, unknown][] = [
    ['an unknown kind', { ...voice, kind: 'audio' }],
    ['a kind that is not a string', { ...voice, kind: 1 }],
    ['a sample rate below 8 kHz', { ...voice, format: { ...voice.format, sampleRate: 7999 } }],
    ['a sample rate above 192 kHz', { ...voice, format: { ...voice.format, sampleRate: 192_001 } }],
    ['a fractional sample rate', { ...voice, format: { ...voice.format, sampleRate: 44100.5 } }],
    ['three channels', { ...voice, format: { ...voice.format, channels: 3 } }],
    ['no channels', { ...voice, format: { ...voice.format, channels: 0 } }],
    ['a codec other than s16/f32 PCM', { ...voice, format: { ...voice.format, codec: 'pcm_u8' } }],
    ['an extra format field', { ...voice, format: { ...voice.format, resample: true } }],
    ['video fields on a voice take', { ...voice, mimeType: 'video/webm', bitsPerSecond: 1e6 }],
    ['a voice take without a microphone', { ...voice, devices: {} }],
    ['a video take without a camera', { shootId: 'x', mimeType: 'video/webm', devices: { microphone: mic }, preset: 'quick', checklist: [], bitsPerSecond: 1e6 }],
    ['a PCM format on a video take', { shootId: 'x', mimeType: 'video/webm', devices, preset: 'quick', bitsPerSecond: 1e6, format: voice.format }],
  ];
  it.each(table)('%s', async (_why, input) => {
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: newHome('hostile-start') } });
    expect(await studio.dispatch('recording.start', input)).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(studio.context.recorder.activeTake).toBeNull();
  });
});

describe('take files stay inside their take folder', () => {
  const hostile: [string, string][] = [
    ['parent traversal', '../../outside.mkv'],
    ['absolute path', '/etc/passwd'],
    ['sub folder', 'sub/raw.mkv'],
    ['backslash', 'sub\\raw.mkv'],
    ['Windows drive', 'C:raw.mkv'],
    ['dot-dot', '..'],
    ['dot', '.'],
    ['empty', ''],
    ['NUL byte', 'raw\u0000.mkv'],
    ['newline', 'raw\n.mkv'],
    ['too long', `${'x'.repeat(300)}.mkv`],
  ];

  it.each(hostile)('take.json naming a file by %s is refused (schema and resolver)', async (_why, name) => {
    const dir = path.join(work.dir, 'hostile-resolve');
    await fs.mkdir(dir, { recursive: true });
    const base = {
      schemaVersion: 1, id: 'take-001', shootId: 's', name: 't', status: 'recording', createdAt: 'x',
      recording: { mimeType: 'video/webm', rawFile: name, bytes: 0, chunks: 0, startedAt: 'x', stoppedAt: null },
      devices, delivery: null, error: null,
    };
    expect(TakeSchema.safeParse(base).success).toBe(false);
    expect(TakeSchema.safeParse({ ...base, recording: { ...base.recording, rawFile: 'raw.webm' } }).success).toBe(true);
    await expect(takeFilePath(dir, name)).rejects.toMatchObject({ code: 'bad-argument' });
  });

  it('a copied-in take pointing outside, or holding a symbolic link, is never read, checked or rebuilt', async () => {
    const home = newHome('hostile');
    const logged: string[] = [];
    const studio = createStudio({ mode: 'serve', env: { CAPTURE_STUDIO_HOME: home }, log: (l) => logged.push(l) });
    const store = studio.context.store;
    const shoot = await store.createShoot('copied', '');
    const outside = path.join(work.dir, 'outside.mkv');
    await fs.copyFile(videoFile, outside);
    const before = readFileSync(outside);
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const plant = async (takeId: string, rawFile: string, extra: (dir: string) => Promise<void>) => {
      const dir = path.join(await store.shootDir(shoot.id), takeId);
      await fs.mkdir(dir);
      await extra(dir);
      await fs.writeFile(path.join(dir, TAKE_LOCK_FILE), JSON.stringify({ pid: dead, startTime: 'proc:1', at: 'x' }));
      await fs.writeFile(
        path.join(dir, 'take.json'),
        JSON.stringify({
          schemaVersion: 1, id: takeId, shootId: shoot.id, name: takeId, status: 'recording', createdAt: new Date().toISOString(),
          recording: { mimeType: 'video/x-matroska', rawFile, bytes: 0, chunks: 0, startedAt: new Date().toISOString(), stoppedAt: null },
          devices, delivery: null, error: null,
        }),
      );
      return dir;
    };
    // 1. rawFile names a file outside the take: the take.json does not parse, nothing uses it.
    await plant('take-001', path.relative(path.join(await store.shootDir(shoot.id), 'take-001'), outside), async () => {});
    // 2. raw.mkv is a symbolic link to the outside file.
    const linked = await plant('take-002', 'raw.mkv', (dir) => fs.symlink(outside, path.join(dir, 'raw.mkv')));

    expect((await store.listTakes(shoot.id)).map((t) => t.id)).toEqual(['take-002']);
    await store.listTakes(shoot.id);
    // One sentence, once, saying which file and why.
    expect(logged.filter((l) => l.includes('take-001'))).toEqual([
      expect.stringMatching(/take-001\/take\.json is not listed: recording\.rawFile must be a plain file name inside the take folder/),
    ]);
    const recovered = await recoverAtAppStart(studio);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ id: 'take-002', status: 'failed', error: { code: 'bad-argument' } });
    expect(recovered[0]!.error!.message).toMatch(/symbolic link/);
    await expect(fs.access(path.join(linked, 'delivery.mp4'))).rejects.toThrow();

    // A delivery file that is a link is refused by the checker before any ffmpeg runs.
    await store.updateTake(shoot.id, 'take-002', (t) => {
      t.status = 'ready';
      t.error = null;
      t.delivery = { file: 'delivery.mp4', probe: { file: 'delivery.mp4', container: 'mp4', formatName: 'mov', durationSec: 1, sizeBytes: 1, bitRate: null, video: null, audio: null }, finalizeSeconds: 0 };
    });
    await fs.symlink(outside, path.join(linked, 'delivery.mp4'));
    const check = await studio.dispatch('check.start', { source: { kind: 'take', shootId: shoot.id, takeId: 'take-002' }, preset: 'standard-short' });
    expect(check).toMatchObject({ ok: false, error: { code: 'bad-argument' } });
    expect(readFileSync(outside).equals(before)).toBe(true);
  });
});
