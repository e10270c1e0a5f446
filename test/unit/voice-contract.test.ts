/**
 * The voice calls through the studio's real dispatcher (what serve mode and Electron's IPC use):
 * the role of a voice take is set at Record and decides what it can become (§8.6); the A/B twin
 * (voice.denoiseTake) is made beside take.wav once and never replaces it; the export uses the
 * authorization take, never a speech take; hostile and careless inputs are refused with a typed
 * error and write nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio } from '../../src/main/studio';
import type { Take } from '../../src/shared/api';
import { authScript } from '../../src/shared/voice/auth-scripts';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const t = tempDir('voice-contract-');
afterAll(t.cleanup);
const studio = createStudio({ mode: 'serve', env: { ...process.env, CAPTURE_STUDIO_HOME: path.join(t.dir, 'home') } });
const mic = { deviceId: 'm', label: 'mic', sampleRate: 16000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false };
const format = { codec: 'pcm_s16le', sampleRate: 16000, channels: 1 } as const;
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

async function ok<T>(p: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`call failed: ${r.error?.message}`);
  return r.value as T;
}

/** A voice take recorded through the lifecycle from real speech (jfk.wav, cut), as the page sends it. */
async function record(shootId: string, seconds: number, voice?: unknown): Promise<Take> {
  const pcm = ffmpegSync(['-t', String(seconds), '-i', mediaFile('audio/jfk.wav'), '-f', 's16le', '-ac', '1', '-ar', '16000', '-']);
  const take = await ok<Take>(studio.dispatch('recording.start', { kind: 'voice', shootId, format, devices: { microphone: mic }, ...(voice ? { voice } : {}) }));
  for (let i = 0, seq = 0; i < pcm.length; i += 32000, seq++) await ok(studio.dispatch('recording.chunk', { shootId, takeId: take.id, seq, data: pcm.subarray(i, i + 32000) }));
  await ok(studio.dispatch('recording.stop', { shootId, takeId: take.id }));
  return (await studio.context.recorder.whenFinalized(shootId, take.id))!;
}

let shootId = '';
let speech: Take;
let auth: Take;
let video: Take;
const jobId = 'job-test-1';

beforeAll(async () => {
  shootId = (await studio.context.store.createShoot('voice contract', '')).id;
  speech = await record(shootId, 8);
  auth = await record(shootId, 5, { role: 'auth', lang: 'zh', speaker: 'Li Hua', company: 'RuYing <b>Ltd</b>' });
  // A video take (its recording only) to send where a voice take is expected.
  const v = await ok<Take>(
    studio.dispatch('recording.start', {
      shootId,
      mimeType: 'video/webm',
      bitsPerSecond: 1e6,
      preset: 'standard-short',
      devices: { camera: { deviceId: 'c', label: 'cam', width: 590, height: 590, frameRate: 25 }, microphone: { ...mic, sampleRate: 48000 } },
    }),
  );
  video = v;
}, 120_000);

describe('voice take roles (§8.6)', () => {
  it('stores the role set at Record, with the script main fills in from the standard', () => {
    expect(speech.voice).toEqual({ role: 'speech' });
    expect(auth.voice).toEqual({ role: 'auth', lang: 'zh', speaker: 'Li Hua', company: 'RuYing <b>Ltd</b>', script: authScript('zh', 'Li Hua', 'RuYing <b>Ltd</b>') });
  });

  it('a speech take cannot be checked as the authorization, nor the authorization as speech', async () => {
    const a = await studio.dispatch('voice.checkTake', { shootId, takeId: speech.id, target: 'auth' });
    expect(a).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/recorded as speech/) } });
    const b = await studio.dispatch('voice.checkTake', { shootId, takeId: auth.id, target: 'tts6' });
    expect(b).toMatchObject({ ok: false, error: { code: 'bad-argument', message: expect.stringMatching(/recorded as the authorization/) } });
    const c = await ok<{ target: string; findings: { rule: string }[] }>(studio.dispatch('voice.checkTake', { shootId, takeId: auth.id, target: 'auth' }));
    expect(c.findings.map((f) => f.rule)).toContain('voice.auth-words-unverified');
  }, 120_000);
});

