/**
 * Audio findings (§1.2.2, §7.2): missing audio, background noise, clipping, level, and a second
 * voice (heuristic). Pure: from the AudioAnalyzer's frames and ffmpeg's loudness.
 */
import type { Finding, FindingValues } from '../findings';
import { makeFinding } from '../rules';
import { AUDIO_ANALYSIS, AUDIO_QC, SECOND_VOICE, SPEECH_VAD } from '../standards';
import type { AudioFrame } from './audio-analyzer';
import { clock, percentile, spansOf, type Span } from './spans';

export interface AudioSummary {
  noiseFloorDb: number;
  speechLevelDb: number;
  snrDb: number;
  clippedSamples: number;
  integratedLufs: number | null;
  voicedSeconds: number;
  /** Pitch groups found for the second-voice heuristic (Hz), one or two. */
  pitchGroupsHz: number[];
}

const FRAME_SEC = AUDIO_ANALYSIS.frameMs / 1000;

/** Frames above the noise floor by the VAD margin (the live monitor's rule, SPEECH_VAD). */
export function speechFrames(frames: readonly AudioFrame[]): boolean[] {
  const floor = percentile(
    frames.map((f) => f.rmsDb),
    10,
  );
  const threshold = Math.max(SPEECH_VAD.minDbfs, floor + SPEECH_VAD.marginDb);
  const hang = Math.round(SPEECH_VAD.hangoverMs / AUDIO_ANALYSIS.frameMs);
  const out = frames.map((f) => f.rmsDb > threshold);
  // Hold speech through the short dips between syllables.
  let last = -Infinity;
  for (let i = 0; i < out.length; i++) {
    if (out[i]) last = i;
    else if (i - last <= hang) out[i] = true;
  }
  return out;
}

export function speechSpans(frames: readonly AudioFrame[]): Span[] {
  const speech = speechFrames(frames);
  return spansOf(
    frames.map((f, i) => ({ t: f.t, on: speech[i]! })),
    (x) => x.on,
    (x) => x.t,
    FRAME_SEC,
  );
}

export function summarizeAudio(frames: readonly AudioFrame[], integratedLufs: number | null): AudioSummary {
  const levels = frames.map((f) => f.rmsDb);
  const speech = speechFrames(frames);
  const noiseFloorDb = percentile(levels, 10);
  const speechLevels = levels.filter((_, i) => speech[i]);
  const speechLevelDb = speechLevels.length ? percentile(speechLevels, 95) : noiseFloorDb;
  const voiced = frames.filter((f, i) => speech[i] && f.f0 !== null);
  return {
    noiseFloorDb,
    speechLevelDb,
    snrDb: speechLevelDb - noiseFloorDb,
    clippedSamples: frames.reduce((n, f) => n + f.clipped, 0),
    integratedLufs,
    voicedSeconds: voiced.length * FRAME_SEC,
    pitchGroupsHz: pitchGroups(frames, speech).map((g) => Math.round(g.hz)),
  };
}

interface PitchGroup {
  hz: number;
  share: number;
  runSeconds: number;
}

/** log2 of the frequency ratios a pitch tracker slips by: an octave and a twelfth, up or down. */
const HARMONIC_JUMPS = [1, -1, Math.log2(3), -Math.log2(3)];

/**
 * One voice does not jump an octave (or a twelfth) for a frame or two and back: a voiced frame
 * whose log-pitch sits such a jump (±0.15 octave) from the median of its voiced neighbours within
 * ±0.2 s is folded back onto them. A second person's turn is longer than the window, so it keeps its
 * own pitch; what is folded is the tracker's sub-/super-harmonic slip inside one voice (issue #14).
 */
export function foldHarmonicJumps(logF0: readonly (number | null)[]): (number | null)[] {
  const half = Math.round(0.2 / FRAME_SEC);
  return logF0.map((v, i) => {
    if (v === null) return null;
    const near: number[] = [];
    for (let j = Math.max(0, i - half); j <= Math.min(logF0.length - 1, i + half); j++) {
      const w = logF0[j];
      if (j !== i && w !== null && w !== undefined) near.push(w);
    }
    if (near.length < 3) return v;
    near.sort((a, b) => a - b);
    const med = near[near.length >> 1]!;
    const jump = HARMONIC_JUMPS.find((k) => Math.abs(v - med - k) <= 0.15);
    return jump === undefined ? v : v - jump;
  });
}

/**
 * Two-means on log-pitch of the voiced speech frames, then the time each group holds in runs of at
 * least SECOND_VOICE.minRunSeconds. One group unless two separate, lasting ones exist.
 */
