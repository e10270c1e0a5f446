import { useTranslation } from 'react-i18next';
import { useStudio } from '../stores/studio-store';

/** The last error, in the UI language first, main's own words as the detail, and what to do. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const error = useStudio((s) => s.error);
  const setError = useStudio((s) => s.setError);
  if (!error) return null;
  return (
    <div className="banner error" role="alert" data-testid="error-banner" data-code={error.code}>
      <strong>{t(`errors.${error.code}`)}</strong> <span>{error.message}</span>
      {error.hint && <div className="hint">{error.hint}</div>}
      <button type="button" className="link" onClick={() => setError(null)} aria-label="dismiss">
        ×
      </button>
    </div>
  );
}
