/**
 * Voice QC of one file (§8–10): one ffmpeg decode gives 16-kHz mono float PCM on stdout (level,
 * noise, bandwidth, pitch, VAD) and, on a second branch at the file's own rate and channels, the
 * peak (clipping is a property of the recorded samples, before any resampling); ffmpeg's astats
 * counts the peak's samples in a second pass only when that peak is near full scale. Speech is found by Silero VAD, or by level when Silero cannot load (the result says
 * which ran).
 */
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { pitchGroups } from '../../../shared/qc/audio-rules';
import { AUDIO_ANALYSIS, VOICE_QC, VOICE_VAD, type VoiceTargetId } from '../../../shared/standards';
import { energyProbs, episodesFromProbs, speechMask, type Episode } from '../../../shared/voice/episodes';
import { powerDb, speechPitchFrames, VoiceFrameAnalyzer } from '../../../shared/voice/frames';
import { voiceQc, type VoiceDetector, type VoiceQcResult } from '../../../shared/voice/qc';
import { sileroProbs } from '../../../shared/voice/silero';
import { locateFfmpeg, probeMedia, type FfmpegInfo } from '../ffmpeg';
import { streamFfmpeg } from '../ffmpeg/stream';
import { loadSileroNode, SILERO_DETECTOR, type NodeSileroModel, type SileroRuntime } from './silero-node';

export interface VoiceProgress {
  stage: 'decode' | 'vad' | 'pitch';
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

/**
 * The 16-kHz mono float PCM of the whole file (30 min ≈ 115 MB), filled straight from ffmpeg's
 * stdout chunks: one copy per byte, sized from the probed duration so it rarely grows, and viewed as
 * floats (little-endian, as on x86 and ARM) without a second copy or a carry buffer.
 */
class PcmStore {
  private bytes: Uint8Array;
  private floats: Float32Array;
  private byteLength = 0;

  constructor(expectedSeconds: number) {
    this.bytes = new Uint8Array(Math.ceil((Math.max(1, expectedSeconds) + 1) * VOICE_VAD.sampleRate) * 4);
    this.floats = new Float32Array(this.bytes.buffer);
  }

  /** Appends raw bytes; answers the floats completed by them. */
  push(chunk: Uint8Array): Float32Array {
    if (this.byteLength + chunk.length > this.bytes.length) {
      const next = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + chunk.length + 3) & ~3);
      next.set(this.bytes.subarray(0, this.byteLength));
      this.bytes = next;
      this.floats = new Float32Array(next.buffer);
    }
    const before = this.byteLength >> 2;
    this.bytes.set(chunk, this.byteLength);
    this.byteLength += chunk.length;
    return this.floats.subarray(before, this.byteLength >> 2);
  }

  view(): Float32Array {
    return this.floats.subarray(0, this.byteLength >> 2);
  }
}

/**
 * Peak and peak count of the file's own samples by ffmpeg's astats: a pass of its own, run only when
 * the cheap peak (volumedetect, in the main decode) comes within CLIP_RECHECK_DB of the clipping
 * limit. astats at the native rate cost more CPU than all the decoding (1.6 s vs 0.3 s for 30 min at
 * 48 kHz), and its count is read only for a file whose peak reaches VOICE_QC.clipping.peakDb.
 */
const CLIP_RECHECK_DB = 0.5;
/** volumedetect answers −91.0 dB when every sample is zero. */
const SILENT_MAX_VOLUME_DB = -90.5;

async function astatsPeak(ff: FfmpegInfo, file: string, signal?: AbortSignal): Promise<{ peakDb: number | null; peakCount: number }> {
  let peakDb: number | null = null;
  let peakCount = 0;
  let overall = false;
  await streamFfmpeg(ff, ['-i', `file:${file}`, '-map', '0:a:0', '-af', 'astats=measure_perchannel=none:measure_overall=Peak_level+Peak_count', '-f', 'null', '-'], {
    signal,
    onData: () => undefined,
    onStderrLine: (line) => {
      if (/\] Overall$/.test(line.trim())) overall = true;
      if (!overall) return;
      const p = /Peak level dB:\s*(-?[\d.]+|-inf)/.exec(line);
      if (p) peakDb = p[1] === '-inf' ? null : Number(p[1]);
      const c = /Peak count:\s*([\d.]+)/.exec(line);
      if (c) peakCount = Math.round(Number(c[1]));
    },
  });
  return { peakDb, peakCount };
}

