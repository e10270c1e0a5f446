/**
 * The fast voice QC path (#16 item 10) against the slow one it replaced, on real speech. The slow
 * path is rebuilt here from its parts as they were: Silero on onnxruntime-web's wasm build (the live
 * page's runtime), ffmpeg's astats peak and peak count on every file, and qc/audio-analyzer's
 * AudioAnalyzer measuring pitch on every 8-kHz frame. The fast path (analyzeVoiceFile) must give the
 * same verdict, the same findings and the same speech total (±0.5 s), and the hand labels of
 * silero-test.wav still hold. No timing is asserted.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateFfmpeg, probeMedia } from '../../src/main/services/ffmpeg';
import { analyzeVoiceFile } from '../../src/main/services/voice/analyze-file';
import { loadSileroNode } from '../../src/main/services/voice/silero-node';
import { AudioAnalyzer } from '../../src/shared/qc/audio-analyzer';
import { pitchGroups } from '../../src/shared/qc/audio-rules';
import { AUDIO_ANALYSIS, VOICE_VAD } from '../../src/shared/standards';
import { episodesFromProbs, speechMask } from '../../src/shared/voice/episodes';
import { fft, PITCH_RATE, speechPitchFrames, VoiceFrameAnalyzer } from '../../src/shared/voice/frames';
import { voiceQc } from '../../src/shared/voice/qc';
import { sileroProbs } from '../../src/shared/voice/silero';
import { ffmpegSync, tempDir } from './helpers/derive';
import { mediaFile, repoRoot } from './helpers/media';

const tmp = tempDir('capture-studio-voice-fast-');
afterAll(tmp.cleanup);
const jfk = mediaFile('audio/jfk.wav');
const silero = mediaFile('audio/silero-test.wav');

function derive(name: string, args: string[]): string {
  const out = path.join(tmp.dir, name);
  ffmpegSync([...args, out]);
  return out;
}

/** 16-kHz mono float PCM by ffmpeg, as both paths see it. */
function pcm16k(file: string): Float32Array {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:a:0', '-af', `aresample=${VOICE_VAD.sampleRate},aformat=sample_fmts=flt:channel_layouts=mono`, '-f', 'f32le', 'pipe:1'], { maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  const b = r.stdout;
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length - (b.length % 4)));
}

/** The 16-bit samples AudioAnalyzer was fed: 16-kHz pairs averaged, as the old decode did. */
function s16At8k(x: Float32Array): Uint8Array {
  const n = Math.floor(x.length / 2);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round((x[2 * i]! + x[2 * i + 1]!) * 0.5 * 32768)));
  return new Uint8Array(out.buffer);
}

function astats(file: string): { peakDb: number | null; peakCount: number } {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-map', '0:a:0', '-af', 'astats=measure_perchannel=none:measure_overall=Peak_level+Peak_count', '-f', 'null', '-'], { encoding: 'utf8' });
  const overall = r.stderr.slice(r.stderr.lastIndexOf('Overall'));
  const p = /Peak level dB:\s*(-?[\d.]+|-inf)/.exec(overall);
  const c = /Peak count:\s*([\d.]+)/.exec(overall);
  return { peakDb: !p || p[1] === '-inf' ? null : Number(p[1]), peakCount: c ? Math.round(Number(c[1])) : 0 };
}

async function slowPath(file: string, target: 'tts6' | 'tts3') {
  const probe = await probeMedia(file, await locateFfmpeg());
  const x = pcm16k(file);
  const frames = new VoiceFrameAnalyzer();
  frames.push(x);
  const vf = frames.end();
  const model = await loadSileroNode('wasm');
  expect(model.runtime).toBe('wasm');
  const probs = (await sileroProbs(model, x)).subarray(0, vf.count);
  const frameS = VOICE_VAD.frameSamples / VOICE_VAD.sampleRate;
  const episodes = episodesFromProbs(probs, frameS);
  let on = 0;
  for (const p of probs) if (p >= VOICE_VAD.onProb) on++;
  const pitch = new AudioAnalyzer(PITCH_RATE as typeof AUDIO_ANALYSIS.sampleRate);
  pitch.push(s16At8k(x));
  const pframes = pitch.end();
  const mask = speechMask(episodes, pframes.length, AUDIO_ANALYSIS.frameMs / 1000);
  const groups = pitchGroups(pframes, Array.from(mask, (v) => v === 1));
  const ext = path.extname(file).slice(1).toLowerCase();
  return voiceQc(
    { ext, codec: probe.audio!.codec, sampleRate: probe.audio!.sampleRate, channels: probe.audio!.channels, durationS: probe.durationSec, ...astats(file), frames: vf, episodes, speechS: on * frameS, detector: 'silero-vad-v5', pitchGroupsHz: groups.map((g) => Math.round(g.hz)) },
    target,
  );
}

const findings = (r: { findings: { rule: string; severity: string }[] }) => r.findings.map((f) => `${f.severity}:${f.rule}`).sort();

