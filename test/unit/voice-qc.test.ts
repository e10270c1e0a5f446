/**
 * Voice QC (§8–10) on real speech and variants made here with ffmpeg. Expected values come from
 * outside the code: the hand labels of silero-test.wav (test/fixtures, made from waveform pictures)
 * and the way each variant was made (+20 dB gain clips; white noise of RMS −30 dBFS; a steep
 * 3.4-kHz low-pass removes everything a Bluetooth headset would).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { analyzeVoiceFile } from '../../src/main/services/voice/analyze-file';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

const tmp = tempDir('capture-studio-voice-');
afterAll(tmp.cleanup);
const jfk = mediaFile('audio/jfk.wav');
const silero = mediaFile('audio/silero-test.wav');

function derive(name: string, args: string[]): string {
  const out = path.join(tmp.dir, name);
  ffmpegSync([...args, out]);
  return out;
}

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: process.env });
  return { code, stdout, stderr };
}

const rules = (r: { findings: { rule: string; severity: string }[] }) => r.findings.map((f) => `${f.severity}:${f.rule}`);

describe('voice QC on real speech', () => {
  it('measures the speech of silero-test.wav within 1 s of the hand labels, with Silero', async () => {
    const labels = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/silero-test-speech-labels.json'), 'utf8')) as { sha256Prefix: string; speechSeconds: number; episodes: [number, number][] };
    expect(createHash('sha256').update(readFileSync(silero)).digest('hex').startsWith(labels.sha256Prefix)).toBe(true);
    const labelled = labels.episodes.reduce((s, [a, b]) => s + (b - a), 0);
    expect(labelled).toBeCloseTo(labels.speechSeconds, 1);
    const r = await analyzeVoiceFile(silero, { target: 'tts6' });
    expect(r.stats.detector).toBe('silero-vad-v5');
    expect(Math.abs(r.stats.speechS - labelled)).toBeLessThanOrEqual(1);
    expect(r.stats.sampleRate).toBe(16000);
  });

  it('jfk.wav is too short for TTS6 (§10): fail, exit 1, JSON in the issue shape', async () => {
    const out = path.join(tmp.dir, 'jfk.json');
    const r = await cli('voice-check', jfk, '--target', 'tts6', '--json', out);
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { verdict: string; findings: { rule: string; severity: string; section: string; start: number; end: number; message: string }[]; stats: Record<string, unknown> };
    expect(json.verdict).toBe('fail');
    const short = json.findings.find((f) => f.rule === 'voice.too-short');
    expect(short).toMatchObject({ severity: 'error', section: '§10' });
    for (const k of ['durationS', 'speechS', 'sampleRate', 'peakDb', 'noiseFloorDb', 'snrDb', 'clippedSamples']) expect(json.stats).toHaveProperty(k);
    // 11.0 s file (README); speech cannot exceed it and JFK speaks most of it.
    expect(json.stats.durationS).toBeCloseTo(11, 0);
    expect(json.stats.speechS as number).toBeGreaterThan(4);
    expect(json.stats.speechS as number).toBeLessThan(11);
    expect(json.stats.clippedSamples).toBe(0);
    expect(rules(json)).not.toContain('warn:voice.narrowband');
  });

  it('+20 dB gain → clipping (error)', async () => {
    const hot = derive('jfk-hot.wav', ['-i', jfk, '-af', 'volume=20dB', '-c:a', 'pcm_s16le']);
    const r = await analyzeVoiceFile(hot, { target: 'tts6' });
    expect(rules(r)).toContain('error:voice.clipping');
    expect(r.stats.clippedSamples).toBeGreaterThan(100);
  });

  it('mixed with white noise at −30 dBFS RMS → noise floor and SNR fail', async () => {
    // anoisesrc white is uniform in [−a, a]: RMS = a/√3, so a = 10^(−30/20)·√3.
    const a = (10 ** (-30 / 20) * Math.sqrt(3)).toFixed(4);
    const noisy = derive('jfk-noise.wav', ['-i', jfk, '-f', 'lavfi', '-i', `anoisesrc=c=white:a=${a}:r=16000:seed=7`, '-filter_complex', '[0][1]amix=inputs=2:duration=first:normalize=0', '-c:a', 'pcm_s16le']);
    const r = await analyzeVoiceFile(noisy, { target: 'tts6' });
    expect(rules(r)).toContain('error:voice.noise-floor');
    expect(rules(r)).toContain('error:voice.snr');
    expect(r.stats.noiseFloorDb!).toBeGreaterThan(-32);
    expect(r.stats.noiseFloorDb!).toBeLessThan(-28);
  });

  it('low-passed at 3.4 kHz (steep FIR) → narrowband warning (§8.2)', async () => {
    const lp = derive('jfk-lp.wav', ['-i', jfk, '-af', "firequalizer=gain='if(lt(f,3400),0,-200)'", '-c:a', 'pcm_s16le']);
    const r = await analyzeVoiceFile(lp, { target: 'tts6' });
    expect(rules(r)).toContain('warn:voice.narrowband');
  });

  it('--denoise: afftdn lowers the noise floor and raises the SNR, keeps the original, never overwrites', async () => {
    const a = (10 ** (-30 / 20) * Math.sqrt(3)).toFixed(4);
    const noisy = derive('jfk-noise-dn.wav', ['-i', jfk, '-f', 'lavfi', '-i', `anoisesrc=c=white:a=${a}:r=16000:seed=3`, '-filter_complex', '[0][1]amix=inputs=2:duration=first:normalize=0', '-c:a', 'pcm_s16le']);
    const sha = () => createHash('sha256').update(readFileSync(noisy)).digest('hex');
    const before = sha();
    const out = path.join(tmp.dir, 'jfk-denoised.wav');
    const r = await cli('voice-check', noisy, '--target', 'tts6', '--denoise', out);
    expect(r.stdout).toMatch(/denoised → .*original kept/);
    expect(sha()).toBe(before);
    // Independent of our QC: ffmpeg astats' RMS trough (the quietest window) of both files.
    const stderrOf = (f: string) => spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', f, '-af', 'astats=measure_perchannel=none:measure_overall=RMS_trough', '-f', 'null', '-'], { encoding: 'utf8' }).stderr;
    const nf = (f: string) => Number(/RMS trough dB:\s*(-?[\d.]+)/.exec(stderrOf(f))?.[1]);
    expect(nf(out)).toBeLessThan(nf(noisy) - 6);
    const after = await analyzeVoiceFile(out, { target: 'tts6' });
    const orig = await analyzeVoiceFile(noisy, { target: 'tts6' });
    expect(after.stats.noiseFloorDb!).toBeLessThan(orig.stats.noiseFloorDb! - 6);
    expect(after.stats.snrDb!).toBeGreaterThan(orig.stats.snrDb!);
    const again = await cli('voice-check', noisy, '--target', 'tts6', '--denoise', out);
    expect(again.code).toBe(2);
    expect(again.stdout + again.stderr).toMatch(/exists/);
  });

  it('says when the energy fallback measured the speech', async () => {
    const r = await analyzeVoiceFile(jfk, { target: 'auth', detector: 'energy' });
    expect(r.stats.detector).toBe('energy');
    expect(rules(r)).toContain('info:voice.vad-fallback');
    expect(rules(r)).toContain('info:voice.auth-words-unverified');
  });
});

describe('voice-check with careless and hostile input', () => {
  const notAudio = path.join(tmp.dir, 'notes.wav');
  writeFileSync(notAudio, 'this is a text file called .wav\n');
  const empty = path.join(tmp.dir, 'empty.wav');
  writeFileSync(empty, '');
  const table: { what: string; argv: () => string[]; code: number; out: RegExp }[] = [
    { what: 'no such file', argv: () => ['voice-check', path.join(tmp.dir, 'missing.wav'), '--target', 'tts6'], code: 2, out: /no such file/ },
    { what: 'a folder', argv: () => ['voice-check', tmp.dir, '--target', 'tts6'], code: 2, out: /folder/ },
    { what: 'an empty file', argv: () => ['voice-check', empty, '--target', 'tts6'], code: 2, out: /empty/ },
    { what: 'text named .wav', argv: () => ['voice-check', notAudio, '--target', 'tts6'], code: 2, out: /notes\.wav/ },
    { what: 'no --target', argv: () => ['voice-check', jfk], code: 2, out: /--target/ },
    { what: 'a wrong --target', argv: () => ['voice-check', jfk, '--target', 'tts9'], code: 2, out: /tts3, tts6, large, auth/ },
    { what: 'a video without audio', argv: () => ['voice-check', mediaFile('driving-d0.mp4'), '--target', 'tts6'], code: 1, out: /voice\.no-audio/ },
    { what: 'an unsupported container (.ogg)', argv: () => [
        'voice-check', derive('jfk.ogg', ['-i', jfk, '-c:a', 'libvorbis']), '--target', 'auth'], code: 1, out: /voice\.format.*\.ogg/ },
  ];
  for (const row of table) {
    it(`${row.what} → exit ${row.code} with one clear sentence`, async () => {
      const r = await cli(...row.argv());
      expect(r.code).toBe(row.code);
      expect(r.stdout + r.stderr).toMatch(row.out);
    });
  }
});
