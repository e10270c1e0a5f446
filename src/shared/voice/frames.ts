/**
 * Per-frame measurements of 16-kHz mono speech for voice QC: the frame's power, peak and how its
 * energy splits between the telephone band (300–3400 Hz) and above 4 kHz (§8.2 narrowband). Frames
 * are VOICE_VAD.frameSamples long so they line up one-to-one with the VAD's frames. Pure and
 * streaming: push Float32 samples in any chunk size; nothing keeps the samples.
 */
import { VOICE_QC, VOICE_VAD } from '../standards';

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
    for (let i = 0; i < samples.length; i++) {
      this.buf[this.fill++] = samples[i]!;
      if (this.fill === N) {
        this.frame();
        this.fill = 0;
      }
    }
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

  private frame(): void {
    // The spectrum (bandwidth check) from every SPECTRUM_EVERY-th frame: a long-term average needs
    // a sample of the speech, not every frame, and the FFT is most of this class's cost.
    const spectrum = this.power.length % SPECTRUM_EVERY === 0;
    let sum = 0;
    let pk = 0;
    for (let i = 0; i < N; i++) {
      const v = this.buf[i]!;
      sum += v * v;
      const a = v < 0 ? -v : v;
      if (a > pk) pk = a;
      this.re[i] = v * this.hann[i]!;
      this.im[i] = 0;
    }
    let band = 0;
    let high = 0;
    if (spectrum) fft(this.re, this.im);
    if (spectrum) for (let k = this.bins.bandLo; k <= this.bins.bandHi; k++) band += this.re[k]! ** 2 + this.im[k]! ** 2;
    if (spectrum) for (let k = this.bins.high; k <= N / 2; k++) high += this.re[k]! ** 2 + this.im[k]! ** 2;
    this.power.push(sum / N);
    this.peak.push(pk);
    this.band.push(band);
    this.high.push(high);
  }
}

/** In-place iterative radix-2 FFT (length a power of two). */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const xr = re[b]! * cr - im[b]! * ci;
        const xi = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - xr;
        im[b] = im[a]! - xi;
        re[a] = re[a]! + xr;
        im[a] = im[a]! + xi;
        const t = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = t;
      }
    }
  }
}

export function powerDb(p: number): number {
  return p > 1e-12 ? 10 * Math.log10(p) : -120;
}