describe('fast voice QC = slow voice QC', () => {
  const cases: [string, () => string, 'tts6' | 'tts3'][] = [
    ['silero-test.wav', () => silero, 'tts6'],
    ['jfk.wav', () => jfk, 'tts6'],
    ['jfk.wav +20 dB (clipping: the astats pass runs)', () => derive('jfk-loud.wav', ['-i', jfk, '-af', 'volume=20dB', '-c:a', 'pcm_s16le']), 'tts6'],
    ['jfk.wav +20 dB as float WAV (samples over full scale; volumedetect sees 0 dB, astats the true peak)', () => derive('jfk-loud-float.wav', ['-i', jfk, '-af', 'volume=20dB', '-c:a', 'pcm_f32le']), 'tts6'],
    ['5 s of digital silence (no peak at all)', () => derive('silence.wav', ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-t', '5', '-c:a', 'pcm_f32le']), 'tts6'],
    ['a 3-min loop of silero-test.wav at 48 kHz', () => derive('loop-3min.wav', ['-stream_loop', '-1', '-i', silero, '-t', '180', '-ar', '48000', '-c:a', 'pcm_s16le']), 'tts3'],
  ];
  it.each(cases)('%s: same verdict, findings and speech total', async (_name, file, target) => {
    const f = file();
    const slow = await slowPath(f, target);
    const fast = await analyzeVoiceFile(f, { target });
    expect(fast.stats.vadRuntime).toBe('native');
    expect(fast.verdict).toBe(slow.verdict);
    expect(findings(fast)).toEqual(findings(slow));
    expect(Math.abs(fast.stats.speechS - slow.stats.speechS)).toBeLessThanOrEqual(0.5);
    expect(fast.stats.clippedSamples).toBe(slow.stats.clippedSamples);
    // volumedetect's 0.1-dB steps against astats' exact peak, both rounded to 0.1 dB.
    expect(Math.abs((fast.stats.peakDb ?? -999) - (slow.stats.peakDb ?? -999))).toBeLessThanOrEqual(0.1);
    expect(fast.stats.noiseFloorDb).toBe(slow.stats.noiseFloorDb);
    expect(fast.stats.snrDb).toBe(slow.stats.snrDb);
  });

  it('silero-test.wav: the fast path is still within 1 s of the hand labels', async () => {
    const labels = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/silero-test-speech-labels.json'), 'utf8')) as { episodes: [number, number][] };
    const labelled = labels.episodes.reduce((s, [a, b]) => s + (b - a), 0);
    const r = await analyzeVoiceFile(silero, { target: 'tts6' });
    expect(Math.abs(r.stats.speechS - labelled)).toBeLessThanOrEqual(1);
  });

  it('native and wasm Silero answer the same probabilities on silero-test.wav (one detector, two runtimes)', async () => {
    const x = pcm16k(silero);
    const native = await loadSileroNode('native');
    expect(native.runtime).toBe('native');
    const a = await sileroProbs(native, x);
    const b = await sileroProbs(await loadSileroNode('wasm'), x);
    expect(a.length).toBe(b.length);
    let maxDiff = 0;
    let flips = 0;
    for (let i = 0; i < a.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs(a[i]! - b[i]!));
      if (a[i]! >= VOICE_VAD.onProb !== b[i]! >= VOICE_VAD.onProb) flips++;
    }
    expect(maxDiff).toBeLessThan(1e-3);
    expect(flips).toBe(0);
  });

  it('pitch on speech frames only: every speech frame has the f0 AudioAnalyzer measured', () => {
    const x = pcm16k(jfk);
    const ref = new AudioAnalyzer(PITCH_RATE as typeof AUDIO_ANALYSIS.sampleRate);
    ref.push(s16At8k(x));
    const all = ref.end();
    // Every other frame counts as speech: both kinds of frame are checked.
    const fast = speechPitchFrames(x, (i) => i % 2 === 0);
    expect(fast.length).toBe(all.length);
    let voiced = 0;
    for (let i = 0; i < all.length; i++) {
      expect(fast[i]!.t).toBeCloseTo(all[i]!.t, 9);
      expect(fast[i]!.f0).toBe(i % 2 === 0 ? all[i]!.f0 : null);
      if (i % 2 === 0 && all[i]!.f0 !== null) voiced++;
    }
    // Not vacuous: JFK's voiced frames are among those compared (a guard, not a tolerance).
    expect(voiced).toBeGreaterThan(10);
  });

  it('frame stats do not depend on how the PCM is chunked, and match a direct computation', () => {
    const x = pcm16k(jfk);
    const whole = new VoiceFrameAnalyzer();
    whole.push(x);
    const a = whole.end();
    const chunked = new VoiceFrameAnalyzer();
    // Chunk sizes that split frames everywhere (ffmpeg's pipe gives 64-KB chunks, 16384 floats).
    for (let i = 0, k = 0; i < x.length; k++) {
      const n = [1, 511, 513, 1000, 16384, 7][k % 6]!;
      chunked.push(x.subarray(i, i + n));
      i += n;
    }
    const b = chunked.end();
    expect(b.count).toBe(Math.floor(x.length / VOICE_VAD.frameSamples));
    for (const k of ['power', 'peak', 'band', 'high'] as const) expect(Array.from(b[k])).toEqual(Array.from(a[k]));
    for (const f of [0, 7, 100, b.count - 1]) {
      let sum = 0;
      let pk = 0;
      for (let i = f * 512; i < (f + 1) * 512; i++) {
        sum += x[i]! * x[i]!;
        pk = Math.max(pk, Math.abs(x[i]!));
      }
      expect(b.power[f]).toBeCloseTo(sum / 512, 9);
      expect(b.peak[f]).toBe(Math.fround(pk));
    }
  });

  it('the FFT with cached tables equals a direct DFT (bandwidth check input)', () => {
    const n = VOICE_VAD.frameSamples;
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + 0.3 * Math.cos(i * 1.9) + (i % 7) / 50);
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (const k of [0, 1, 10, 47, 128, 255, 256, 300, 511]) {
      let r = 0;
      let q = 0;
      for (let t = 0; t < n; t++) {
        r += x[t]! * Math.cos((-2 * Math.PI * k * t) / n);
        q += x[t]! * Math.sin((-2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(r, 8);
      expect(im[k]).toBeCloseTo(q, 8);
    }
  });
});

