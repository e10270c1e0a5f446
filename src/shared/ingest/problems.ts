/**
 * The delivery-format rules (§1.2.3, §1.2.5, §7.1, §1.2.2) applied to a probed file: what stands
 * between this file and the platform's MP4. Pure, so the acceptance checker reuses it on finished
 * files and the convert screen on imports. `fixedByConvert` says whether converting cures it.
 */
import type { ProbeResult } from '../probe';
import {
  DELIVERY_AUDIO,
  DELIVERY_CONTAINER,
  DELIVERY_FPS,
  DELIVERY_RESOLUTIONS,
  DELIVERY_VIDEO,
  FPS_TOLERANCE,
} from '../standards';
import type { Finding, Severity } from './finding';

export interface FormatRule {
  id: string;
  section: string;
  severity: Severity;
  /** Converting to the delivery MP4 removes the problem. */
  fixedByConvert: boolean;
}

const rule = (id: string, section: string, severity: Severity, fixedByConvert: boolean): FormatRule => ({
  id,
  section,
  severity,
  fixedByConvert,
});

/** Every rule, in the order problems are listed. */
export const FORMAT_RULES = {
  noVideo: rule('format.no-video', DELIVERY_VIDEO.section, 'error', false),
  container: rule('format.container', DELIVERY_CONTAINER.section, 'warn', true),
  mov: rule('format.mov', `§1.2.3, ${DELIVERY_CONTAINER.section}`, 'warn', true),
  videoCodec: rule('format.video-codec', DELIVERY_VIDEO.section, 'warn', true),
  hdr: rule('format.hdr', `§1.2.3, ${DELIVERY_VIDEO.section}`, 'warn', true),
  bitDepth: rule('format.bit-depth', DELIVERY_VIDEO.section, 'warn', true),
  pixelFormat: rule('format.pixel-format', DELIVERY_VIDEO.section, 'warn', true),
  vfr: rule('format.vfr', DELIVERY_FPS.section, 'warn', true),
  fps: rule('format.fps', DELIVERY_FPS.section, 'warn', true),
  rotation: rule('format.rotation', DELIVERY_RESOLUTIONS.section, 'warn', true),
  resolution: rule('format.resolution', DELIVERY_RESOLUTIONS.section, 'warn', false),
  landscape: rule('format.landscape', DELIVERY_RESOLUTIONS.section, 'info', false),
  noAudio: rule('format.no-audio', DELIVERY_AUDIO.section, 'warn', false),
  audioCodec: rule('format.audio-codec', DELIVERY_AUDIO.section, 'warn', true),
  audioRate: rule('format.audio-rate', DELIVERY_AUDIO.section, 'warn', true),
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
  const add = (r: FormatRule, message: string, values?: Finding['values']) =>
    out.push({ rule: r.id, severity: r.severity, section: r.section, start: null, end: null, message, ...(values ? { values } : {}) });

  const v = p.video;
  if (!v) {
    add(FORMAT_RULES.noVideo, 'no video stream: an audio-only file cannot become a delivery video');
  }
  if (p.container === 'mov') {
    add(FORMAT_RULES.mov, 'MOV (QuickTime), e.g. from an iPhone: the platform takes MP4 only', { container: 'MOV' });
  } else if (p.container !== DELIVERY_CONTAINER.container) {
    add(FORMAT_RULES.container, `${p.container} container: the platform takes MP4 only`, { container: p.container });
  }
  if (v) {
    if (v.codec !== DELIVERY_VIDEO.codec) {
      add(FORMAT_RULES.videoCodec, `${codecName(v.codec)} video: the delivery file is H.264`, { codec: codecName(v.codec) });
    }
    if (v.hdr !== 'none') {
      const transfer = v.hdr === 'hlg' ? 'HLG' : 'PQ';
      add(FORMAT_RULES.hdr, `HDR (${transfer}): its colours cannot be fully restored; it is tone-mapped to SDR BT.709`, { transfer });
    }
    if (v.bitDepth > DELIVERY_VIDEO.bitDepth) {
      add(FORMAT_RULES.bitDepth, `${v.bitDepth}-bit video: the delivery file is 8-bit`, { bits: v.bitDepth });
    } else if (!PLAIN_420.has(v.pixelFormat)) {
      add(FORMAT_RULES.pixelFormat, `pixel format ${v.pixelFormat}: the delivery file is 4:2:0 (yuv420p)`, { pixelFormat: v.pixelFormat });
    }
    const target = fpsOf(DELIVERY_FPS.num, DELIVERY_FPS.den);
    if (v.vfr) {
      const avg = round2(v.avgFrameRate.fps);
      add(FORMAT_RULES.vfr, `variable frame rate (average ${avg} fps): the delivery file is exactly ${target} fps`, { fps: avg });
    } else if (v.rFrameRate.fps > 0 && Math.abs(v.rFrameRate.fps - target) > target * FPS_TOLERANCE) {
      const fps = round2(v.rFrameRate.fps);
      add(FORMAT_RULES.fps, `${fps} fps: the delivery file is exactly ${target} fps`, { fps });
    }
    if (v.rotation !== 0) {
      add(FORMAT_RULES.rotation, `stored turned, with a ${v.rotation}° rotation tag: the pixels are turned upright instead`, { degrees: v.rotation });
    }
    const short = Math.min(v.displayWidth, v.displayHeight);
    if (!DELIVERY_RESOLUTIONS.shortSides.includes(short)) {
      add(FORMAT_RULES.resolution, `${v.displayWidth}×${v.displayHeight}: 1080p is recommended, 4K supported`, {
        width: v.displayWidth,
        height: v.displayHeight,
      });
    }
    if (v.displayWidth > v.displayHeight) {
      add(FORMAT_RULES.landscape, 'landscape: portrait is recommended; a landscape video trains a landscape avatar');
    }
  }
  const a = p.audio;
  if (!a) {
    if (v) add(FORMAT_RULES.noAudio, 'no audio: the footage needs the on-set microphone sound');
  } else {
    if (a.codec !== DELIVERY_AUDIO.codec) {
      add(FORMAT_RULES.audioCodec, `${a.codec} audio: the delivery file has AAC`, { codec: a.codec });
    }
    if (a.sampleRate !== DELIVERY_AUDIO.sampleRate) {
      add(FORMAT_RULES.audioRate, `audio at ${a.sampleRate} Hz: the delivery file has ${DELIVERY_AUDIO.sampleRate} Hz`, { rate: a.sampleRate });
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
