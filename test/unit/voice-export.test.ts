/**
 * The voice delivery folder: byte-exact segments, merged WAV, the authorization (as recorded and
 * its script), the noise-reduced twin of every file beside its original with levels before and
 * after, voice_task.json and the QC report; cancel leaves nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportVoiceSession } from '../../src/main/services/voice/export-session';
import { authScript } from '../../src/shared/voice/auth-scripts';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const tmp = tempDir('capture-studio-voice-export-');
afterAll(tmp.cleanup);
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const seconds = (f: string) => Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', f], { encoding: 'utf8' }).trim());
/** ffmpeg astats of a file, read independently of the studio's QC: overall peak and RMS trough. */
function astats(f: string): { peakDb: number; troughDb: number } {
  const text = execFileSync('sh', ['-c', 'ffmpeg -hide_banner -nostats -i "$1" -af astats=measure_perchannel=none -f null - 2>&1', 'sh', f], { encoding: 'utf8' });
  const num = (label: string) => Number(new RegExp(`Overall[\\s\\S]*?${label}:\\s*(-?[\\d.]+|-inf)`).exec(text)?.[1] ?? NaN);
  return { peakDb: num('Peak level dB'), troughDb: num('RMS trough dB') };
}

interface Task {
  target: string;
  languages: string[];
  effectiveSpeechS: number;
  files: { file: string; role: string; processing: string; originalFile?: string; speechS: number; noiseFloorDb: number; snrDb: number; speechLevelDb: number; peakDb: number; clippedSamples: number }[];
  noiseReduction: { tool: string; pairs: { original: string; denoised: string; filter: string; before: { noiseFloorDb: number; snrDb: number }; after: { noiseFloorDb: number; snrDb: number } }[] };
  authorization: { file: string; denoisedFile: string; script: string; speaker: string; company: string; language: string; wordsVerified: boolean };
}

