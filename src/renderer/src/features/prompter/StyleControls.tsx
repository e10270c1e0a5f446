import { useTranslation } from 'react-i18next';
import { PrompterStyleSchema, type PrompterStyle } from '../../../../shared/prompter';
import { usePrompter } from './prompter-store';

type NumKey = 'fontSize' | 'lineWidthCh' | 'marginPct' | 'readingLinePct';
const NUMBERS: { key: NumKey; step: number }[] = [
  { key: 'fontSize', step: 2 },
  { key: 'lineWidthCh', step: 1 },
  { key: 'marginPct', step: 1 },
  { key: 'readingLinePct', step: 1 },
];

/** Font size, line width, margins, reading line, colours and mirroring for beam-splitter glass. */
export function StyleControls() {
  const { t } = useTranslation();
  const style = usePrompter((s) => s.state?.style);
  const update = usePrompter((s) => s.update);
  if (!style) return null;
  const set = (patch: Partial<PrompterStyle>) => void update({ style: patch });
  return (
    <section className="panel style-controls">
      <h2>{t('prompter.look')}</h2>
      {NUMBERS.map(({ key, step }) => {
        const schema = PrompterStyleSchema.shape[key];
        return (
          <label key={key} className="field inline">
            <span>{t(`prompter.style.${key}`)}</span>
            <input
              type="range"
              min={schema.minValue ?? 0}
              max={schema.maxValue ?? 100}
              step={step}
              value={style[key]}
              data-testid={`style-${key}`}
              onChange={(e) => set({ [key]: Number(e.target.value) })}
            />
            <span className="num">{style[key]}</span>
          </label>
        );
      })}
      <div className="row">
        <label className="field inline">
          <span>{t('prompter.style.textColor')}</span>
          <input type="color" value={style.textColor} onChange={(e) => set({ textColor: e.target.value })} />
        </label>
        <label className="field inline">
          <span>{t('prompter.style.backgroundColor')}</span>
          <input type="color" value={style.backgroundColor} onChange={(e) => set({ backgroundColor: e.target.value })} />
        </label>
      </div>
      <div className="row">
        <label className="check">
          <input type="checkbox" data-testid="mirror-h" checked={style.mirrorH} onChange={(e) => set({ mirrorH: e.target.checked })} />
          {t('prompter.style.mirrorH')}
        </label>
        <label className="check">
          <input type="checkbox" data-testid="mirror-v" checked={style.mirrorV} onChange={(e) => set({ mirrorV: e.target.checked })} />
          {t('prompter.style.mirrorV')}
        </label>
      </div>
    </section>
  );
}
