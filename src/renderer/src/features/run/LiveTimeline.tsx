import { useEffect, useState } from 'react';
import { SHOOT_PRESETS } from '../../../../shared/standards';
import { plannedSeconds } from '../../../../shared/presets';
import { useLiveTake } from '../../stores/live-take-store';
import { mediaNow, usePhase } from '../../stores/phase-store';
import { TakeTimeline } from './TakeTimeline';
import type { Take } from '../../../../shared/api';

/** The take being recorded: planned length, phases so far, markers as they are made. */
export function LiveTimeline() {
  const markers = useLiveTake((s) => s.markers);
  const takeId = useLiveTake((s) => s.takeId);
  const preset = usePhase((s) => s.preset);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!takeId) return;
    const id = setInterval(() => setNow(mediaNow()), 200);
    return () => clearInterval(id);
  }, [takeId]);
  if (!takeId || !preset) return null;
  const planned = plannedSeconds(SHOOT_PRESETS[preset]);
  const starts = markers.filter((m) => m.kind === 'phase' && m.phase).sort((a, b) => a.t - b.t);
  const phases: Take['phases'] = starts.map((m, i) => ({ kind: m.phase!, start: m.t, end: starts[i + 1]?.t ?? now }));
  return (
    <div className="live-timeline" data-testid="live-timeline" data-markers={markers.filter((m) => m.kind !== 'phase').length}>
      <TakeTimeline duration={Math.max(planned, now)} phases={phases} markers={markers} now={now} />
    </div>
  );
}
