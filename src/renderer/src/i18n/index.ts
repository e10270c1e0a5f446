import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../shared/api';
import { en } from './en';
import { zhCN } from './zh-CN';

const LANGUAGE_KEY = 'capture-studio.language';

/** The system locale decides until the operator picks a language (then it persists). */
export function systemLanguage(locale = navigator.language): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : systemLanguage();
}

export function hasRememberedLanguage(): boolean {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  return saved === 'en' || saved === 'zh-CN';
}

export function rememberLanguage(lang: Language | null): void {
  if (lang) localStorage.setItem(LANGUAGE_KEY, lang);
  else localStorage.removeItem(LANGUAGE_KEY);
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

// Every window of the studio on this machine follows a language switch made in another one (the
// prompter window or tab, issue #13): localStorage's storage event reaches the others at once.
window.addEventListener('storage', (e) => {
  if (e.key !== LANGUAGE_KEY) return;
  void i18next.changeLanguage(e.newValue === 'en' || e.newValue === 'zh-CN' ? e.newValue : systemLanguage());
});

export default i18next;
