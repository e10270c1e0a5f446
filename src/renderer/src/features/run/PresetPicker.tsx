import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/api';
import { PRESET_IDS, SHOOT_PRESETS } from '../../../../shared/standards';
import { plannedSeconds } from '../../../../shared/presets';
import { formatClock } from '../../lib/format';

/** Choose a preset; its phase plan and targets are shown so the operator knows what Record will run. */
export function PresetPicker({ value, onChange, testId = 'preset-select' }: { value: PresetId; onChange: (p: PresetId) => void; testId?: string }) {
  const { t } = useTranslation();
  const preset = SHOOT_PRESETS[value];
  return (
    <div className="preset-picker">
      <label className="field">
        {t('presets.label')}
        <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as PresetId)}>
          {PRESET_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`presets.${id}.name`)}
            </option>
          ))}
        </select>
      </label>
      <p className="small muted">
        {t(`presets.${value}.plan`)} · {t('presets.planned', { time: formatClock(plannedSeconds(preset)) })} · {preset.section}
      </p>
    </div>
  );
}
