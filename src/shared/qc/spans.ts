/** Turn per-frame booleans into time spans, joining breaks shorter than `mergeGap` seconds. */
export interface Span {
  start: number;
  end: number;
}

export function spansOf<T>(items: readonly T[], on: (x: T) => boolean, time: (x: T) => number, frameSec: number, mergeGap = 0): Span[] {
  const spans: Span[] = [];
  let cur: Span | null = null;
  // Frame times are rounded (ffprobe gives microseconds): at 30 or 29.97 fps the next frame starts
  // up to a microsecond after this one's computed end. Half a frame of slack joins neighbours and
  // never bridges a missing frame (held-out set C: a frozen second at 30 fps fell apart into
  // 2-frame pieces and was not reported).
  const slack = frameSec / 2;
  for (const x of items) {
    const t = time(x);
    if (on(x)) {
      if (cur && t - cur.end <= mergeGap + slack) cur.end = t + frameSec;
      else {
        cur = { start: t, end: t + frameSec };
        spans.push(cur);
      }
    }
  }
  return spans;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.floor((p / 100) * (s.length - 1))))]!;
}

/** "0:07" */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** m:ss.s — for short events (a frozen second, a cut) where whole seconds say too little. */
export function clockTenths(seconds: number): string {
  const s = Math.max(0, Math.round(seconds * 10) / 10);
  const m = Math.floor(s / 60);
  return `${m}:${(s - m * 60).toFixed(1).padStart(4, '0')}`;
}
