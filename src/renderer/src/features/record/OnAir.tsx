import { useTranslation } from 'react-i18next';
import { usePhase } from '../../stores/phase-store';

/** Recording while the phase clock runs (Record → Stop). */
export function useOnAir(): boolean {
  const phase = usePhase((s) => s.phase);
  return phase !== 'idle' && phase !== 'stopped';
}

/**
 * The tally: a red frame around the preview and a large "REC" lamp in its corner while a take
 * records, readable across the room (issue #13 item 1). Drawn over the operator's preview only.
 */
export function OnAirTally() {
  const { t } = useTranslation();
  const onAir = useOnAir();
  return (
    <div className={`on-air-frame${onAir ? ' on' : ''}`} data-testid="on-air" data-on-air={onAir ? 'true' : 'false'} aria-live="polite">
      {onAir && (
        <span className="tally-lamp">
          <span className="rec-dot big" /> {t('onAir.rec')}
        </span>
      )}
    </div>
  );
}
