/**
 * Continuity of the picture (§1.2.5, §7.4 "non-consecutive frames"): black frames, frozen stretches,
 * cuts, and gaps in the frame timestamps. Pure and streaming: one small summary per decoded frame.
 */
import type { Finding } from '../findings';
import { makeFinding } from '../rules';
import { CONTINUITY } from '../standards';
import { clock, spansOf } from './spans';

export interface FrameStats {
  t: number;
  /** Mean luma 0–1. */
  luma: number;
  /** Mean absolute luma difference to the previous frame, 0–1 (null for the first). */
  diff: number | null;
  /** Half the L1 distance of 32-bin luma histograms to the previous frame, 0–1 (null for the first). */
  histDistance: number | null;
}

const BINS = 32;

/** Keeps the previous frame's luma plane and histogram; `push` one RGBA frame at a time. */
export class ContinuityMeter {
  readonly stats: FrameStats[] = [];
  private prevLuma: Uint8Array | null = null;
  private prevHist: Float64Array | null = null;

  push(t: number, rgba: Uint8Array, width: number, height: number): FrameStats {
    const n = width * height;
    // Every second pixel in each direction is plenty for these whole-frame measures.
    const luma = new Uint8Array(Math.ceil(height / 2) * Math.ceil(width / 2));
    const hist = new Float64Array(BINS);
    let k = 0;
    let sum = 0;
    for (let y = 0; y < height; y += 2) {
      for (let x = 0; x < width; x += 2) {
        const i = (y * width + x) * 4;
        const l = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
        luma[k++] = l;
        sum += l;
        hist[l >> 3]!++;
      }
    }
    const count = k || 1;
    let diff: number | null = null;
    let histDistance: number | null = null;
    if (this.prevLuma && this.prevLuma.length === luma.length && this.prevHist) {
      let d = 0;
      for (let i = 0; i < count; i++) d += Math.abs(luma[i]! - this.prevLuma[i]!);
      diff = d / count / 255;
      let h = 0;
      for (let b = 0; b < BINS; b++) h += Math.abs(hist[b]! / count - this.prevHist[b]! / count);
      histDistance = h / 2;
    }
    this.prevLuma = luma;
    this.prevHist = hist;
    void n;
    const s = { t, luma: sum / count / 255, diff, histDistance };
    this.stats.push(s);
    return s;
  }
}

/** Frame times that jump by more than CONTINUITY.gapFrames frame durations (dropped frames). */
export function timestampGaps(times: readonly number[], fps: number): { start: number; end: number; missing: number }[] {
  const frame = 1 / fps;
  const gaps: { start: number; end: number; missing: number }[] = [];
  for (let i = 1; i < times.length; i++) {
    const dt = times[i]! - times[i - 1]!;
    if (dt > frame * CONTINUITY.gapFrames) gaps.push({ start: times[i - 1]!, end: times[i]!, missing: Math.round(dt / frame) - 1 });
  }
  return gaps;
}

export function continuityFindings(stats: readonly FrameStats[], frameSec: number, gaps: ReturnType<typeof timestampGaps> = []): Finding[] {
  const out: Finding[] = [];
  const section = CONTINUITY.section;
  for (const s of spansOf(stats, (x) => x.luma < CONTINUITY.blackLuma, (x) => x.t, frameSec)) {
    const values = { kind: 'black', from: clock(s.start), to: clock(s.end), count: Math.round((s.end - s.start) / frameSec) };
    out.push(makeFinding('frames.discontinuous', { severity: 'error', section, start: s.start, end: s.end, values }));
  }
  const frozen = spansOf(stats, (x) => x.diff !== null && x.diff < CONTINUITY.frozenDiff && x.luma >= CONTINUITY.blackLuma, (x) => x.t, frameSec);
  for (const s of frozen.filter((sp) => sp.end - sp.start >= CONTINUITY.frozenMinSeconds)) {
    out.push(makeFinding('frames.discontinuous', { severity: 'warn', section, start: s.start, end: s.end, values: { kind: 'frozen', from: clock(s.start), to: clock(s.end) } }));
  }
  for (const x of stats) {
    const cut = x.histDistance !== null && x.diff !== null && x.histDistance > CONTINUITY.cutHistogramDistance && x.diff > CONTINUITY.cutDiff;
    if (cut && x.luma >= CONTINUITY.blackLuma) {
      const prev = stats[stats.indexOf(x) - 1];
      if (prev && prev.luma < CONTINUITY.blackLuma) continue; // the end of a black stretch is reported above
      out.push(
        makeFinding('frames.discontinuous', {
          severity: 'warn',
          section,
          start: Math.max(0, x.t - frameSec),
          end: x.t,
          values: { kind: 'cut', at: clock(x.t) },
          value: Math.round(x.histDistance! * 100) / 100,
        }),
      );
    }
  }
  for (const g of gaps) {
    const values = { kind: 'gap', count: g.missing, at: clock(g.start), seconds: (g.end - g.start).toFixed(2) };
    out.push(makeFinding('frames.discontinuous', { severity: 'warn', section, start: g.start, end: g.end, values, value: g.missing }));
  }
  return out;
}
