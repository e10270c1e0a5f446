/**
 * Voice QC (§8–10): from the measurements of one file to its stats, findings and verdict. Pure; the
 * measuring (ffmpeg decode, Silero VAD) happens in main (services/voice/analyze-file.ts).
 */
import type { Finding } from '../findings';
import { makeFinding, renderFinding, type Lang } from '../rules';
import type { VoiceRuleId } from '../rules/voice';
import { VOICE_QC, VOICE_TARGETS, type VoiceTargetId } from '../standards';
import { speechMask, type Episode } from './episodes';
import { powerDb, type VoiceFrames } from './frames';

export type VoiceDetector = 'silero-vad-v5' | 'energy';

export interface VoiceMeasurements {
  /** File extension, lower case, without the dot. */
  ext: string;
  codec: string | null;
  sampleRate: number | null;
  channels: number | null;
  durationS: number;
  /** Peak of the native-rate samples (ffmpeg astats), dBFS, and how often it was reached. */
  peakDb: number | null;
  peakCount: number;
  frames: VoiceFrames | null;
  episodes: Episode[];
  /**
   * Effective speech: the frames the detector calls speech (Silero p ≥ 0.5, its published
   * threshold), without the joining of pauses that the episodes get.
   */
  speechS: number;
  detector: VoiceDetector;
  /** Which ONNX Runtime build ran Silero (the same model and probabilities either way). */
  vadRuntime?: 'native' | 'wasm';
  /** Why Silero did not run, when the detector is the fallback. */
  fallbackReason?: string;
  /** Pitch groups of the second-speaker heuristic (qc/audio-rules pitchGroups): one or two. */
  pitchGroupsHz: number[];
}

export interface VoiceStats {
  durationS: number;
  speechS: number;
  sampleRate: number | null;
  peakDb: number | null;
  noiseFloorDb: number | null;
  speechLevelDb: number | null;
  snrDb: number | null;
  clippedSamples: number;
  levelSpreadDb: number | null;
  highBandDb: number | null;
  detector: VoiceDetector;
  vadRuntime?: 'native' | 'wasm';
}

export type VoiceFinding = Finding;

export interface VoiceQcResult {
  verdict: 'pass' | 'warn' | 'fail';
  target: VoiceTargetId;
  findings: VoiceFinding[];
  stats: VoiceStats;
  episodes: Episode[];
}

export function voiceFinding(rule: VoiceRuleId, start: number, end: number, values: Record<string, string | number> = {}, severity?: Finding['severity']): VoiceFinding {
  return makeFinding(rule, { start, end, values, severity });
}