export function pitchGroups(frames: readonly AudioFrame[], speech: readonly boolean[]): PitchGroup[] {
  const voiced = foldHarmonicJumps(frames.map((f, i) => (speech[i] && f.f0 !== null ? Math.log2(f.f0) : null)));
  const values = voiced.filter((v): v is number => v !== null);
  if (values.length * FRAME_SEC < SECOND_VOICE.minVoicedSeconds) {
    return values.length ? [{ hz: 2 ** percentile(values, 50), share: 1, runSeconds: values.length * FRAME_SEC }] : [];
  }
  let c = [percentile(values, 20), percentile(values, 80)];
  for (let iter = 0; iter < 15; iter++) {
    const sums = [0, 0];
    const counts = [0, 0];
    for (const v of values) {
      const k = Math.abs(v - c[0]!) <= Math.abs(v - c[1]!) ? 0 : 1;
      sums[k]! += v;
      counts[k]!++;
    }
    c = c.map((old, k) => (counts[k] ? sums[k]! / counts[k]! : old));
  }
  const label = voiced.map((v) => (v === null ? -1 : Math.abs(v - c[0]!) <= Math.abs(v - c[1]!) ? 0 : 1));
  // Runs: consecutive voiced frames of one group; unvoiced gaps up to 0.3 s do not break a run.
  const runSeconds = [0, 0];
  let runLabel = -1;
  let runStart = 0;
  let lastVoiced = -1;
  const close = (endIdx: number) => {
    if (runLabel < 0) return;
    const len = (endIdx - runStart + 1) * FRAME_SEC;
    if (len >= SECOND_VOICE.minRunSeconds) runSeconds[runLabel]! += len;
  };
  const maxGap = Math.round(0.3 / FRAME_SEC);
  for (let i = 0; i < label.length; i++) {
    const l = label[i]!;
    if (l < 0) continue;
    if (l !== runLabel || i - lastVoiced > maxGap) {
      close(lastVoiced);
      runLabel = l;
      runStart = i;
    }
    lastVoiced = i;
  }
  close(lastVoiced);
  const counts = [label.filter((l) => l === 0).length, label.filter((l) => l === 1).length];
  const total = counts[0]! + counts[1]!;
  const groups = [0, 1].map((k) => ({ hz: 2 ** c[k]!, share: counts[k]! / total, runSeconds: runSeconds[k]! }));
  const separated = Math.abs(c[0]! - c[1]!) >= SECOND_VOICE.minOctaves;
  const lasting = groups.every((g) => g.share >= SECOND_VOICE.minShare && g.runSeconds >= SECOND_VOICE.minSeconds);
  if (separated && lasting) return groups;
  return [{ hz: 2 ** percentile(values, 50), share: 1, runSeconds: runSeconds[0]! + runSeconds[1]! }];
}

/** A finding of a registered rule (src/shared/rules/checker.ts), worded from its values. */
const f = (rule: string, severity: Finding['severity'], section: string, start: number, end: number, values: FindingValues, value?: number): Finding =>
  makeFinding(rule, { severity, section, start, end, values, ...(value !== undefined && Number.isFinite(value) ? { value: Math.round(value * 10) / 10 } : {}) });

/** All audio findings of a file; `durationSec` bounds the whole-file ones. */
export function audioFindings(frames: readonly AudioFrame[] | null, integratedLufs: number | null, durationSec: number, audioRequired: boolean): { findings: Finding[]; summary: AudioSummary | null } {
  if (!frames) {
    return {
      findings: [
        f(
          'audio.missing',
          audioRequired ? 'error' : 'info',
          '§1.2.2',
          0,
          durationSec,
          audioRequired ? {} : { kind: 'optional' },
        ),
      ],
      summary: null,
    };
  }
  const s = summarizeAudio(frames, integratedLufs);
  const out: Finding[] = [];
  const end = durationSec;
  if (s.noiseFloorDb > AUDIO_QC.noiseFloorMaxDbfs) {
    out.push(f('audio.noise', 'warn', AUDIO_QC.section, 0, end, { db: s.noiseFloorDb.toFixed(0), limit: AUDIO_QC.noiseFloorMaxDbfs }, s.noiseFloorDb));
  } else if (s.voicedSeconds > 0 && s.snrDb < AUDIO_QC.minSnrDb) {
    out.push(f('audio.noise', 'warn', AUDIO_QC.section, 0, end, { kind: 'snr', db: s.snrDb.toFixed(0), limit: AUDIO_QC.minSnrDb }, s.snrDb));
  }
  if (s.clippedSamples >= AUDIO_QC.clipMinSamples) {
    const spans = spansOf(frames, (x) => x.clipped > 0, (x) => x.t, FRAME_SEC, 1);
    for (const sp of spans.slice(0, 20)) {
      out.push(f('audio.clipping', 'warn', AUDIO_QC.section, sp.start, sp.end, { at: clock(sp.start) }, s.clippedSamples));
    }
  }
  if (s.voicedSeconds > 0 && s.speechLevelDb < AUDIO_QC.speechMinDbfs) {
    out.push(f('audio.level', 'warn', AUDIO_QC.section, 0, end, { db: s.speechLevelDb.toFixed(0) }, s.speechLevelDb));
  } else if (integratedLufs !== null && (integratedLufs < AUDIO_QC.loudnessMinLufs || integratedLufs > AUDIO_QC.loudnessMaxLufs)) {
    out.push(f('audio.level', 'warn', AUDIO_QC.section, 0, end, { kind: 'loudness', lufs: integratedLufs.toFixed(1), min: AUDIO_QC.loudnessMinLufs, max: AUDIO_QC.loudnessMaxLufs }, integratedLufs));
  }
  if (s.pitchGroupsHz.length === 2) {
    out.push(
      f(
        'audio.second-voice',
        'warn',
        SECOND_VOICE.section,
        0,
        end,
        { low: s.pitchGroupsHz[0]!, high: s.pitchGroupsHz[1]! },
      ),
    );
  }
  return { findings: out, summary: s };
}