describe('voice export folder', () => {
  // Segment 1: jfk with white noise of RMS −30 dBFS (uniform in ±a, RMS a/√3), 48 kHz float.
  const a = path.join(tmp.dir, 'a.wav');
  const amp = 10 ** (-30 / 20) * Math.sqrt(3);
  ffmpegSync(['-i', mediaFile('audio/jfk.wav'), '-f', 'lavfi', '-i', `anoisesrc=c=white:a=${amp}:r=16000:seed=5`, '-filter_complex', '[0][1]amix=inputs=2:duration=first:normalize=0,aresample=48000', '-c:a', 'pcm_f32le', a]);
  const b = path.join(tmp.dir, 'b.wav');
  ffmpegSync(['-ss', '20', '-t', '15', '-i', mediaFile('audio/silero-test.wav'), '-ar', '48000', '-c:a', 'pcm_f32le', b]);
  const auth = path.join(tmp.dir, 'auth.wav');
  ffmpegSync(['-t', '6', '-i', mediaFile('audio/jfk.wav'), '-ar', '48000', '-c:a', 'pcm_f32le', auth]);
  const out = path.join(tmp.dir, 'out');
  const script = authScript('en', 'Li Hua', 'RuYing');

  it('originals byte for byte, denoised twins beside them, merged, authorization, task and QC', async () => {
    const progress: number[] = [];
    const { dir, files } = await exportVoiceSession({
      segments: [a, b],
      auth: { file: auth, takeId: 'take-003', lang: 'en', speaker: 'Li Hua', company: 'RuYing', script },
      target: 'tts6',
      languages: ['en-US'],
      outDir: out,
      name: 'voice-tts6',
      onProgress: (p) => progress.push(p.fraction),
    });
    expect(files).toEqual([
      'authorization.denoised.wav',
      'authorization.wav',
      'merged.denoised.wav',
      'merged.wav',
      'qc-report.json',
      'segment-01.denoised.wav',
      'segment-01.wav',
      'segment-02.denoised.wav',
      'segment-02.wav',
      'voice_task.json',
    ]);
    expect(readdirSync(dir).sort()).toEqual(files);
    // The originals are untouched copies; the processed files are new files of the same length.
    expect(sha(path.join(dir, 'segment-01.wav'))).toBe(sha(a));
    expect(sha(path.join(dir, 'segment-02.wav'))).toBe(sha(b));
    expect(sha(path.join(dir, 'authorization.wav'))).toBe(sha(auth));
    expect(sha(path.join(dir, 'segment-01.denoised.wav'))).not.toBe(sha(a));
    expect(seconds(path.join(dir, 'segment-01.denoised.wav'))).toBeCloseTo(seconds(a), 2);
    expect(seconds(path.join(dir, 'merged.wav'))).toBeCloseTo(seconds(a) + seconds(b), 1);
    expect(seconds(path.join(dir, 'merged.denoised.wav'))).toBeCloseTo(seconds(a) + seconds(b), 1);

    const task = JSON.parse(readFileSync(path.join(dir, 'voice_task.json'), 'utf8')) as Task;
    expect(task.target).toBe('tts6');
    expect(task.languages).toEqual(['en-US']);
    expect(task.files.map((f) => `${f.role}:${f.processing}`)).toEqual([
      'segment:original',
      'segment:denoised',
      'segment:original',
      'segment:denoised',
      'merged:original',
      'merged:denoised',
      'auth:original',
      'auth:denoised',
    ]);
    expect(task.files.filter((f) => f.processing === 'denoised').map((f) => f.originalFile)).toEqual(['segment-01.wav', 'segment-02.wav', 'merged.wav', 'authorization.wav']);
    const segSpeech = task.files.filter((f) => f.role === 'segment' && f.processing === 'original').reduce((s, f) => s + f.speechS, 0);
    expect(Math.abs(task.effectiveSpeechS - segSpeech)).toBeLessThan(1);
    // The authorization: the role's script and names, and the plain fact that words are not checked.
    expect(task.authorization).toMatchObject({ file: 'authorization.wav', denoisedFile: 'authorization.denoised.wav', language: 'en', speaker: 'Li Hua', company: 'RuYing', script, wordsVerified: false });

    // Noise reduction on the noisy segment: the floor drops ≥ 6 dB and SNR rises, by our QC…
    const pair = task.noiseReduction.pairs.find((p) => p.original === 'segment-01.wav')!;
    expect(task.noiseReduction.tool).toBe('ffmpeg afftdn');
    expect(pair.before.noiseFloorDb).toBeGreaterThan(-32);
    expect(pair.after.noiseFloorDb).toBeLessThan(pair.before.noiseFloorDb - 6);
    expect(pair.after.snrDb).toBeGreaterThan(pair.before.snrDb + 6);
    // …and by ffmpeg's astats, independently: the quietest RMS window drops, the peak does not rise.
    const rawStats = astats(path.join(dir, 'segment-01.wav'));
    const dnStats = astats(path.join(dir, 'segment-01.denoised.wav'));
    expect(dnStats.troughDb).toBeLessThan(rawStats.troughDb - 6);
    expect(dnStats.peakDb).toBeLessThanOrEqual(rawStats.peakDb + 0.1);
    // No clipping introduced anywhere, by the same QC as the originals.
    for (const f of task.files.filter((x) => x.processing === 'denoised')) {
      const orig = task.files.find((x) => x.file === f.originalFile)!;
      expect(f.clippedSamples).toBeLessThanOrEqual(orig.clippedSamples);
      expect(f.peakDb).toBeLessThanOrEqual(orig.peakDb + 0.1);
    }
    const seg1 = task.files.filter((f) => f.file.startsWith('segment-01'));
    console.log(`afftdn on jfk + noise −30 dBFS: floor ${pair.before.noiseFloorDb} → ${pair.after.noiseFloorDb} dBFS, SNR ${pair.before.snrDb} → ${pair.after.snrDb} dB, speech level ${seg1[0]!.speechLevelDb} → ${seg1[1]!.speechLevelDb} dBFS, peak ${seg1[0]!.peakDb} → ${seg1[1]!.peakDb}; astats trough ${rawStats.troughDb} → ${dnStats.troughDb}`);
    const qc = JSON.parse(readFileSync(path.join(dir, 'qc-report.json'), 'utf8')) as { files: Record<string, { verdict: string }>; noiseReduction: unknown[] };
    expect(Object.keys(qc.files).sort()).toEqual(files.filter((f) => f.endsWith('.wav')).sort());
    expect(qc.noiseReduction).toHaveLength(4);
    // Progress only grows and ends at 1.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.every((p, i) => i === 0 || p >= progress[i - 1]! - 1e-9)).toBe(true);
    expect(progress.at(-1)).toBeCloseTo(1, 5);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  }, 300_000);

  it('cancel stops the job and leaves no folder behind', async () => {
    const abort = new AbortController();
    const run = exportVoiceSession({ segments: [b], auth: null, target: 'tts6', languages: [], outDir: out, name: 'cancelled', signal: abort.signal, onProgress: (p) => p.fraction > 0.05 && abort.abort() });
    await expect(run).rejects.toThrow(/cancel/i);
    expect(readdirSync(out).sort()).toEqual(['voice-tts6']);
  }, 120_000);

  it('never writes into an existing folder, refuses names with paths, and needs segments', async () => {
    await expect(exportVoiceSession({ segments: [a], auth: null, target: 'tts6', languages: [], outDir: out, name: 'voice-tts6' })).rejects.toThrow(/already exists/);
    await expect(exportVoiceSession({ segments: [a], auth: null, target: 'tts6', languages: [], outDir: out, name: '../escape' })).rejects.toThrow(/letters, digits/);
    await expect(exportVoiceSession({ segments: [a], auth: null, target: 'tts6', languages: [], outDir: out, name: '.hidden' })).rejects.toThrow(/letters, digits/);
    await expect(exportVoiceSession({ segments: [], auth: null, target: 'tts6', languages: [], outDir: out, name: 'empty' })).rejects.toThrow(/No voice segments/);
    expect(existsSync(path.join(tmp.dir, 'escape'))).toBe(false);
  });
});
