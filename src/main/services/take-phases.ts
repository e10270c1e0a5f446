import type { Marker, Take } from '../../shared/api';

/**
 * Phase spans from the phase markers: each phase marker starts a phase and ends the one before;
 * the last one ends at the end of the take (null while it is still recording).
 */
export function phasesFromMarkers(markers: Marker[], endSeconds: number | null): Take['phases'] {
  const starts = markers.filter((m) => m.kind === 'phase' && m.phase).sort((a, b) => a.t - b.t);
  return starts.map((m, i) => ({
    kind: m.phase!,
    start: m.t,
    end: starts[i + 1]?.t ?? endSeconds,
  }));
}