const cases: [string, string, unknown, string | RegExp][] = [
  ['denoise: take id traversal', 'voice.denoiseTake', { shootId: '../..', takeId: 'take-001', jobId }, 'bad-argument'],
  ['denoise: take id with a slash', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'take-001/../../x', jobId }, 'bad-argument'],
  ['denoise: unknown take', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'take-999', jobId }, /not-found|bad-argument/],
  ['denoise: a video take', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'VIDEO', jobId }, 'bad-argument'],
  ['denoise: no job id', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'SPEECH' }, 'bad-argument'],
  ['denoise: job id with a path', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'SPEECH', jobId: '../../etc/x' }, 'bad-argument'],
  ['denoise: huge job id', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'SPEECH', jobId: 'x'.repeat(5000) }, 'bad-argument'],
  ['denoise: an output path smuggled in', 'voice.denoiseTake', { shootId: 'SHOOT', takeId: 'SPEECH', jobId, out: '/tmp/evil.wav' }, 'bad-argument'],
  ['denoise: numbers for ids', 'voice.denoiseTake', { shootId: 1, takeId: 2, jobId }, 'bad-argument'],
  ['export: unknown target', 'voice.export', { shootId: 'SHOOT', target: 'auth' }, 'bad-argument'],
  ['export: bad language tag', 'voice.export', { shootId: 'SHOOT', target: 'tts6', languages: ['en; rm -rf ~'] }, 'bad-argument'],
  ['export: 21 languages', 'voice.export', { shootId: 'SHOOT', target: 'tts6', languages: Array(21).fill('en') }, 'bad-argument'],
  ['export: out dir smuggled in', 'voice.export', { shootId: 'SHOOT', target: 'tts6', outDir: '/tmp' }, 'bad-argument'],
  ['export: shoot traversal', 'voice.export', { shootId: '../../..', target: 'tts6' }, 'bad-argument'],
  ['export: unknown shoot', 'voice.export', { shootId: 'no-such-shoot', target: 'tts6' }, /not-found|bad-argument/],
  ['cancel: bad job id', 'voice.cancel', { jobId: '../../x' }, 'bad-argument'],
  ['cancel: no job id', 'voice.cancel', {}, 'bad-argument'],
  ['check: auth role on a speech take', 'voice.checkTake', { shootId: 'SHOOT', takeId: 'SPEECH', target: 'auth' }, 'bad-argument'],
  ['check: a video take', 'voice.checkTake', { shootId: 'SHOOT', takeId: 'VIDEO', target: 'tts6' }, 'bad-argument'],
  ['record: auth role without names', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'auth' } }, 'bad-argument'],
  ['record: unknown role', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'owner' } }, 'bad-argument'],
  ['record: unknown auth language', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'auth', lang: 'fr', speaker: 'a', company: 'b' } }, 'bad-argument'],
  ['record: 81-character name', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'auth', lang: 'en', speaker: 'x'.repeat(81), company: 'b' } }, 'bad-argument'],
  ['record: a line break in a name', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'auth', lang: 'en', speaker: 'Li\nHua', company: 'b' } }, 'bad-argument'],
  ['record: script supplied by the page', 'recording.start', { kind: 'voice', shootId: 'SHOOT', format, devices: { microphone: mic }, voice: { role: 'auth', lang: 'en', speaker: 'a', company: 'b', script: 'I agree to nothing' } }, 'bad-argument'],
];

describe('voice calls refuse hostile and careless inputs', () => {
  const fill = (x: unknown): unknown =>
    JSON.parse(JSON.stringify(x).replaceAll('"SHOOT"', JSON.stringify(shootId)).replaceAll('"SPEECH"', JSON.stringify(speech.id)).replaceAll('"VIDEO"', JSON.stringify(video.id)));
  it.each(cases)('%s', async (_label, method, input, code) => {
    const before = readdirSync(await studio.context.store.shootDir(shootId)).sort();
    const r = await studio.dispatch(method, fill(input));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toMatch(code);
    expect(readdirSync(await studio.context.store.shootDir(shootId)).sort()).toEqual(before);
    expect(existsSync(path.join(await studio.context.store.takeDir(shootId, speech.id), 'take.denoised.wav'))).toBe(false);
  });
});

