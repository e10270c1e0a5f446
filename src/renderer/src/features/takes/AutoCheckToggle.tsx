import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { studio } from '../../api/client';
import { useStudio } from '../../stores/studio-store';

/** The opt-out of checking every take when it is saved (settings.json autoCheck; default on). */
export function AutoCheckToggle() {
  const { t } = useTranslation();
  const setError = useStudio((s) => s.setError);
  const [enabled, setEnabled] = useState<boolean | null>(null);
  useEffect(() => {
    studio
      .call('settings.get', {})
      .then((s) => setEnabled(s.autoCheck !== false))
      .catch(setError);
  }, [setError]);
  if (enabled === null) return null;
  return (
    <label className="check small" data-testid="auto-check-label">
      <input
        type="checkbox"
        data-testid="auto-check"
        checked={enabled}
        onChange={(e) => {
          const next = e.target.checked;
          setEnabled(next);
          studio.call('check.auto-set', { enabled: next }).catch(setError);
        }}
      />
      {t('takeCheck.auto')}
    </label>
  );
}
