import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { studio } from './api/client';
import i18next, { hasRememberedLanguage, rememberLanguage } from './i18n';
import { ErrorBanner } from './components/ErrorBanner';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SCREENS } from './screens';
import { useScreen } from './use-screen';
import { useStudio } from './stores/studio-store';

export function App() {
  const { t, i18n } = useTranslation();
  const load = useStudio((s) => s.load);
  const info = useStudio((s) => s.info);
  const [screen, setScreen] = useScreen();
  const Current = SCREENS.find((s) => s.id === screen)?.Component ?? SCREENS[0]?.Component;

  useEffect(() => {
    void load();
    // A browser that has no choice of its own yet takes the one saved in the studio's settings
    // (another window, a browser reset) before the system locale; a local choice wins.
    if (!hasRememberedLanguage()) void studio
      .call('settings.get', {})
      .then((s) => {
        // The i18next instance itself: useTranslation's `i18n` is a new snapshot object after each
        // language change, which made this effect re-run and switch the language back.
        if (s.language && s.language !== i18next.language) {
          rememberLanguage(s.language);
          void i18next.changeLanguage(s.language);
        }
      })
      .catch(() => {});
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.title = t('app.title');
  }, [i18n.language, t]);

  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        {info && <span className="mode">{t(`app.mode.${info.mode}`)}</span>}
        <nav className="tabs">
          {SCREENS.map((s) => (
            <button
              key={s.id}
              type="button"
              data-testid={`nav-${s.id}`}
              className={s.id === screen ? 'tab active' : 'tab'}
              onClick={() => setScreen(s.id)}
            >
              {t(`nav.${s.id}`)}
            </button>
          ))}
        </nav>
        <div className="spacer" />
        <LanguageSwitch />
      </header>
      {info && 'error' in info.ffmpeg && <div className="banner warn">{t('app.ffmpegMissing')} {info.ffmpeg.error.hint}</div>}
      <ErrorBanner />
      {Current && <Current />}
    </div>
  );
}
