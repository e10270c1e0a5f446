/**
 * Across the segments of a session (§8.4 "record in segments with breaks … all recorded audio must
 * maintain consistent … volume"): the spread of the segments' speech levels, and the running
 * total of effective speech against the target.
 */
import { VOICE_QC, VOICE_TARGETS, type VoiceTargetId } from '../standards';

export function segmentLevelSpreadDb(levels: readonly (number | null)[]): number | null {
  const xs = levels.filter((x): x is number => x !== null);
  if (xs.length < 2) return null;
  return Math.round((Math.max(...xs) - Math.min(...xs)) * 10) / 10;
}

export function segmentsConsistent(spreadDb: number | null): boolean {
  return spreadDb === null || spreadDb <= VOICE_QC.consistency.maxSpreadDb;
}

/** Where a running total stands: below the minimum, enough, recommended reached, or over the maximum. */
export function totalState(target: VoiceTargetId, speechS: number): 'short' | 'enough' | 'recommended' | 'over' {
  const t = VOICE_TARGETS[target];
  if (t.maxSpeechS !== null && speechS > t.maxSpeechS) return 'over';
  if (speechS >= t.recommendedSpeechS) return 'recommended';
  if (speechS >= t.minSpeechS) return 'enough';
  return 'short';
}
