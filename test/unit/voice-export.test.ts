/** The voice delivery folder: byte-exact segments, merged WAV, authorization, voice_task.json, QC. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportVoiceSession } from '../../src/main/services/voice/export-session';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile } from './helpers/media';

const tmp = tempDir('capture-studio-voice-export-');
afterAll(tmp.cleanup);
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
const seconds = (f: string) => Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', f], { encoding: 'utf8' }).trim());

describe('voice export folder', () => {
  const a = path.join(tmp.dir, 'a.wav');
  const b = path.join(tmp.dir, 'b.wav');
  ffmpegSync(['-i', mediaFile('audio/jfk.wav'), '-ar', '48000', '-c:a', 'pcm_f32le', a]);
  ffmpegSync(['-ss', '20', '-t', '15', '-i', mediaFile('audio/silero-test.wav'), '-ar', '48000', '-c:a', 'pcm_f32le', b]);
  const out = path.join(tmp.dir, 'out');

  it('copies the segments byte for byte, merges them, adds the authorization, task and QC', async () => {
    const { dir } = await exportVoiceSession({ segments: [a, b], auth: a, target: 'tts6', languages: ['en-US'], outDir: out, name: 'voice-tts6' });
    expect(readdirSync(dir).sort()).toEqual(['authorization.wav', 'merged.wav', 'qc-report.json', 'segment-01.wav', 'segment-02.wav', 'voice_task.json']);
    expect(sha(path.join(dir, 'segment-01.wav'))).toBe(sha(a));
    expect(sha(path.join(dir, 'segment-02.wav'))).toBe(sha(b));
    expect(seconds(path.join(dir, 'merged.wav'))).toBeCloseTo(seconds(a) + seconds(b), 1);
    const task = JSON.parse(readFileSync(path.join(dir, 'voice_task.json'), 'utf8')) as { target: string; languages: string[]; files: { role: string; speechS: number }[]; effectiveSpeechS: number };
    expect(task.target).toBe('tts6');
    expect(task.languages).toEqual(['en-US']);
    expect(task.files.map((f) => f.role)).toEqual(['segment', 'segment', 'merged', 'auth']);
    const segSpeech = task.files.filter((f) => f.role === 'segment').reduce((s, f) => s + f.speechS, 0);
    expect(Math.abs(task.effectiveSpeechS - segSpeech)).toBeLessThan(1);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('never writes into an existing folder, refuses names with paths, and needs segments', async () => {
    await expect(exportVoiceSession({ segments: [a], auth: null, target: 'tts6', languages: [], outDir: out, name: 'voice-tts6' })).rejects.toThrow(/already exists/);
    await expect(exportVoiceSession({ segments: [a], auth: null, target: 'tts6', languages: [], outDir: out, name: '../escape' })).rejects.toThrow(/letters, digits/);
    await expect(exportVoiceSession({ segments: [], auth: null, target: 'tts6', languages: [], outDir: out, name: 'empty' })).rejects.toThrow(/No voice segments/);
    expect(existsSync(path.join(tmp.dir, 'escape'))).toBe(false);
  });
});
