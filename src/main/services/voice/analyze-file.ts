/**
 * Voice QC of one file (§8–10): one ffmpeg decode gives 16-kHz mono float PCM on stdout (level,
 * noise, bandwidth, pitch, VAD) and, on a second branch at the file's own rate and channels,
 * ffmpeg's astats peak and peak count (clipping is a property of the recorded samples, before any
 * resampling). Speech is found by Silero VAD, or by level when Silero cannot load (the result says
 * which ran).
 */
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { pitchGroups } from '../../../shared/qc/audio-rules';
import { AUDIO_ANALYSIS, VOICE_VAD, type VoiceTargetId } from '../../../shared/standards';
import { energyProbs, episodesFromProbs, speechMask, type Episode } from '../../../shared/voice/episodes';
import { powerDb, speechPitchFrames, VoiceFrameAnalyzer } from '../../../shared/voice/frames';
import { voiceQc, type VoiceDetector, type VoiceQcResult } from '../../../shared/voice/qc';
import { sileroProbs } from '../../../shared/voice/silero';
import { locateFfmpeg, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';
import { loadSileroNode, SILERO_DETECTOR, type SileroRuntime } from './silero-node';

export interface VoiceProgress {
  stage: 'decode' | 'vad';
  fraction: number;
}

export interface AnalyzeVoiceOptions {
  target: VoiceTargetId;
  ff?: FfmpegInfo;
  signal?: AbortSignal;
  onProgress?: (p: VoiceProgress) => void;
  /** Force the energy detector (tests of the fallback). */
  detector?: 'silero' | 'energy';
  /** Silero's runtime: native (default, wasm when it cannot load) or the page's wasm build. */
  vadRuntime?: SileroRuntime;
}

export interface VoiceFileReport extends VoiceQcResult {
  file: string;
}

/** Growable float store: 16-kHz mono for the whole file (30 min ≈ 115 MB). */
class FloatStore {
  private buf = new Float32Array(16000 * 60);
  length = 0;
  push(x: Float32Array): void {
    if (this.length + x.length > this.buf.length) {
      const next = new Float32Array(Math.max(this.buf.length * 2, this.length + x.length));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.buf.set(x, this.length);
    this.length += x.length;
  }
  view(): Float32Array {
    return this.buf.subarray(0, this.length);
  }
}

export async function analyzeVoiceFile(file: string, opts: AnalyzeVoiceOptions): Promise<VoiceFileReport> {
  const ff = opts.ff ?? (await locateFfmpeg());
  const probe = await probeMedia(file, ff);
  const ext = path.extname(file).slice(1).toLowerCase();
  const base = { ext, codec: probe.audio?.codec ?? null, sampleRate: probe.audio?.sampleRate ?? null, channels: probe.audio?.channels ?? null, durationS: probe.durationSec };
  if (!probe.audio) {
    return { file, ...voiceQc({ ...base, peakDb: null, peakCount: 0, frames: null, episodes: [], speechS: 0, detector: 'energy', pitchGroupsHz: [] }, opts.target) };
  }
  const frames = new VoiceFrameAnalyzer();
  const store = new FloatStore();
  let carry = Buffer.alloc(0);
  let peakDb: number | null = null;
  let peakCount = 0;
  let overall = false;
  await streamFfmpeg(
    ff,
    [
      '-i', `file:${file}`,
      '-filter_complex',
      `[0:a:0]asplit=2[a][b];[a]aresample=${VOICE_VAD.sampleRate},aformat=sample_fmts=flt:channel_layouts=mono[pcm];[b]astats=measure_perchannel=none:measure_overall=Peak_level+Peak_count[stats]`,
      '-map', '[pcm]', '-f', 'f32le', 'pipe:1',
      '-map', '[stats]', '-f', 'null', '-',
    ],
    {
      signal: opts.signal,
      durationSec: probe.durationSec,
      onProgress: (p) => p.progress !== null && opts.onProgress?.({ stage: 'decode', fraction: p.progress }),
      onData: (chunk) => {
        const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const whole = bytes.length - (bytes.length % 4);
        carry = Buffer.from(bytes.subarray(whole));
        // A copy into its own buffer is 4-byte aligned, so it can be viewed as floats (LE on x86/ARM).
        const aligned = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + whole));
        frames.push(aligned);
        store.push(aligned);
      },
      onStderrLine: (line) => {
        if (/\] Overall$/.test(line.trim())) overall = true;
        if (!overall) return;
        const p = /Peak level dB:\s*(-?[\d.]+|-inf)/.exec(line);
        if (p) peakDb = p[1] === '-inf' ? null : Number(p[1]);
        const c = /Peak count:\s*([\d.]+)/.exec(line);
        if (c) peakCount = Math.round(Number(c[1]));
      },
    },
  );
  const vf = frames.end();
  const vad = await detectSpeech(store.view(), vf.count, Array.from(vf.power, powerDb), opts);
  // Pitch (second speaker) after the VAD, on speech frames only, at 8 kHz: the speech pitch range
  // (70–400 Hz) is far below 4 kHz and YIN costs a quarter of 16 kHz; frames keep AUDIO_ANALYSIS.frameMs.
  const frameS = AUDIO_ANALYSIS.frameMs / 1000;
  const samples = store.view();
  const mask = speechMask(vad.episodes, Math.ceil(samples.length / (frameS * VOICE_VAD.sampleRate)), frameS);
  const pframes = speechPitchFrames(samples, (i) => mask[i] === 1);
  const groups = pitchGroups(pframes, Array.from(pframes, (_, i) => mask[i] === 1));
  return {
    file,
    ...voiceQc(
      { ...base, peakDb, peakCount, frames: vf, episodes: vad.episodes, speechS: vad.speechS, detector: vad.detector, vadRuntime: vad.runtime, fallbackReason: vad.reason, pitchGroupsHz: groups.map((g) => Math.round(g.hz)) },
      opts.target,
    ),
  };
}

async function detectSpeech(
  samples: Float32Array,
  frameCount: number,
  powerDbs: number[],
  opts: AnalyzeVoiceOptions,
): Promise<{ episodes: Episode[]; speechS: number; detector: VoiceDetector; runtime?: SileroRuntime; reason?: string }> {
  const frameS = VOICE_VAD.frameSamples / VOICE_VAD.sampleRate;
  let reason = 'the energy detector was asked for';
  if (opts.detector !== 'energy') {
    try {
      const model = await loadSileroNode(opts.vadRuntime);
      const probs = await sileroProbs(model, samples, { signal: opts.signal, onProgress: (fraction) => opts.onProgress?.({ stage: 'vad', fraction }) });
      const p = probs.subarray(0, frameCount);
      return { episodes: episodesFromProbs(p, frameS), speechS: countAtLeast(p, VOICE_VAD.onProb) * frameS, detector: SILERO_DETECTOR, runtime: model.runtime };
    } catch (err) {
      if (opts.signal?.aborted) throw new StudioError('cancelled', 'cancelled');
      reason = (err as Error).message.slice(0, 120);
    }
  }
  const probs = energyProbs(powerDbs);
  return { episodes: episodesFromProbs(probs, frameS), speechS: countAtLeast(probs, 0.5) * frameS, detector: 'energy', reason };
}

function countAtLeast(xs: ArrayLike<number>, limit: number): number {
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (xs[i]! >= limit) n++;
  return n;
}
