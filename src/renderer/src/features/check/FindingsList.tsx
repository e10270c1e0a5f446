import { useTranslation } from 'react-i18next';
import type { ReportFinding } from '../../../../shared/qc/report';
import { formatClock } from '../../lib/format';
import { useRuleText } from '../../lib/rules';

/** The findings, errors first; a click seeks the player to the finding. */
export function FindingsList({ findings, onSeek }: { findings: ReportFinding[]; onSeek: (t: number) => void }) {
  const { t } = useTranslation();
  const rules = useRuleText();
  if (findings.length === 0) return <p className="ok">{t('check.noFindings')}</p>;
  return (
    <ol className="findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding ${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-start={f.start}>
          <button type="button" className="finding-button" onClick={() => onSeek(f.start)}>
            {f.thumbnail && <img src={f.thumbnail} alt="" className="thumb" />}
            <span className="finding-text">
              <span className={`sev ${f.severity}`}>{t(`check.severity.${f.severity}`)}</span> <strong>{rules.title(f.rule)}</strong>{' '}
              <span className="muted small">
                {f.section} · {formatClock(f.start)}–{formatClock(f.end)} ({f.start.toFixed(2)}–{f.end.toFixed(2)} s)
              </span>
              <span className="small">{rules.message(f)}</span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
