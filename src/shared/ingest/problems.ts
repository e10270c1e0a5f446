/**
 * The delivery-format rules (§1.2.3, §1.2.5, §7.1, §1.2.2) applied to a probed file: what stands
 * between this file and the platform's MP4. Pure, so the acceptance checker reuses it on finished
 * files and the convert screen on imports. `fixedByConvert` says whether converting cures it.
 */
import type { ProbeResult } from '../probe';
import { makeFinding, ruleDef } from '../rules';
import { DELIVERY_AUDIO, DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS, DELIVERY_VIDEO, FPS_TOLERANCE } from '../standards';
import type { Finding, FindingValues, Severity } from '../findings';

export interface FormatRule {
  id: string;
  section: string;
  /** The convert screen's judgement (the registry holds the checker's usual one). */
  severity: Severity;
  /** Converting to the delivery MP4 removes the problem. */
  fixedByConvert: boolean;
}

/** Ids, §§ and wording are the registry's (src/shared/rules/format.ts); here only what converting does. */
const rule = (id: string, severity: Severity, fixedByConvert: boolean): FormatRule => ({
  id,
  section: ruleDef(id)?.section ?? '',
  severity,
  fixedByConvert,
});

/** Every rule, in the order problems are listed. */
export const FORMAT_RULES = {
  noVideo: rule('format.no-video', 'error', false),
  container: rule('format.container', 'warn', true),
  videoCodec: rule('format.video-codec', 'warn', true),
  hdr: rule('format.hdr', 'warn', true),
  bitDepth: rule('format.bit-depth', 'warn', true),
  pixelFormat: rule('format.pixel-format', 'warn', true),
  vfr: rule('format.vfr', 'warn', true),
  fps: rule('format.fps', 'warn', true),
  rotation: rule('format.rotation', 'warn', true),
  resolution: rule('format.resolution', 'warn', false),
  landscape: rule('format.landscape', 'info', false),
  noAudio: rule('format.no-audio', 'warn', false),
  audioCodec: rule('format.audio-codec', 'warn', true),
  audioRate: rule('format.audio-rate', 'warn', true),
} as const;

export type FormatRuleId = (typeof FORMAT_RULES)[keyof typeof FORMAT_RULES]['id'];

const BY_ID = new Map<string, FormatRule>(Object.values(FORMAT_RULES).map((r) => [r.id, r]));

export function formatRule(id: string): FormatRule | undefined {
  return BY_ID.get(id);
}

/** 4:2:0 8-bit in either range: what the delivery's yuv420p is made from without loss of format. */
const PLAIN_420 = new Set(['yuv420p', 'yuvj420p', 'nv12']);
const fpsOf = (num: number, den: number) => num / den;

/** The problems of one probed file against the delivery format, most serious first. */
export function formatProblems(p: ProbeResult): Finding[] {
  const out: Finding[] = [];
  // Whole-file problems span [0, duration] (src/shared/findings.ts).
  const add = (r: FormatRule, values?: FindingValues, section?: string) =>
    out.push(makeFinding(r.id, { start: 0, end: Math.max(0, p.durationSec), values, severity: r.severity, section }));

  const v = p.video;
  if (!v) {
    add(FORMAT_RULES.noVideo);
  }
  if (p.container !== DELIVERY_CONTAINER.container) {
    // MOV is named in §1.2.3 as well as in the delivery format.
    if (p.container === 'mov') add(FORMAT_RULES.container, { kind: 'mov', container: 'MOV' }, `§1.2.3, ${DELIVERY_CONTAINER.section}`);
    else add(FORMAT_RULES.container, { container: p.container.toUpperCase() });
  }
  if (v) {
    if (v.codec !== DELIVERY_VIDEO.codec) {
      add(FORMAT_RULES.videoCodec, { codec: codecName(v.codec) });
    }
    if (v.hdr !== 'none') {
      const transfer = v.hdr === 'hlg' ? 'HLG' : 'PQ';
      add(FORMAT_RULES.hdr, { transfer });
    }
    if (v.bitDepth > DELIVERY_VIDEO.bitDepth) {
      add(FORMAT_RULES.bitDepth, { bits: v.bitDepth });
    } else if (!PLAIN_420.has(v.pixelFormat)) {
      add(FORMAT_RULES.pixelFormat, { pixelFormat: v.pixelFormat });
    }
    const target = fpsOf(DELIVERY_FPS.num, DELIVERY_FPS.den);
    if (v.vfr) {
      const avg = round2(v.avgFrameRate.fps);
      add(FORMAT_RULES.vfr, { fps: avg });
    } else if (v.rFrameRate.fps > 0 && Math.abs(v.rFrameRate.fps - target) > target * FPS_TOLERANCE) {
      const fps = round2(v.rFrameRate.fps);
      add(FORMAT_RULES.fps, { fps });
    }
    if (v.rotation !== 0) {
      add(FORMAT_RULES.rotation, { degrees: v.rotation });
    }
    const short = Math.min(v.displayWidth, v.displayHeight);
    if (!DELIVERY_RESOLUTIONS.shortSides.includes(short)) {
      add(FORMAT_RULES.resolution, {
        width: v.displayWidth,
        height: v.displayHeight,
      });
    }
    if (v.displayWidth > v.displayHeight) {
      add(FORMAT_RULES.landscape);
    }
  }
  const a = p.audio;
  if (!a) {
    if (v) add(FORMAT_RULES.noAudio);
  } else {
    if (a.codec !== DELIVERY_AUDIO.codec) {
      add(FORMAT_RULES.audioCodec, { codec: a.codec });
    }
    if (a.sampleRate !== DELIVERY_AUDIO.sampleRate) {
      add(FORMAT_RULES.audioRate, { rate: a.sampleRate });
    }
  }
  return out;
}

/** Whether converting can make this file deliverable (it has a video stream). */
export function isConvertible(problems: readonly Finding[]): boolean {
  return !problems.some((f) => f.severity === 'error');
}

function codecName(codec: string): string {
  const names: Record<string, string> = { hevc: 'HEVC (H.265)', h264: 'H.264', prores: 'ProRes', vp9: 'VP9', av1: 'AV1' };
  return names[codec] ?? codec;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