export async function analyzeVoiceFile(file: string, opts: AnalyzeVoiceOptions): Promise<VoiceFileReport> {
  const ff = opts.ff ?? (await locateFfmpeg());
  const probe = await probeMedia(file, ff);
  const ext = path.extname(file).slice(1).toLowerCase();
  const base = { ext, codec: probe.audio?.codec ?? null, sampleRate: probe.audio?.sampleRate ?? null, channels: probe.audio?.channels ?? null, durationS: probe.durationSec };
  if (!probe.audio) {
    return { file, ...voiceQc({ ...base, peakDb: null, peakCount: 0, frames: null, episodes: [], speechS: 0, detector: 'energy', pitchGroupsHz: [] }, opts.target) };
  }
  // The model loads while ffmpeg decodes (another process); a failure is handled where it is awaited.
  const model = opts.detector === 'energy' ? null : loadSileroNode(opts.vadRuntime);
  model?.catch(() => undefined);
  const frames = new VoiceFrameAnalyzer();
  const store = new PcmStore(probe.durationSec);
  // volumedetect's max_volume (the peak of the samples as 16-bit, 0.1-dB steps): −91 dB is its
  // answer for digital silence, which astats called −inf.
  let quickPeakDb: number | null = null;
  await streamFfmpeg(
    ff,
    [
      '-i', `file:${file}`,
      '-filter_complex',
      `[0:a:0]asplit=2[a][b];[a]aresample=${VOICE_VAD.sampleRate},aformat=sample_fmts=flt:channel_layouts=mono[pcm];[b]volumedetect[stats]`,
      '-map', '[pcm]', '-f', 'f32le', 'pipe:1',
      '-map', '[stats]', '-f', 'null', '-',
    ],
    {
      signal: opts.signal,
      durationSec: probe.durationSec,
      onProgress: (p) => p.progress !== null && opts.onProgress?.({ stage: 'decode', fraction: p.progress }),
      onData: (chunk) => frames.push(store.push(chunk)),
      onStderrLine: (line) => {
        const m = /max_volume:\s*(-?[\d.]+) dB/.exec(line);
        if (m) quickPeakDb = Number(m[1]) <= SILENT_MAX_VOLUME_DB ? null : Number(m[1]);
      },
    },
  );
  const near = quickPeakDb !== null && quickPeakDb >= VOICE_QC.clipping.peakDb - CLIP_RECHECK_DB;
  const { peakDb, peakCount } = near ? await astatsPeak(ff, file, opts.signal) : { peakDb: quickPeakDb, peakCount: 0 };
  const vf = frames.end();
  const vad = await detectSpeech(store.view(), vf.count, Array.from(vf.power, powerDb), model, opts);
  // Pitch (second speaker) after the VAD, on speech frames only, at 8 kHz: the speech pitch range
  // (70–400 Hz) is far below 4 kHz and YIN costs a quarter of 16 kHz; frames keep AUDIO_ANALYSIS.frameMs.
  opts.onProgress?.({ stage: 'pitch', fraction: 0 });
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
  loading: Promise<NodeSileroModel> | null,
  opts: AnalyzeVoiceOptions,
): Promise<{ episodes: Episode[]; speechS: number; detector: VoiceDetector; runtime?: SileroRuntime; reason?: string }> {
  const frameS = VOICE_VAD.frameSamples / VOICE_VAD.sampleRate;
  let reason = 'the energy detector was asked for';
  if (loading) {
    try {
      const model = await loading;
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
