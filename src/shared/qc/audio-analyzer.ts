/**
 * Audio measurements of a file or take from its PCM (mono, AUDIO_ANALYSIS.sampleRate, 16-bit):
 * per 40-ms frame the level (dBFS), the peak, clipped samples and a pitch estimate. Pure and
 * streaming: feed chunks as ffmpeg decodes them; nothing holds the whole recording.
 */
import { AUDIO_ANALYSIS } from '../standards';

export interface AudioFrame {
  /** Start of the frame in seconds. */
  t: number;
  /** RMS level, dBFS (−120 for digital silence). */
  rmsDb: number;
  peakDb: number;
  /** Samples at (or one step from) full scale. */
  clipped: number;
  /** Pitch (Hz) when the frame is periodic enough to be voiced speech, else null. */
  f0: number | null;
}

const FULL_SCALE = 32768;

export class AudioAnalyzer {
  readonly frames: AudioFrame[] = [];
  private readonly frameLen: number;
  private readonly buf: Float32Array;
  private fill = 0;
  private clippedInFrame = 0;
  private samplesSeen = 0;
  private carry: number | null = null;

  constructor(private readonly sampleRate = AUDIO_ANALYSIS.sampleRate) {
    this.frameLen = Math.round((AUDIO_ANALYSIS.frameMs / 1000) * sampleRate);
    this.buf = new Float32Array(this.frameLen);
  }

  /** Little-endian signed 16-bit mono PCM, in chunks of any size (odd byte counts included). */
  push(bytes: Uint8Array): void {
    let i = 0;
    if (this.carry !== null && bytes.length > 0) {
      this.sample(((bytes[0]! << 8) | this.carry) << 16 >> 16);
      this.carry = null;
      i = 1;
    }
    for (; i + 1 < bytes.length; i += 2) this.sample(((bytes[i + 1]! << 8) | bytes[i]!) << 16 >> 16);
    if (i < bytes.length) this.carry = bytes[i]!;
  }

  /** The last partial frame counts when it is at least half a frame. */
  end(): AudioFrame[] {
    if (this.fill >= this.frameLen / 2) this.flush(this.fill);
    this.fill = 0;
    return this.frames;
  }

  get durationSec(): number {
    return this.samplesSeen / this.sampleRate;
  }

  private sample(s: number): void {
    if (s >= FULL_SCALE - 2 || s <= -FULL_SCALE + 1) this.clippedInFrame++;
    this.buf[this.fill++] = s / FULL_SCALE;
    this.samplesSeen++;
    if (this.fill === this.frameLen) {
      this.flush(this.frameLen);
      this.fill = 0;
    }
  }

  private flush(n: number): void {
    let sum = 0;
    let peak = 0;
    for (let i = 0; i < n; i++) {
      const v = this.buf[i]!;
      sum += v * v;
      const a = Math.abs(v);
      if (a > peak) peak = a;
    }
    const rms = Math.sqrt(sum / n);
    const t = this.frames.length * (this.frameLen / this.sampleRate);
    this.frames.push({
      t,
      rmsDb: toDb(rms),
      peakDb: toDb(peak),
      clipped: this.clippedInFrame,
      f0: n === this.frameLen ? pitch(this.buf, this.sampleRate) : null,
    });
    this.clippedInFrame = 0;
  }
}

export function toDb(x: number): number {
  return x > 1e-6 ? 20 * Math.log10(x) : -120;
}

/**
 * Pitch by normalised autocorrelation over the speech range (AUDIO_ANALYSIS.f0Min–f0Max). The
 * first lag whose correlation comes within 10 % of the best wins, which avoids the octave-down
 * errors of taking the global maximum. Null when no lag correlates well (noise, silence).
 */
export function pitch(x: Float32Array, sampleRate: number): number | null {
  const minLag = Math.floor(sampleRate / AUDIO_ANALYSIS.f0Max);
  const maxLag = Math.min(x.length - 2, Math.ceil(sampleRate / AUDIO_ANALYSIS.f0Min));
  let energy = 0;
  for (let i = 0; i < x.length; i++) energy += x[i]! * x[i]!;
  if (energy < 1e-7) return null;
  const corr = new Float32Array(maxLag + 1);
  let best = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let s = 0;
    let e1 = 0;
    let e2 = 0;
    for (let i = 0; i + lag < x.length; i++) {
      const a = x[i]!;
      const b = x[i + lag]!;
      s += a * b;
      e1 += a * a;
      e2 += b * b;
    }
    const c = e1 > 0 && e2 > 0 ? s / Math.sqrt(e1 * e2) : 0;
    corr[lag] = c;
    if (c > best) best = c;
  }
  if (best < AUDIO_ANALYSIS.voicedCorrelation) return null;
  for (let lag = minLag + 1; lag < maxLag; lag++) {
    const c = corr[lag]!;
    if (c >= best * 0.9 && c >= corr[lag - 1]! && c >= corr[lag + 1]!) return sampleRate / lag;
  }
  return null;
}
