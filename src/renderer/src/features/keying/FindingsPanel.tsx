import { useTranslation } from 'react-i18next';
import type { KeyAnalysis } from '../../../../shared/keying/analysis';
import { worstSeverity, type KeyFinding } from '../../../../shared/keying/findings';
import { useRuleText } from '../../lib/rules';

/** The words of a finding in the UI's language, from the rule registry (rule, kind, values). */
export function useFindingText(): (f: KeyFinding) => { title: string; message: string; action: string } {
  const rules = useRuleText();
  return (f) => ({ title: rules.title(f.rule), message: rules.message(f), action: rules.action(f) ?? f.action });
}

/** The backdrop check (§1.2.4): one line per finding with where and what to do. */
export function FindingsPanel({ analysis, onAnalyse, busy }: { analysis: KeyAnalysis | null; onAnalyse(): void; busy: boolean }) {
  const { t } = useTranslation();
  const text = useFindingText();
  const findings = analysis?.findings ?? [];
  return (
    <section
      className="panel keying-findings"
      data-testid="keying-findings"
      data-ready={analysis ? '1' : '0'}
      data-count={findings.length}
      data-worst={worstSeverity(findings) ?? 'none'}
      data-backdrop={analysis ? (analysis.backdrop.detected ? 'yes' : 'no') : ''}
    >
      <div className="keying-row keying-spread">
        <h2>{t('keying.findings.heading')}</h2>
        <button type="button" className="secondary" data-testid="keying-analyse" onClick={onAnalyse} disabled={busy}>
          {t('keying.findings.analyse')}
        </button>
      </div>
      {analysis && !analysis.backdrop.detected && <p className="muted small">{t('keying.findings.notScreen')}</p>}
      {analysis && findings.length === 0 && <p className="ok">{t('keying.findings.none')}</p>}
      <ul className="keying-finding-list">
        {findings.map((f, i) => {
          const w = text(f);
          return (
            <li
              key={`${f.rule}-${i}`}
              className={`keying-finding ${f.severity}`}
              data-testid="keying-finding"
              data-rule={f.rule}
              data-severity={f.severity}
              data-kind={f.kind}
              data-edge={f.where.edge ?? ''}
            >
              <div className="keying-finding-head">
                <span className={`keying-sev ${f.severity}`}>{t(`keying.findings.severity.${f.severity}`)}</span>
                <strong>{w.title}</strong>
                <span className="muted small">{f.section}</span>
              </div>
              <div>{w.message}</div>
              <div className="muted small">→ {w.action}</div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
