import { AUDIO_METER } from './standards';

/** Silence in dBFS (log of zero); shown as the bottom of the meter. */
export const SILENCE_DB = -120;

/** Sample peak of samples in −1…1, in dBFS. */
export function peakDbfs(samples: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Math.abs(Number(samples[i]));
    if (v > max) max = v;
  }
  return max > 1e-6 ? 20 * Math.log10(max) : SILENCE_DB;
}

/** RMS of samples in −1…1, in dBFS. */
export function rmsDbfsOf(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = Number(samples[i]);
    sum += v * v;
  }
  const rms = Math.sqrt(sum / Math.max(1, samples.length));
  return rms > 1e-6 ? 20 * Math.log10(rms) : SILENCE_DB;
}

export type MeterWarning = 'clipping' | 'too-quiet' | null;

/** What the meter shows: levels in dBFS, the held peak, the clip lamp and one warning. */
export interface MeterReading {
  peakDb: number;
  rmsDb: number;
  peakHoldDb: number;
  clipHold: boolean;
  warning: MeterWarning;
}

export const SILENT_READING: MeterReading = { peakDb: SILENCE_DB, rmsDb: SILENCE_DB, peakHoldDb: SILENCE_DB, clipHold: false, warning: null };

/**
 * Meter ballistics (AUDIO_METER): peak hold with fall-off, a clip lamp that holds, and the
 * too-quiet judgement over a sliding window. Pure: fed one window of levels at a time with its
 * time, so the same logic is tested offline on real audio.
 */
export class MeterBallistics {
  private holdDb = SILENCE_DB;
  private holdAt = -Infinity;
  private lastT = -Infinity;
  private clipAt = -Infinity;
  private readonly recent: Array<{ t: number; peak: number }> = [];
  private firstT: number | null = null;

  update(peakDb: number, rmsDb: number, tMs: number): MeterReading {
    this.firstT ??= tMs;
    const dt = Number.isFinite(this.lastT) ? Math.max(0, tMs - this.lastT) : 0;
    this.lastT = tMs;
    if (peakDb >= this.holdDb) {
      this.holdDb = peakDb;
      this.holdAt = tMs;
    } else if (tMs - this.holdAt > AUDIO_METER.peakHoldMs) {
      this.holdDb = Math.max(peakDb, this.holdDb - (AUDIO_METER.fallDbPerSecond * dt) / 1000);
    }
    if (peakDb >= AUDIO_METER.clipDbfs) this.clipAt = tMs;
    this.recent.push({ t: tMs, peak: peakDb });
    while (this.recent.length && tMs - (this.recent[0]?.t ?? tMs) > AUDIO_METER.quietWindowMs) this.recent.shift();
    const clipHold = tMs - this.clipAt <= AUDIO_METER.clipHoldMs;
    // Judge "too quiet" only once a whole window has been heard.
    const fullWindow = tMs - this.firstT >= AUDIO_METER.quietWindowMs;
    const loudest = this.recent.reduce((m, r) => Math.max(m, r.peak), SILENCE_DB);
    const warning: MeterWarning = clipHold ? 'clipping' : fullWindow && loudest < AUDIO_METER.quietPeakDbfs ? 'too-quiet' : null;
    return { peakDb, rmsDb, peakHoldDb: this.holdDb, clipHold, warning };
  }
}

/** Where a level sits on the meter's scale, 0…1 (floorDb → 0, 0 dBFS → 1). */
export function meterFraction(db: number): number {
  const f = (db - AUDIO_METER.floorDb) / -AUDIO_METER.floorDb;
  return Math.min(1, Math.max(0, f));
}
