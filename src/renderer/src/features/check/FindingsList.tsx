import { useTranslation } from 'react-i18next';
import type { ReportFinding } from '../../../../shared/qc/report';
import { ruleTitle } from '../../../../shared/qc/rule-titles';
import { formatClock } from '../../lib/format';

/** The findings, errors first; a click seeks the player to the finding. */
export function FindingsList({ findings, onSeek }: { findings: ReportFinding[]; onSeek: (t: number) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  if (findings.length === 0) return <p className="ok">{t('check.noFindings')}</p>;
  return (
    <ol className="findings" data-testid="findings">
      {findings.map((f, i) => (
        <li key={i} className={`finding ${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-start={f.start}>
          <button type="button" className="finding-button" onClick={() => onSeek(f.start)}>
            {f.thumbnail && <img src={f.thumbnail} alt="" className="thumb" />}
            <span className="finding-text">
              <span className={`sev ${f.severity}`}>{t(`check.severity.${f.severity}`)}</span> <strong>{ruleTitle(f.rule, lang)}</strong>{' '}
              <span className="muted small">
                {f.section} · {formatClock(f.start)}–{formatClock(f.end)} ({f.start.toFixed(2)}–{f.end.toFixed(2)} s)
              </span>
              <span className="small">{f.message}</span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
