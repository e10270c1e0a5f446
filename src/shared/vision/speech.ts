import { SPEECH_VAD } from '../standards';

/** RMS of samples in −1…1, in dBFS (−120 for silence). */
export function rmsDbfs(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Number(samples[i]);
    sum += v * v;
  }
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 1e-6 ? 20 * Math.log10(rms) : -120;
}

/**
 * A small energy voice-activity detector for lips.open-no-voice (§1.2.2). Each window's level
 * (RMS in dBFS, every SPEECH_VAD.windowMs) is speech when it is SPEECH_VAD.marginDb above the
 * room's noise floor and above SPEECH_VAD.minDbfs; speech is held for hangoverMs after the last
 * loud window so the gaps between syllables do not count as silence. The noise floor is a low
 * percentile (floorPercentile) of the last floorSeconds of levels, digital silence (dropouts,
 * muted starts) left out and capped at maxFloorDbfs, so a loud room never becomes "speech" and
 * long speech never becomes "the room". Pure; fed from a WebAudio AnalyserNode live, or from
 * decoded audio offline.
 */
export class SpeechDetector {
  private readonly levels: number[] = [];
  private readonly keep = Math.round((SPEECH_VAD.floorSeconds * 1000) / SPEECH_VAD.windowMs);
  private lastLoud = -Infinity;
  private floor: number = SPEECH_VAD.minDbfs - SPEECH_VAD.marginDb;

  /** One window: its level in dBFS at time tMs. Returns whether there is speech now. */
  update(dbfs: number, tMs: number): boolean {
    if (dbfs > -90) {
      this.levels.push(dbfs);
      if (this.levels.length > this.keep) this.levels.shift();
      const sorted = [...this.levels].sort((a, b) => a - b);
      const low = sorted[Math.floor((sorted.length - 1) * SPEECH_VAD.floorPercentile)] ?? dbfs;
      this.floor = Math.min(low, SPEECH_VAD.maxFloorDbfs);
    }
    if (dbfs > Math.max(this.floor + SPEECH_VAD.marginDb, SPEECH_VAD.minDbfs)) this.lastLoud = tMs;
    return this.speakingAt(tMs);
  }

  speakingAt(tMs: number): boolean {
    return tMs - this.lastLoud <= SPEECH_VAD.hangoverMs;
  }

  get noiseFloorDbfs(): number {
    return this.floor;
  }
}
