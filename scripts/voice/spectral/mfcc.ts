/**
 * Mel-frequency cepstra (MFCC) of 16-kHz mono audio, streaming: the spectral envelope a speaker's
 * vocal tract gives every sound, which tells two voices of the same pitch apart (issue #14; the
 * second-voice test in speaker-change.ts). Textbook recipe (Davis & Mermelstein 1980, as in HTK):
 * pre-emphasis 0.97, Hamming window, |FFT|², triangular mel filters, log, DCT-II; c0 (the level) is
 * left out so a louder or quieter stretch of one voice does not look like another voice.
 */
import { SPEAKER_CHANGE } from './params';

const { sampleRate, windowMs, hopMs, fftSize, melBands, cepstra, lowHz, highHz } = SPEAKER_CHANGE.mfcc;

/** In-place radix-2 FFT of (re, im); length a power of two. */
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
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}

export const hzToMel = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
export const melToHz = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

/** Triangular filters, equally spaced in mel between lowHz and highHz, over the FFT's bins. */
export function melFilterbank(bands = melBands, n = fftSize, rate = sampleRate, lo = lowHz, hi = highHz): Float64Array[] {
  const edges = Array.from({ length: bands + 2 }, (_, i) => melToHz(hzToMel(lo) + ((hzToMel(hi) - hzToMel(lo)) * i) / (bands + 1)));
  return Array.from({ length: bands }, (_, b) => {
    const w = new Float64Array(n / 2 + 1);
    const [l, c, r] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
    for (let k = 0; k <= n / 2; k++) {
      const hz = (k * rate) / n;
      if (hz > l && hz < r) w[k] = hz <= c ? (hz - l) / (c - l) : (r - hz) / (r - c);
    }
    return w;
  });
}

/** DCT-II (orthonormal) of x, coefficients 1..count (c0 left out). */
export function dctNoC0(x: readonly number[], count = cepstra): number[] {
  const n = x.length;
  const out: number[] = [];
  for (let k = 1; k <= count; k++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i]! * Math.cos((Math.PI * k * (i + 0.5)) / n);
    out.push(s * Math.sqrt(2 / n));
  }
  return out;
}

const FILTERS = melFilterbank();
/** Each filter's non-zero bins [from, to): the sums skip the rest of the spectrum. */
const FILTER_SPANS = FILTERS.map((w) => {
  const nz = Array.from(w.keys()).filter((k) => w[k]! > 0);
  return [nz[0] ?? 0, (nz[nz.length - 1] ?? -1) + 1] as const;
});
const WIN_LEN = Math.round((windowMs / 1000) * sampleRate);
const HOP = Math.round((hopMs / 1000) * sampleRate);
const HAMMING = Float64Array.from({ length: WIN_LEN }, (_, i) => 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (WIN_LEN - 1)));

/** The log mel-band energies of one window of samples (floats in −1…1), WIN_LEN long. */
export function logMelOfWindow(x: ArrayLike<number>): number[] {
  const re = new Float64Array(fftSize);
  const im = new Float64Array(fftSize);
  for (let i = 0; i < WIN_LEN; i++) re[i] = (x[i]! - (i > 0 ? 0.97 * x[i - 1]! : 0.97 * x[0]!)) * HAMMING[i]!;
  fft(re, im);
  return FILTERS.map((w, b) => {
    let e = 0;
    const [from, to] = FILTER_SPANS[b]!;
    for (let k = from; k < to; k++) if (w[k]) e += w[k]! * (re[k]! * re[k]! + im[k]! * im[k]!);
    // A floor well under any real band's energy keeps digital silence finite.
    return Math.log(e + 1e-10);
  });
}

/** The cepstra (c1..c12) of one window of samples (floats in −1…1), WIN_LEN long. */
export function mfccOfWindow(x: ArrayLike<number>): number[] {
  return dctNoC0(logMelOfWindow(x));
}

/**
 * Streaming MFCC at SPEAKER_CHANGE.mfcc.hopMs: push samples (−1…1) as they come; frame k covers
 * samples [k·hop, k·hop + window). Stored as one Float32Array row per frame (cepstra values).
 */
export class MfccStream {
  private readonly ring = new Float64Array(WIN_LEN);
  private readonly win = new Float64Array(WIN_LEN);
  private seen = 0;
  private rows: Float32Array[] = [];

  push(sample: number): void {
    this.ring[this.seen % WIN_LEN] = sample;
    this.seen++;
    if (this.seen < WIN_LEN || (this.seen - WIN_LEN) % HOP !== 0) return;
    // The ring holds the last WIN_LEN samples; the oldest sits at seen % WIN_LEN.
    const start = this.seen % WIN_LEN;
    for (let i = 0; i < WIN_LEN; i++) this.win[i] = this.ring[(start + i) % WIN_LEN]!;
    this.rows.push(Float32Array.from(mfccOfWindow(this.win)));
  }

  /** Frames so far; frame k starts at k·hopMs. */
  get frames(): readonly Float32Array[] {
    return this.rows;
  }
}

export const MFCC_HOP_SEC = HOP / sampleRate;
export const MFCC_WINDOW_SEC = WIN_LEN / sampleRate;
