/**
 * Per-frame measurements of 16-kHz mono speech for voice QC: the frame's power, peak and how its
 * energy splits between the telephone band (300–3400 Hz) and above 4 kHz (§8.2 narrowband). Frames
 * are VOICE_VAD.frameSamples long so they line up one-to-one with the VAD's frames. Pure and
 * streaming: push Float32 samples in any chunk size; nothing keeps the samples.
 */
import { pitch, type AudioFrame } from '../qc/audio-analyzer';
import { AUDIO_ANALYSIS, VOICE_QC, VOICE_VAD } from '../standards';

export interface VoiceFrames {
  /** Mean square of each frame (full scale = 1). */
  power: Float32Array;
  peak: Float32Array;
  /** Power in 300–3400 Hz and above 4 kHz (Hann-windowed FFT), for the bandwidth check. */
  band: Float32Array;
  high: Float32Array;
  count: number;
  frameS: number;
}

const N = VOICE_VAD.frameSamples;
const SPECTRUM_EVERY = 3;

export class VoiceFrameAnalyzer {
  private power: number[] = [];
  private peak: number[] = [];
  private band: number[] = [];
  private high: number[] = [];
  private readonly buf = new Float32Array(N);
  private fill = 0;
  private readonly re = new Float64Array(N);
  private readonly im = new Float64Array(N);
  private readonly hann = Float64Array.from({ length: N }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / N));
  private readonly bins: { bandLo: number; bandHi: number; high: number };

  constructor(private readonly sampleRate: number = VOICE_VAD.sampleRate) {
    const hz = sampleRate / N;
    this.bins = {
      bandLo: Math.ceil(VOICE_QC.narrowband.bandLowHz / hz),
      bandHi: Math.floor(VOICE_QC.narrowband.bandHighHz / hz),
      high: Math.ceil(VOICE_QC.narrowband.highHz / hz),
    };
  }

  push(samples: Float32Array): void {
    let i = 0;
    // Whole frames straight from the caller's array; only a frame split across pushes is copied.
    if (this.fill > 0) {
      const take = Math.min(N - this.fill, samples.length);
      this.buf.set(samples.subarray(0, take), this.fill);
      this.fill += take;
      i = take;
      if (this.fill < N) return;
      this.frame(this.buf, 0);
      this.fill = 0;
    }
    for (; i + N <= samples.length; i += N) this.frame(samples, i);
    this.buf.set(samples.subarray(i), 0);
    this.fill = samples.length - i;
  }

  end(): VoiceFrames {
    return {
      power: Float32Array.from(this.power),
      peak: Float32Array.from(this.peak),
      band: Float32Array.from(this.band),
      high: Float32Array.from(this.high),
      count: this.power.length,
      frameS: N / this.sampleRate,
    };
  }

  private frame(x: Float32Array, at: number): void {
    // The spectrum (bandwidth check) from every SPECTRUM_EVERY-th frame: a long-term average needs
    // a sample of the speech, not every frame, and the FFT is most of this class's cost.
    const spectrum = this.power.length % SPECTRUM_EVERY === 0;
    let sum = 0;
    let pk = 0;
    for (let i = 0; i < N; i++) {
      const v = x[at + i]!;
      sum += v * v;
      const a = v < 0 ? -v : v;
      if (a > pk) pk = a;
    }
    let band = 0;
    let high = 0;
    if (spectrum) {
      for (let i = 0; i < N; i++) {
        this.re[i] = x[at + i]! * this.hann[i]!;
        this.im[i] = 0;
      }
      fft(this.re, this.im);
      for (let k = this.bins.bandLo; k <= this.bins.bandHi; k++) band += this.re[k]! ** 2 + this.im[k]! ** 2;
      for (let k = this.bins.high; k <= N / 2; k++) high += this.re[k]! ** 2 + this.im[k]! ** 2;
    }
    this.power.push(sum / N);
    this.peak.push(pk);
    this.band.push(band);
    this.high.push(high);
  }
}

/** Bit-reversal permutation and twiddles of one FFT length, computed once (the FFT runs per frame). */
interface FftPlan {
  rev: Uint32Array;
  cos: Float64Array;
  sin: Float64Array;
}

const plans = new Map<number, FftPlan>();

function plan(n: number): FftPlan {
  let p = plans.get(n);
  if (!p) {
    const bits = Math.log2(n);
    const rev = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      rev[i] = r;
    }
    const cos = new Float64Array(n / 2);
    const sin = new Float64Array(n / 2);
    for (let k = 0; k < n / 2; k++) {
      cos[k] = Math.cos((-2 * Math.PI * k) / n);
      sin[k] = Math.sin((-2 * Math.PI * k) / n);
    }
    p = { rev, cos, sin };
    plans.set(n, p);
  }
  return p;
}

/** In-place iterative radix-2 FFT (length a power of two), with the length's tables cached. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  const { rev, cos, sin } = plan(n);
  for (let i = 0; i < n; i++) {
    const j = rev[i]!;
    if (i < j) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step]!;
        const wi = sin[k * step]!;
        const a = i + k;
        const b = a + half;
        const xr = re[b]! * wr - im[b]! * wi;
        const xi = re[b]! * wi + im[b]! * wr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
      }
    }
  }
}

export function powerDb(p: number): number {
  return p > 1e-12 ? 10 * Math.log10(p) : -120;
}

/** The second-speaker heuristic's pitch rate: 8 kHz (16-kHz pairs averaged), see speechPitchFrames. */
export const PITCH_RATE = VOICE_VAD.sampleRate / 2;

/**
 * The pitch frames that qc/audio-rules' pitchGroups reads (f0 per AUDIO_ANALYSIS.frameMs frame), for
 * the frames marked as speech only: pitchGroups ignores f0 outside speech, so YIN (most of the cost)
 * runs on speech alone. The samples reach YIN exactly as they reach AudioAnalyzer at PITCH_RATE:
 * 16-kHz pairs averaged, rounded to 16 bits, divided by 32768, so every speech frame's f0 equals
 * AudioAnalyzer's (proved in test/unit/voice-fast-path.test.ts). Frames outside speech get f0 null;
 * their level fields are not measured (−120) because no rule reads them from here.
 * `speech(i)` says whether 40-ms frame i is speech.
 */
export function speechPitchFrames(samples16k: Float32Array, speech: (i: number) => boolean): AudioFrame[] {
  const len = Math.round((AUDIO_ANALYSIS.frameMs / 1000) * PITCH_RATE);
  const n8 = Math.floor(samples16k.length / 2);
  const count = Math.floor(n8 / len) + (n8 % len >= len / 2 ? 1 : 0);
  const frameS = len / PITCH_RATE;
  const buf = new Float32Array(len);
  const out: AudioFrame[] = new Array<AudioFrame>(count);
  for (let i = 0; i < count; i++) {
    let f0: number | null = null;
    // A last partial frame never has a pitch (as in AudioAnalyzer.end).
    if ((i + 1) * len <= n8 && speech(i)) {
      const base = i * len * 2;
      for (let k = 0; k < len; k++) {
        const v = (samples16k[base + 2 * k]! + samples16k[base + 2 * k + 1]!) * 0.5;
        buf[k] = Math.max(-32768, Math.min(32767, Math.round(v * 32768))) / 32768;
      }
      f0 = pitch(buf, PITCH_RATE);
    }
    out[i] = { t: i * frameS, rmsDb: -120, peakDb: -120, clipped: 0, f0 };
  }
  return out;
}
