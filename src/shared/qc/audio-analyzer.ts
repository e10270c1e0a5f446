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
 * Pitch by YIN (de Cheveigné & Kawahara 2002): the cumulative-mean-normalised difference function
 * d'(τ) over the speech range (AUDIO_ANALYSIS.f0Min–f0Max); the first dip below
 * AUDIO_ANALYSIS.yinThreshold, refined to its local minimum and by parabolic interpolation. Unlike
 * the peak of a raw autocorrelation, d' does not favour multiples of the period, which is what
 * split one expressive voice into "about 89 Hz and 261 Hz" (a third sub-harmonic, issue #14). Null
 * when no lag dips below the threshold (noise, silence, breath).
 */
export function pitch(x: Float32Array, sampleRate: number): number | null {
  const minLag = Math.max(2, Math.floor(sampleRate / AUDIO_ANALYSIS.f0Max));
  const maxLag = Math.ceil(sampleRate / AUDIO_ANALYSIS.f0Min);
  const w = x.length - maxLag - 1;
  if (w < maxLag / 2) return null;
  let energy = 0;
  for (let i = 0; i < x.length; i++) energy += x[i]! * x[i]!;
  if (energy < 1e-7) return null;
  const d = new Float32Array(maxLag + 2);
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    let s = 0;
    for (let i = 0; i < w; i++) {
      const v = x[i]! - x[i + lag]!;
      s += v * v;
    }
    d[lag] = s;
  }
  // Cumulative-mean normalisation: d'(τ) = d(τ)·τ / Σ_{j≤τ} d(j).
  const n = new Float32Array(maxLag + 2);
  n[0] = 1;
  let sum = 0;
  for (let lag = 1; lag <= maxLag + 1; lag++) {
    sum += d[lag]!;
    n[lag] = sum > 0 ? (d[lag]! * lag) / sum : 1;
  }
  for (let lag = minLag; lag <= maxLag; lag++) {
    if (n[lag]! >= AUDIO_ANALYSIS.yinThreshold) continue;
    let best = lag;
    while (best + 1 <= maxLag && n[best + 1]! < n[best]!) best++;
    const a = n[best - 1]!;
    const b = n[best]!;
    const c = n[best + 1]!;
    const den = a - 2 * b + c;
    const shift = den > 0 ? Math.max(-1, Math.min(1, (a - c) / (2 * den))) : 0;
    return sampleRate / (best + shift);
  }
  return null;
}
