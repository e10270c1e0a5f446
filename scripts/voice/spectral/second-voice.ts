/**
 * The spectral second-voice test (issue #14): the MFCC frames that fall in speech (the 40-ms analysis
 * frames the level VAD marks, SPEECH_VAD) and the ΔBIC clusters of those frames (speaker-change.ts).
 * Speech rather than pitched frames only: YIN finds a pitch in only a fifth to a third of the speech
 * of the shared clips (talking-1: 1.0 of 4.1 s), too little for two clusters of ≥ 2 s each.
 */
import type { AudioFrame } from '../../../src/shared/qc/audio-analyzer';
import { AUDIO_ANALYSIS } from '../../../src/shared/standards';
import { SPEAKER_CHANGE } from './params';
import { MFCC_HOP_SEC, MFCC_WINDOW_SEC } from './mfcc';
import { clusterSegments, voicedSegments, type SpeakerClusters } from './speaker-change';

export function voiceClusters(
  mfcc: readonly Float32Array[],
  frames: readonly AudioFrame[],
  speech: readonly boolean[],
  lambda: number = SPEAKER_CHANGE.lambda,
): SpeakerClusters {
  const frameSec = AUDIO_ANALYSIS.frameMs / 1000;
  // An MFCC window belongs to the analysis frame that holds its centre.
  const inSpeech = (k: number) => {
    const i = Math.floor((k * MFCC_HOP_SEC + MFCC_WINDOW_SEC / 2) / frameSec);
    return i < frames.length && speech[i] === true;
  };
  const segments = voicedSegments(mfcc, inSpeech, MFCC_HOP_SEC);
  // Windows of SPEAKER_CHANGE.windowSegments segments every windowStep segments; the window with the
  // most voices. ΔBIC's likelihood gain grows with the frames, its penalty with their log: over a
  // whole long take one voice splits by what is said (silero-test looped to 10 min: 54 clusters), so the
  // clustering only ever sees up to windowSegments seconds of speech, as on the development clips.
  const w = SPEAKER_CHANGE.windowSegments;
  let best: SpeakerClusters | null = null;
  for (let start = 0; ; start += SPEAKER_CHANGE.windowStep) {
    const r = clusterSegments(segments.slice(start, start + w), MFCC_HOP_SEC, lambda);
    if (!best || r.voices > best.voices) best = r;
    if (start + w >= segments.length) break;
  }
  return best!;
}