export function renderVoiceFinding(f: VoiceFinding, lang: Lang): string {
  return renderFinding(f, lang);
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** Power mean of the quietest share of 500-ms windows (hop 250 ms), dBFS. */
export function noiseFloorDb(frames: VoiceFrames): number | null {
  const win = Math.max(1, Math.round(VOICE_QC.noise.windowMs / 1000 / frames.frameS));
  const hop = Math.max(1, Math.floor(win / 2));
  const windows: number[] = [];
  for (let i = 0; i + win <= frames.count; i += hop) {
    let s = 0;
    for (let k = i; k < i + win; k++) s += frames.power[k]!;
    windows.push(s / win);
  }
  if (!windows.length) return null;
  windows.sort((a, b) => a - b);
  const n = Math.max(1, Math.floor(windows.length * VOICE_QC.noise.quietestShare));
  return powerDb(windows.slice(0, n).reduce((a, b) => a + b, 0) / n);
}

/** Speech level per block of VOICE_QC.consistency.blockSpeechS of speech, dBFS. */
export function blockLevels(frames: VoiceFrames, mask: Uint8Array): number[] {
  const per = Math.round(VOICE_QC.consistency.blockSpeechS / frames.frameS);
  const out: number[] = [];
  let s = 0;
  let n = 0;
  for (let i = 0; i < frames.count; i++) {
    if (!mask[i]) continue;
    s += frames.power[i]!;
    if (++n === per) {
      out.push(powerDb(s / n));
      s = 0;
      n = 0;
    }
  }
  if (n >= per / 2) out.push(powerDb(s / n));
  return out;
}

export function levelSpreadDb(levels: readonly number[]): number | null {
  if (levels.length < 3) return null;
  const sorted = [...levels].sort((a, b) => a - b);
  const trim = Math.floor(sorted.length * VOICE_QC.consistency.trimShare);
  const kept = sorted.slice(trim, sorted.length - trim);
  return kept[kept.length - 1]! - kept[0]!;
}

export function voiceQc(m: VoiceMeasurements, target: VoiceTargetId): VoiceQcResult {
  const out: VoiceFinding[] = [];
  const end = m.durationS;
  const speechS = m.speechS;
  if (!(VOICE_QC.formats.extensions as readonly string[]).includes(m.ext)) out.push(voiceFinding('voice.format', 0, end, { ext: m.ext ? `.${m.ext}` : 'A file without an extension' }));
  const stats: VoiceStats = {
    durationS: r1(m.durationS),
    speechS: r1(speechS),
    sampleRate: m.sampleRate,
    peakDb: m.peakDb === null ? null : r1(m.peakDb),
    noiseFloorDb: null,
    speechLevelDb: null,
    snrDb: null,
    clippedSamples: 0,
    levelSpreadDb: null,
    highBandDb: null,
    detector: m.detector,
    ...(m.vadRuntime ? { vadRuntime: m.vadRuntime } : {}),
  };
  if (!m.frames || m.codec === null) {
    out.push(voiceFinding('voice.no-audio', 0, end));
    return finish(out, stats, target, m.episodes);
  }
  if (m.detector === 'energy') out.push(voiceFinding('voice.vad-fallback', 0, end, { reason: m.fallbackReason ?? 'not available' }));
  if (!(VOICE_QC.lossless.codecs as readonly string[]).includes(m.codec)) out.push(voiceFinding('voice.lossy', 0, end, { codec: m.codec }));
  if (m.sampleRate !== null && m.sampleRate < VOICE_QC.sampleRate.recommendedHz) {
    const fail = m.sampleRate < VOICE_QC.sampleRate.minHz;
    out.push(voiceFinding('voice.sample-rate', 0, end, { hz: m.sampleRate, wantHz: VOICE_QC.sampleRate.recommendedHz }, fail ? 'error' : 'warn'));
  }
  const f = m.frames;
  const clipping = m.peakDb !== null && m.peakDb >= VOICE_QC.clipping.peakDb ? m.peakCount : 0;
  stats.clippedSamples = clipping;
  if (clipping >= VOICE_QC.clipping.warnCount) {
    const severity = clipping >= VOICE_QC.clipping.failCount ? 'error' : 'warn';
    const spans = clippedSpans(f);
    for (const sp of spans.length ? spans.slice(0, 10) : [{ start: 0, end }]) out.push(voiceFinding('voice.clipping', sp.start, sp.end, { count: clipping }, severity));
  }
  const floor = noiseFloorDb(f);
  stats.noiseFloorDb = floor === null ? null : r1(floor);
  const mask = speechMask(m.episodes, f.count, f.frameS);
  let sp = 0;
  let n = 0;
  let band = 0;
  let high = 0;
  for (let i = 0; i < f.count; i++) {
    if (!mask[i]) continue;
    sp += f.power[i]!;
    band += f.band[i]!;
    high += f.high[i]!;
    n++;
  }
  if (floor !== null && floor > VOICE_QC.noise.warnDbfs) {
    const fail = floor > VOICE_QC.noise.failDbfs;
    out.push(voiceFinding('voice.noise-floor', 0, end, { db: Math.round(floor), limitDb: VOICE_QC.noise.warnDbfs }, fail ? 'error' : 'warn'));
  }
  if (n > 0) {
    const level = powerDb(sp / n);
    stats.speechLevelDb = r1(level);
    if (floor !== null) {
      const snr = level - floor;
      stats.snrDb = r1(snr);
      if (snr < VOICE_QC.snr.passDb) out.push(voiceFinding('voice.snr', 0, end, { db: Math.round(snr) }, snr < VOICE_QC.snr.failDb ? 'error' : 'warn'));
    }
    if (level < VOICE_QC.level.minDbfs || level > VOICE_QC.level.maxDbfs) out.push(voiceFinding('voice.level', 0, end, { db: Math.round(level), minDb: VOICE_QC.level.minDbfs, maxDb: VOICE_QC.level.maxDbfs }));
    const spread = levelSpreadDb(blockLevels(f, mask));
    stats.levelSpreadDb = spread === null ? null : r1(spread);
    if (spread !== null && spread > VOICE_QC.consistency.maxSpreadDb) out.push(voiceFinding('voice.consistency', 0, end, { db: r1(spread), limitDb: VOICE_QC.consistency.maxSpreadDb }));
    if (band > 0) {
      const hb = powerDb(high) - powerDb(band);
      stats.highBandDb = r1(hb);
      if (-hb > VOICE_QC.narrowband.maxHighBelowBandDb) out.push(voiceFinding('voice.narrowband', 0, end, { db: Math.round(-hb) }));
    }
  }
  for (let i = 1; i < m.episodes.length; i++) {
    const gap = m.episodes[i]!.start - m.episodes[i - 1]!.end;
    if (gap > VOICE_QC.pause.maxS) out.push(voiceFinding('voice.pause', m.episodes[i - 1]!.end, m.episodes[i]!.start, { seconds: r1(gap) }));
  }
  if (m.pitchGroupsHz.length === 2) out.push(voiceFinding('voice.second-speaker', 0, end, { hzA: m.pitchGroupsHz[0]!, hzB: m.pitchGroupsHz[1]! }));
  return finish(out, stats, target, m.episodes);
}

function finish(out: VoiceFinding[], stats: VoiceStats, target: VoiceTargetId, episodes: Episode[]): VoiceQcResult {
  const t = VOICE_TARGETS[target];
  const end = stats.durationS;
  const name = target === 'auth' ? 'the authorization recording' : target.toUpperCase();
  const values = { speechS: stats.speechS, target: name, minS: t.minSpeechS, recS: t.recommendedSpeechS, maxS: t.maxSpeechS ?? '' };
  if (stats.speechS === 0) out.push(voiceFinding('voice.no-speech', 0, end));
  else if (stats.speechS < t.minSpeechS) out.push({ ...voiceFinding('voice.too-short', 0, end, values), section: t.section });
  else if (t.maxSpeechS !== null && stats.speechS > t.maxSpeechS) out.push({ ...voiceFinding('voice.too-long', 0, end, values), section: t.section });
  else if (stats.speechS < t.recommendedSpeechS && target === 'tts3') out.push({ ...voiceFinding('voice.below-recommended', 0, end, values), section: t.section });
  if (target === 'auth') out.push(voiceFinding('voice.auth-words-unverified', 0, end));
  const rank = { error: 0, warn: 1, info: 2 } as const;
  out.sort((a, b) => rank[a.severity] - rank[b.severity] || a.start - b.start || a.rule.localeCompare(b.rule));
  const verdict = out.some((x) => x.severity === 'error') ? 'fail' : out.some((x) => x.severity === 'warn') ? 'warn' : 'pass';
  return { verdict, target, findings: out, stats, episodes };
}

/** Where the 16-kHz frames come within 0.3 dB of full scale, joined across 0.5-s gaps. */
function clippedSpans(f: VoiceFrames): Episode[] {
  const limit = 10 ** (-0.3 / 20);
  const spans: Episode[] = [];
  for (let i = 0; i < f.count; i++) {
    if (f.peak[i]! < limit) continue;
    const s = i * f.frameS;
    const last = spans[spans.length - 1];
    if (last && s - last.end < 0.5) last.end = s + f.frameS;
    else spans.push({ start: s, end: s + f.frameS });
  }
  return spans.map((x) => ({ start: r1(x.start), end: r1(x.end) }));
}
