import type { Marker, Take } from '../../../../shared/api';

const PHASE_COLORS: Record<string, string> = {
  silent: '#3b6fd8',
  narration: '#2f9e5b',
  idle: '#8a6cd1',
  actions: '#d08a2c',
};
const MARKER_COLORS: Record<Marker['kind'], string> = {
  phase: '#ffffff',
  flub: '#ff6b6b',
  'action-start': '#ffd166',
  'action-end': '#ffd166',
  'return-idle': '#c3a6ff',
  note: '#9ad0ff',
};

export interface TimelineSpan {
  start: number;
  end: number;
  color: string;
  label: string;
}

/**
 * A take on one line: its phases as bands, markers as ticks, optional spans (findings) shaded,
 * and the current time. Drawn in SVG so it scales with the panel.
 */
export function TakeTimeline({
  duration,
  phases,
  markers,
  now,
  spans = [],
  height = 26,
}: {
  duration: number;
  phases: Take['phases'];
  markers: Marker[];
  now?: number;
  spans?: TimelineSpan[];
  height?: number;
}) {
  const d = Math.max(duration, 1);
  const x = (t: number) => `${(Math.min(Math.max(t, 0), d) / d) * 100}%`;
  const w = (a: number, b: number) => `${(Math.max(0, Math.min(b, d) - Math.max(a, 0)) / d) * 100}%`;
  return (
    <svg className="take-timeline" width="100%" height={height} data-testid="take-timeline" role="img">
      <rect x="0" y="0" width="100%" height={height} fill="#2a2d33" rx="3" />
      {phases.map((p, i) => (
        <rect key={i} x={x(p.start)} y={2} width={w(p.start, p.end ?? d)} height={height - 4} fill={PHASE_COLORS[p.kind] ?? '#555'} opacity={0.55}>
          <title>{p.kind}</title>
        </rect>
      ))}
      {spans.map((s, i) => (
        <rect key={`s${i}`} x={x(s.start)} y={0} width={w(s.start, Math.max(s.end, s.start + d / 300))} height={height} fill={s.color} opacity={0.45}>
          <title>{s.label}</title>
        </rect>
      ))}
      {markers
        .filter((m) => m.kind !== 'phase')
        .map((m) => (
          <line key={m.id} x1={x(m.t)} x2={x(m.t)} y1={0} y2={height} stroke={MARKER_COLORS[m.kind]} strokeWidth={2} data-marker-kind={m.kind} data-t={m.t}>
            <title>
              {m.kind} {m.t.toFixed(2)} s{m.note ? ` — ${m.note}` : ''}
            </title>
          </line>
        ))}
      {now !== undefined && <line x1={x(now)} x2={x(now)} y1={0} y2={height} stroke="#ff4d4f" strokeWidth={2} />}
    </svg>
  );
}
