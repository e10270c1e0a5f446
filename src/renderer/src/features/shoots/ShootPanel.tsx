import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/api';
import { useStudio } from '../../stores/studio-store';
import { PresetPicker } from '../run/PresetPicker';

/** Pick the current shoot or create one (name and model); takes are saved under it. */
export function ShootPanel() {
  const { t } = useTranslation();
  const { shoots, shootId, selectShoot, createShoot, info } = useStudio();
  const [name, setName] = useState('');
  const [model, setModel] = useState('');
  const [preset, setPreset] = useState<PresetId>('standard-short');
  const [showForm, setShowForm] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    void createShoot(name.trim(), model.trim(), preset).then(() => {
      setName('');
      setModel('');
      setShowForm(false);
    });
  };

  const formOpen = showForm || shoots.length === 0;
  return (
    <section className="panel" data-testid="shoot-panel">
      <h2>{t('shoot.heading')}</h2>
      {shoots.length === 0 && <p className="muted">{t('shoot.none')}</p>}
      {shoots.length > 0 && (
        <label className="field">
          {t('shoot.pick')}
          <select data-testid="shoot-select" value={shootId ?? ''} onChange={(e) => void selectShoot(e.target.value)}>
            {shoots.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.model ? ` · ${s.model}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {formOpen ? (
        <form onSubmit={submit} className="stack">
          <label className="field">
            {t('shoot.name')}
            <input data-testid="shoot-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required />
          </label>
          <label className="field">
            {t('shoot.model')}
            <input data-testid="shoot-model" value={model} onChange={(e) => setModel(e.target.value)} maxLength={120} />
          </label>
          <PresetPicker value={preset} onChange={setPreset} testId="shoot-preset" />
          <button type="submit" data-testid="shoot-create" disabled={!name.trim()}>
            {t('shoot.create')}
          </button>
        </form>
      ) : (
        <button type="button" className="secondary" data-testid="shoot-new" onClick={() => setShowForm(true)}>
          {t('shoot.new')}
        </button>
      )}
      {info && <p className="muted small">{t('shoot.folder', { path: info.shootsRoot })}</p>}
    </section>
  );
}
