import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import { useScreen } from '../../use-screen';
import { useVerdicts } from './verdict-store';

/** The take's verdict (last check, or the auto-check on its way), with counts (issue #13 item 5). */
export function TakeVerdict({ take }: { take: Take }) {
  const { t } = useTranslation();
  const v = useVerdicts((s) => s.verdicts[take.id]);
  const auto = useVerdicts((s) => s.auto[take.id]);
  const openCheck = useOpenCheck();
  if (v) {
    return (
      <div className="take-verdict" data-testid="take-verdict" data-verdict={v.verdict} data-errors={v.counts.error} data-warnings={v.counts.warn}>
        <span className={`verdict ${v.verdict}`}>{t(`takeCheck.verdict.${v.verdict}`)}</span>
        <span className="small">{t('takeCheck.counts', { errors: v.counts.error, warnings: v.counts.warn })}</span>
        <button type="button" className="link small" data-testid="take-open-report" onClick={() => openCheck(take)}>
          {t('takeCheck.open')}
        </button>
      </div>
    );
  }
  if (auto && (auto.state === 'queued' || auto.state === 'running' || auto.state === 'paused')) {
    return (
      <div className="take-verdict" data-testid="take-checking" data-state={auto.state}>
        {auto.state !== 'queued' && <progress max={1} value={auto.fraction ?? 0} />}
        <span className="small muted">{t(`takeCheck.${auto.state}`)}</span>
      </div>
    );
  }
  if (auto?.state === 'failed') return <p className="small problem">{t('takeCheck.failed')}</p>;
  return null;
}

/** Frames delivered, incomplete take, checklist override: what the Record screen knew at Stop. */
export function TakeLoopFacts({ take }: { take: Take }) {
  const { t } = useTranslation();
  const s = take.recStats;
  return (
    <>
      {take.incomplete && (
        <p className="small take-incomplete" data-testid="take-incomplete">
          {t('takeLoop.incomplete', { recorded: take.incomplete.recordedSeconds.toFixed(1), silent: take.incomplete.silentSeconds })}
        </p>
      )}
      {take.checklistOverride && (
        <p className="small warn-text" data-testid="take-checklist-override">
          {t('takeLoop.override', { count: take.checklistOverride.unticked.length })}
        </p>
      )}
      {s && (
        <p
          className={`small take-rec-stats${s.belowStandard ? ' low' : ''}`}
          data-testid="take-rec-stats"
          data-delivered-fps={s.deliveredFps}
          data-dropped={s.droppedFrames}
          data-recorded-frames={s.recorded?.frames ?? ''}
          data-recorded-fps={s.recorded?.fps ?? ''}
        >
          {t('takeLoop.frames', { fps: (s.recorded?.fps ?? s.deliveredFps).toFixed(1), dropped: s.droppedFrames })}
          {s.alignment && s.alignment.action !== 'none' && <> · {t(`takeLoop.${s.alignment.action}`, { seconds: s.alignment.seconds.toFixed(2) })}</>}
        </p>
      )}
    </>
  );
}

/** Opens the Check screen on a take's last report. */
function useOpenCheck(): (take: Take) => void {
  const [, go] = useScreen();
  return (take) => {
    sessionStorage.setItem('capture-studio.check-take', JSON.stringify({ shootId: take.shootId, takeId: take.id }));
    go('check');
  };
}
