import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/api';
import { studio } from '../api/client';
import { rememberLanguage } from '../i18n';

const LANGUAGES: { id: Language; label: string }[] = [
  { id: 'zh-CN', label: '中文' },
  { id: 'en', label: 'English' },
];

/** Switches at once and persists, both in this browser and in the studio's settings. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = (lang: Language) => {
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
    void studio.call('settings.set', { language: lang }).catch(() => {});
  };
  return (
    <label className="language">
      {t('app.language')}{' '}
      <select data-testid="language" value={i18n.language} onChange={(e) => choose(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
