import { useTranslation } from 'react-i18next';
import { useStudio } from '../../stores/studio-store';
import { AutoCheckToggle } from './AutoCheckToggle';
import { TakeItem } from './TakeItem';

/** The shoot's takes, newest first. */
export function TakeList() {
  const { t } = useTranslation();
  const takes = useStudio((s) => s.takes);
  const recovered = useStudio((s) => s.recovered);
  return (
    <section className="panel" data-testid="take-list">
      <h2>{t('takes.heading')}</h2>
      <AutoCheckToggle />
      {recovered.length > 0 && (
        <div className="banner warn small" data-testid="recovered-banner">
          {t('takes.recoveredBanner', { count: recovered.length })}
        </div>
      )}
      {takes.length === 0 && <p className="muted">{t('takes.empty')}</p>}
      <ol className="takes">
        {[...takes].reverse().map((take) => (
          <TakeItem key={take.id} take={take} />
        ))}
      </ol>
    </section>
  );
}
