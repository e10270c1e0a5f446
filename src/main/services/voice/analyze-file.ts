/**
 * Voice QC of one file (§8–10): one ffmpeg decode gives 16-kHz mono float PCM on stdout (level,
 * noise, bandwidth, pitch, VAD) and, on a second branch at the file's own rate and channels,
 * ffmpeg's astats peak and peak count (clipping is a property of the recorded samples, before any
 * resampling). Speech is found by Silero VAD, or by level when Silero cannot load (the result says
 * which ran).
 */
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { AudioAnalyzer } from '../../../shared/qc/audio-analyzer';
import { pitchGroups } from '../../../shared/qc/audio-rules';
import { AUDIO_ANALYSIS, VOICE_VAD, type VoiceTargetId } from '../../../shared/standards';
import { energyProbs, episodesFromProbs, speechMask, type Episode } from '../../../shared/voice/episodes';
import { powerDb, VoiceFrameAnalyzer } from '../../../shared/voice/frames';
import { voiceQc, type VoiceDetector, type VoiceQcResult } from '../../../shared/voice/qc';
import { sileroProbs } from '../../../shared/voice/silero';
import { locateFfmpeg, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';
import { loadSileroNode, SILERO_DETECTOR } from './silero-node';

const PITCH_RATE = VOICE_VAD.sampleRate / 2;

/** 16 kHz float → 8 kHz s16le by averaging pairs (a simple low-pass before halving the rate). */
function toPitchRate(x: Float32Array, half: { odd: number | null }): Uint8Array {
  let src = x;
  if (half.odd !== null) {
    src = new Float32Array(x.length + 1);
    src[0] = half.odd;
    src.set(x, 1);
  }
  const n = Math.floor(src.length / 2);
  half.odd = src.length % 2 ? src[src.length - 1]! : null;
  const out = new Uint8Array(n * 2);
  const dv = new DataView(out.buffer);
  for (let i = 0; i < n; i++) {
    const v = (src[2 * i]! + src[2 * i + 1]!) * 0.5;
    dv.setInt16(i * 2, Math.max(-32768, Math.min(32767, Math.round(v * 32768))), true);
  }
  return out;
}

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
  // Pitch (second speaker) at 8 kHz: the autocorrelation costs a quarter of 16 kHz and the speech
  // pitch range (70–400 Hz) is far below 4 kHz; frames keep AUDIO_ANALYSIS.frameMs.
  // (The constructor's parameter is typed as the 16-kHz literal; the analysis itself takes any rate.)
  const pitch = new AudioAnalyzer(PITCH_RATE as typeof AUDIO_ANALYSIS.sampleRate);
  const half = { odd: null as number | null };
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
        pitch.push(toPitchRate(aligned, half));
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
  const pframes = pitch.end();
  const frameS = AUDIO_ANALYSIS.frameMs / 1000;
  const mask = speechMask(vad.episodes, pframes.length, frameS);
  const groups = pitchGroups(pframes, Array.from(mask, (x) => x === 1));
  return {
    file,
    ...voiceQc(
      { ...base, peakDb, peakCount, frames: vf, episodes: vad.episodes, speechS: vad.speechS, detector: vad.detector, fallbackReason: vad.reason, pitchGroupsHz: groups.map((g) => Math.round(g.hz)) },
      opts.target,
    ),
  };
}

async function detectSpeech(
  samples: Float32Array,
  frameCount: number,
  powerDbs: number[],
  opts: AnalyzeVoiceOptions,
): Promise<{ episodes: Episode[]; speechS: number; detector: VoiceDetector; reason?: string }> {
  const frameS = VOICE_VAD.frameSamples / VOICE_VAD.sampleRate;
  let reason = 'the energy detector was asked for';
  if (opts.detector !== 'energy') {
    try {
      const model = await loadSileroNode();
      const probs = await sileroProbs(model, samples, { signal: opts.signal, onProgress: (fraction) => opts.onProgress?.({ stage: 'vad', fraction }) });
      const p = probs.subarray(0, frameCount);
      return { episodes: episodesFromProbs(p, frameS), speechS: countAtLeast(p, VOICE_VAD.onProb) * frameS, detector: SILERO_DETECTOR };
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
