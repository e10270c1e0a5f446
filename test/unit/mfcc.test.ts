/**
 * The MFCC of the spectral second-voice test (scripts/voice/spectral/mfcc.ts, an experiment, not a rule) against independent
 * computations: the FFT against a direct DFT, the mel bands against tones of known frequency, the
 * DCT against a cosine of known index, and the whole recipe against numpy (python3) on a synthetic
 * vowel — numpy's rfft and a filterbank built there from the textbook formulas, not from this code.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dctNoC0, fft, hzToMel, logMelOfWindow, melToHz, mfccOfWindow, MfccStream, MFCC_HOP_SEC } from '../../scripts/voice/spectral/mfcc';
import { SPEAKER_CHANGE } from '../../scripts/voice/spectral/params';

const { sampleRate, windowMs, melBands, lowHz, highHz } = SPEAKER_CHANGE.mfcc;
const WIN = Math.round((windowMs / 1000) * sampleRate);
const tone = (hz: number, n = WIN, amp = 0.5) => Float64Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / sampleRate));

/** A vowel-like sound: harmonics of f0 shaped by two formant resonances (fixed seed-free recipe). */
function vowel(n: number, f0 = 140, formants = [700, 1200]): Float64Array {
  const x = new Float64Array(n);
  for (let h = 1; h * f0 < 3800; h++) {
    const f = h * f0;
    const gain = formants.reduce((g, fm) => g + 1 / (1 + ((f - fm) / 90) ** 2), 0.02);
    for (let i = 0; i < n; i++) x[i]! += 0.1 * gain * Math.sin((2 * Math.PI * f * i) / sampleRate + h);
  }
  return x;
}

function hasNumpy(): boolean {
  try {
    execFileSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('MFCC', () => {
  it('FFT equals a direct DFT', () => {
    const n = 64;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1) + (i % 5) * 0.1);
    const re = x.slice();
    const im = new Float64Array(n);
    fft(re, im);
    for (let k = 0; k < n; k++) {
      let r = 0;
      let m = 0;
      for (let t = 0; t < n; t++) {
        r += x[t]! * Math.cos((2 * Math.PI * k * t) / n);
        m -= x[t]! * Math.sin((2 * Math.PI * k * t) / n);
      }
      expect(re[k]).toBeCloseTo(r, 9);
      expect(im[k]).toBeCloseTo(m, 9);
    }
  });

  it.each([300, 1000, 2500])('a %i-Hz tone lands in the mel band centred nearest to it', (hz) => {
    const logMel = logMelOfWindow(tone(hz));
    const centres = Array.from({ length: melBands }, (_, b) => melToHz(hzToMel(lowHz) + ((hzToMel(highHz) - hzToMel(lowHz)) * (b + 1)) / (melBands + 1)));
    const nearest = centres.reduce((bi, c, b) => (Math.abs(c - hz) < Math.abs(centres[bi]! - hz) ? b : bi), 0);
    const peak = logMel.indexOf(Math.max(...logMel));
    expect(peak).toBe(nearest);
  });

  it('the DCT of a cosine of index k is one coefficient of √(n/2)', () => {
    const n = melBands;
    const k = 3;
    const c = dctNoC0(Array.from({ length: n }, (_, i) => Math.cos((Math.PI * k * (i + 0.5)) / n)));
    c.forEach((v, i) => expect(v).toBeCloseTo(i + 1 === k ? Math.sqrt(n / 2) : 0, 9));
  });

  it('a louder copy has the same cepstra (c0, the level, is left out)', () => {
    const x = vowel(WIN);
    const a = mfccOfWindow(x);
    const b = mfccOfWindow(x.map((v) => v * 4));
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
  });

  it('the stream cuts windows every hop: frame k equals the window at k·hop', () => {
    const x = vowel(WIN + 5 * 160);
    const s = new MfccStream();
    for (const v of x) s.push(v);
    expect(s.frames.length).toBe(6);
    const hop = Math.round(MFCC_HOP_SEC * sampleRate);
    for (const k of [0, 3, 5]) {
      const want = mfccOfWindow(x.subarray(k * hop, k * hop + WIN));
      want.forEach((v, i) => expect(s.frames[k]![i]).toBeCloseTo(v, 4));
    }
  });

  it.runIf(hasNumpy())('equals an independent numpy computation on a synthetic vowel', () => {
    const x = vowel(WIN, 180, [500, 1700]);
    // numpy: pre-emphasis, Hamming, rfft power, HTK mel triangles from the formula, log, DCT-II ortho.
    const py = `
import json, sys, numpy as np
x = np.array(json.load(sys.stdin))
sr, nfft, nb, lo, hi, nc = ${sampleRate}, 512, ${melBands}, ${lowHz}, ${highHz}, 12
y = np.empty_like(x); y[0] = x[0] - 0.97 * x[0]; y[1:] = x[1:] - 0.97 * x[:-1]
y = y * np.hamming(len(y))
p = np.abs(np.fft.rfft(y, nfft)) ** 2
mel = lambda f: 2595 * np.log10(1 + f / 700)
imel = lambda m: 700 * (10 ** (m / 2595) - 1)
edges = imel(np.linspace(mel(lo), mel(hi), nb + 2))
f = np.arange(nfft // 2 + 1) * sr / nfft
fb = np.zeros((nb, len(f)))
for b in range(nb):
    l, c, r = edges[b], edges[b + 1], edges[b + 2]
    up = (f > l) & (f <= c); down = (f > c) & (f < r)
    fb[b, up] = (f[up] - l) / (c - l); fb[b, down] = (r - f[down]) / (r - c)
e = np.log(fb @ p + 1e-10)
n = np.arange(nb)
cep = [np.sqrt(2 / nb) * np.sum(e * np.cos(np.pi * k * (n + 0.5) / nb)) for k in range(1, nc + 1)]
print(json.dumps(cep))
`;
    const want = JSON.parse(execFileSync('python3', ['-c', py], { input: JSON.stringify(Array.from(x)) }).toString()) as number[];
    const got = mfccOfWindow(x);
    expect(got).toHaveLength(12);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 6));
  });
});
