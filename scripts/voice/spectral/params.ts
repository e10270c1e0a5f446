/**
 * The spectral second-voice experiment's settings (issue #14; NOT a rule: measured and rejected,
 * see measure.ts and the README "Accuracy" section). MFCC: 25-ms Hamming windows every 10 ms, 24 mel
 * bands 100–3800 Hz (an 8-kHz recording reads like a 16-kHz one), c1..c12 (c0, the level, left
 * out). Segments of up to 1 s of speech, cut at pauses of 0.3 s; ΔBIC agglomerative clustering with
 * full-covariance Gaussians (Chen & Gopalakrishnan 1998) in windows of 30 segments every 3 segments
 * with penalty weight λ = 3.1 (the middle of the development set's window 3.0–3.2); two voices when
 * two clusters each hold ≥ SECOND_VOICE.minSeconds of speech.
 */
export const SPEAKER_CHANGE = {
  mfcc: { sampleRate: 16_000, windowMs: 25, hopMs: 10, fftSize: 512, melBands: 24, cepstra: 12, lowHz: 100, highHz: 3800 },
  segmentSeconds: 1,
  windowSegments: 30,
  windowStep: 3,
  minSegmentSeconds: 0.5,
  pauseSeconds: 0.3,
  lambda: 3.1,
} as const;
