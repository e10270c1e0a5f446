import { useTranslation } from 'react-i18next';
import { CAPTURE_FORMAT, DELIVERED_FPS } from '../../../../shared/standards';
import type { RecStatsView } from './use-rec-stats';

/** Frames the recorder really gets, live, large; a warning when below the standard (§1.2.2). */
export function RecStats({ view }: { view: RecStatsView | null }) {
  const { t } = useTranslation();
  if (!view) return null;
  const low = view.lowNow || view.belowStandard;
  return (
    <div
      className={`rec-stats${low ? ' low' : ''}`}
      data-testid="rec-stats"
      data-delivered-fps={view.deliveredFps}
      data-window-fps={view.windowFps}
      data-dropped={view.droppedFrames}
      data-delivered-frames={view.deliveredFrames}
      data-low={low ? 'true' : 'false'}
      data-source={view.source}
    >
      <span className="big-readout">
        <b>{view.windowFps.toFixed(1)}</b> {t('recStats.fps')}
      </span>
      <span className="big-readout">
        <b>{view.droppedFrames}</b> {t('recStats.dropped')}
      </span>
      {low && (
        <span className="rec-stats-warning" data-testid="rec-stats-warning">
          {t('recStats.low', { fps: view.windowFps.toFixed(1), want: CAPTURE_FORMAT.fps, min: DELIVERED_FPS.minFps })}
        </span>
      )}
    </div>
  );
}
