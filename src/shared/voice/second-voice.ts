/**
 * The spectral second-voice test (issue #14): the MFCC frames that fall in speech (the 40-ms analysis
 * frames the level VAD marks, SPEECH_VAD) and the ΔBIC clusters of those frames (speaker-change.ts).
 * Speech rather than pitched frames only: YIN finds a pitch in only a fifth to a third of the speech
 * of the shared clips (talking-1: 1.0 of 4.1 s), too little for two clusters of ≥ 2 s each.
 */
import type { AudioFrame } from '../qc/audio-analyzer';
import { AUDIO_ANALYSIS, SPEAKER_CHANGE } from '../standards';
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
  return clusterSegments(voicedSegments(mfcc, inSpeech, MFCC_HOP_SEC), MFCC_HOP_SEC, lambda);
}