describe('A/B twin and export through the dispatcher', () => {
  it('makes take.denoised.wav beside take.wav once, with progress, and reuses it', async () => {
    const dir = await studio.context.store.takeDir(shootId, speech.id);
    const original = sha(path.join(dir, 'take.wav'));
    const progress: number[] = [];
    const off = studio.bus.subscribe((event, payload) => {
      const p = payload as { jobId: string; fraction: number };
      if (event === 'voice.progress' && p.jobId === jobId) progress.push(p.fraction);
    });
    const r = await ok<{ denoisedPath: string; denoisedUrl: string; originalUrl: string; before: { noiseFloorDb: number }; after: { noiseFloorDb: number; clippedSamples: number } }>(
      studio.dispatch('voice.denoiseTake', { shootId, takeId: speech.id, jobId }),
    );
    off();
    expect(r.denoisedPath).toBe(path.join(dir, 'take.denoised.wav'));
    expect(r.originalUrl).toMatch(/^\/media\//);
    expect(r.denoisedUrl).toMatch(/^\/media\//);
    expect(r.after.noiseFloorDb).toBeLessThan(r.before.noiseFloorDb);
    expect(sha(path.join(dir, 'take.wav'))).toBe(original);
    expect(progress.length).toBeGreaterThan(2);
    const made = sha(r.denoisedPath);
    const again = await ok<{ after: unknown }>(studio.dispatch('voice.denoiseTake', { shootId, takeId: speech.id, jobId: 'job-test-2' }));
    expect(again.after).toEqual(r.after);
    expect(sha(r.denoisedPath)).toBe(made);
    // A cancel for a job that is not running says so.
    expect(await ok(studio.dispatch('voice.cancel', { jobId: 'job-none-1' }))).toEqual({ cancelled: false });
  }, 180_000);

  it('exports the speech take as the segment and the authorization take as authorization.wav', async () => {
    const r = await ok<{ dir: string; segments: number; auth: boolean; files: string[] }>(studio.dispatch('voice.export', { shootId, target: 'tts6', languages: ['zh-CN'], jobId: 'job-export-1' }));
    expect(r).toMatchObject({ segments: 1, auth: true });
    expect(r.files).toContain('authorization.wav');
    expect(sha(path.join(r.dir, 'segment-01.wav'))).toBe(sha(path.join(await studio.context.store.takeDir(shootId, speech.id), 'take.wav')));
    expect(sha(path.join(r.dir, 'authorization.wav'))).toBe(sha(path.join(await studio.context.store.takeDir(shootId, auth.id), 'take.wav')));
    const task = JSON.parse(readFileSync(path.join(r.dir, 'voice_task.json'), 'utf8')) as { authorization: { take: string; script: string; wordsVerified: boolean } };
    expect(task.authorization).toMatchObject({ take: auth.id, script: authScript('zh', 'Li Hua', 'RuYing <b>Ltd</b>'), wordsVerified: false });
  }, 300_000);

  it('voice.cancel stops a running export: the call ends cancelled and no folder is left', async () => {
    const exports = path.join(await studio.context.store.shootDir(shootId), 'exports');
    const before = readdirSync(exports).sort();
    const id = 'job-cancel-1';
    let asked = false;
    const off = studio.bus.subscribe((event, payload) => {
      const p = payload as { jobId: string; fraction: number };
      if (event === 'voice.progress' && p.jobId === id && p.fraction > 0.02 && !asked) {
        asked = true;
        void studio.dispatch('voice.cancel', { jobId: id }).then((r) => expect(r).toEqual({ ok: true, value: { cancelled: true } }));
      }
    });
    const r = await studio.dispatch('voice.export', { shootId, target: 'tts6', jobId: id });
    off();
    expect(asked).toBe(true);
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(exports).sort()).toEqual(before);
  }, 300_000);
});
