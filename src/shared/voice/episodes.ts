/**
 * Speech episodes from per-frame speech probabilities (Silero VAD or the energy fallback):
 * hysteresis, pauses shorter than VOICE_VAD.bridgeS joined, blips shorter than minEpisodeS dropped.
 */
import { VOICE_VAD } from '../standards';

export interface Episode {
  start: number;
  end: number;
}

export function episodesFromProbs(probs: ArrayLike<number>, frameS: number, opts: Partial<typeof VOICE_VAD> = {}): Episode[] {
  const o = { ...VOICE_VAD, ...opts };
  const raw: Episode[] = [];
  let on = false;
  let start = 0;
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i]!;
    if (!on && p >= o.onProb) {
      on = true;
      start = i;
    } else if (on && p < o.offProb) {
      on = false;
      raw.push({ start: start * frameS, end: i * frameS });
    }
  }
  if (on) raw.push({ start: start * frameS, end: probs.length * frameS });
  const joined: Episode[] = [];
  for (const e of raw) {
    const last = joined[joined.length - 1];
    if (last && e.start - last.end < o.bridgeS) last.end = e.end;
    else joined.push({ ...e });
  }
  return joined.filter((e) => e.end - e.start >= o.minEpisodeS);
}

export function speechSeconds(episodes: readonly Episode[]): number {
  return episodes.reduce((s, e) => s + (e.end - e.start), 0);
}

/** Per-frame speech flags from episodes (frames whose centre lies inside one). */
export function speechMask(episodes: readonly Episode[], count: number, frameS: number): Uint8Array {
  const mask = new Uint8Array(count);
  for (const e of episodes) {
    const a = Math.max(0, Math.floor(e.start / frameS));
    const b = Math.min(count, Math.ceil(e.end / frameS));
    for (let i = a; i < b; i++) if ((i + 0.5) * frameS >= e.start && (i + 0.5) * frameS <= e.end) mask[i] = 1;
  }
  return mask;
}

/**
 * The fallback detector when Silero cannot load: a frame is speech when its level is
 * VOICE_VAD.energyMarginDb above the quietest 10 % of frames and above energyMinDbfs. Returns
 * 0/1 "probabilities" for episodesFromProbs. Less exact than Silero: breaths and steady noise
 * above the margin count as speech.
 */
export function energyProbs(powerDbs: ArrayLike<number>): Float32Array {
  const sorted = Array.from(powerDbs).sort((a, b) => a - b);
  const floor = sorted.length ? sorted[Math.floor(sorted.length * 0.1)]! : -120;
  const threshold = Math.max(VOICE_VAD.energyMinDbfs, floor + VOICE_VAD.energyMarginDb);
  const out = new Float32Array(powerDbs.length);
  for (let i = 0; i < powerDbs.length; i++) out[i] = powerDbs[i]! > threshold ? 1 : 0;
  return out;
}
