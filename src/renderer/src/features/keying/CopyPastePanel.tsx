import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatGreenParams, parseGreenParams, type GreenParams, type GreenParamsIssue } from '../../../../shared/green-params';
import { useIssueText } from './issue-text';

/**
 * "Copy Parameters" writes exactly the §1.3.3 JSON (clipboard and on screen); "Paste parameters"
 * validates the platform's JSON and names every bad key or value before anything is applied.
 */
export function CopyPastePanel({ params, onApply }: { params: GreenParams; onApply(p: GreenParams): void }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const [copied, setCopied] = useState<'no' | 'ok' | 'failed'>('no');
  const [pasted, setPasted] = useState('');
  const [issues, setIssues] = useState<GreenParamsIssue[] | null>(null);
  const [applied, setApplied] = useState(false);
  const json = formatGreenParams(params);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(json);
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  };

  const apply = () => {
    const r = parseGreenParams(pasted);
    if (r.ok) {
      setIssues(null);
      setApplied(true);
      onApply(r.params);
    } else {
      setApplied(false);
      setIssues(r.issues);
    }
  };

  return (
    <section className="panel keying-copy" data-testid="keying-copy-panel">
      <h2>{t('keying.copy.heading')}</h2>
      <div className="keying-row">
        <button type="button" data-testid="keying-copy" onClick={() => void copy()}>
          {t('keying.copy.copy')}
        </button>
        {copied === 'ok' && <span className="ok">{t('keying.copy.copied')}</span>}
        {copied === 'failed' && <span className="problem">{t('keying.copy.copyFailed')}</span>}
      </div>
      {copied !== 'no' && (
        <pre className="keying-json" data-testid="keying-copy-json" data-copied={copied}>
          {json}
        </pre>
      )}
      <label className="field">
        {t('keying.copy.paste')}
        <textarea
          className="keying-paste"
          rows={6}
          spellCheck={false}
          placeholder={t('keying.copy.pastePlaceholder')}
          value={pasted}
          data-testid="keying-paste-text"
          onChange={(e) => {
            setPasted(e.target.value);
            setApplied(false);
          }}
        />
      </label>
      <button type="button" className="secondary" data-testid="keying-paste-apply" disabled={!pasted.trim()} onClick={apply}>
        {t('keying.copy.apply')}
      </button>
      {applied && (
        <p className="ok" data-testid="keying-paste-applied">
          {t('keying.copy.applied')}
        </p>
      )}
      {issues && (
        <div className="problem" data-testid="keying-paste-errors" data-count={issues.length}>
          {t('keying.copy.errors')}
          <ul>
            {issues.map((i, n) => (
              <li key={n} data-testid="keying-paste-error" data-key={i.key} data-code={i.code} title={i.message}>
                {issueText(i)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
