import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GREEN_PARAM_RANGES,
  bgrToCss,
  blueScreenPreset,
  defaultGreenParams,
  validateGreenParams,
  type Bgr,
  type GreenParams,
  type GreenParamsIssue,
  type ScalarGreenParamKey,
} from '../../../../shared/green-params';
import { prepareKey } from '../../../../shared/keying/model';
import { REFINE_H_SUGGESTED, REFINE_L_SUGGESTED } from '../../../../shared/standards';
import { useIssueText } from './issue-text';

const SCALARS: ScalarGreenParamKey[] = [
  'greenParamsRefinethHBgr',
  'greenParamsRefinethLBgr',
  'greenParamsBlurKs',
  'greenParamsColorbalance',
  'greenParamsSpillByalpha',
];

const SUGGESTED: Partial<Record<ScalarGreenParamKey, readonly number[]>> = {
  greenParamsRefinethHBgr: REFINE_H_SUGGESTED.values,
  greenParamsRefinethLBgr: REFINE_L_SUGGESTED.values,
};

/** Background colours that make keying problems easy to see (§1.3.1), B,G,R. */
const BACKGROUNDS: Bgr[] = [
  [255, 0, 0],
  [0, 0, 255],
  [255, 0, 255],
  [0, 0, 0],
  [255, 255, 255],
  [128, 128, 128],
];

interface Props {
  params: GreenParams;
  onChange(p: GreenParams): void;
  picking: boolean;
  onPickToggle(): void;
  canPick: boolean;
}

/** A slider and a numeric field per parameter, with the standard's meaning as the tooltip. */
export function ParamPanel({ params, onChange, picking, onPickToggle, canPick }: Props) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  // Kept as issues, worded at render time: a language switch rewords them.
  const [issues, setIssues] = useState<GreenParamsIssue[] | null>(null);
  useEffect(() => setIssues(null), [params]);

  const apply = (next: GreenParams) => {
    const v = validateGreenParams(next);
    if (!v.ok) {
      setIssues(v.issues);
      return false;
    }
    setIssues(null);
    onChange(v.params);
    return true;
  };

  const keyValid = prepareKey(params).valid;
  return (
    <section className="panel keying-params" data-testid="keying-params">
      <h2>{t('keying.params.heading')}</h2>
      {SCALARS.map((key) => (
        <ScalarField key={key} name={key} params={params} apply={apply} />
      ))}

      <ColourField
        name="greenParamsSamplePointBgr"
        value={params.greenParamsSamplePointBgr}
        onValue={(bgr) => apply({ ...params, greenParamsSamplePointBgr: bgr })}
      >
        <div className="keying-row">
          <button type="button" className={picking ? '' : 'secondary'} data-testid="keying-pick" disabled={!canPick} onClick={onPickToggle} aria-pressed={picking}>
            {picking ? t('keying.params.picking') : t('keying.params.pick')}
          </button>
          <button type="button" className="secondary" data-testid="keying-preset-green" onClick={() => apply({ ...params, greenParamsSamplePointBgr: [...defaultGreenParams().greenParamsSamplePointBgr] })}>
            <span className="keying-chip" style={{ background: bgrToCss([0, 255, 0]) }} /> {t('keying.params.presetGreen')}
          </button>
          <button type="button" className="secondary" data-testid="keying-preset-blue" onClick={() => apply(blueScreenPreset(params))}>
            <span className="keying-chip" style={{ background: bgrToCss([255, 0, 0]) }} /> {t('keying.params.presetBlue')}
          </button>
        </div>
        {!keyValid && <p className="problem" data-testid="keying-no-chroma">{t('keying.params.noChroma')}</p>}
      </ColourField>

      <ColourField
        name="greenParamsSampleBackground"
        value={params.greenParamsSampleBackground.color}
        onValue={(bgr) => apply({ ...params, greenParamsSampleBackground: { color: bgr } })}
      >
        <div className="keying-row">
          {BACKGROUNDS.map((bgr) => (
            <button
              key={bgr.join(',')}
              type="button"
              className="keying-swatch-button"
              title={`B,G,R ${bgr.join(', ')}`}
              data-testid={`keying-bg-preset-${bgr.join('-')}`}
              style={{ background: bgrToCss(bgr) }}
              onClick={() => apply({ ...params, greenParamsSampleBackground: { color: [...bgr] } })}
            />
          ))}
        </div>
      </ColourField>

      <div className="keying-row">
        <button type="button" className="secondary" data-testid="keying-defaults" onClick={() => apply(defaultGreenParams())}>
          {t('keying.params.defaults')}
        </button>
      </div>
      {issues && (
        <p className="problem" data-testid="keying-param-problem">
          {t('keying.params.invalid', { message: issues.map(issueText).join(' ') })}
        </p>
      )}
    </section>
  );
}

function ScalarField({ name, params, apply }: { name: ScalarGreenParamKey; params: GreenParams; apply(p: GreenParams): boolean }) {
  const { t } = useTranslation();
  const range = GREEN_PARAM_RANGES[name];
  const value = params[name];
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const tip = t(`keying.params.${name}Tip`);
  const listId = SUGGESTED[name] ? `keying-marks-${name}` : undefined;
  // Keep the pair ordered while dragging: H above L, L below H.
  const min = name === 'greenParamsRefinethHBgr' ? Math.max(range.min, params.greenParamsRefinethLBgr + 1) : range.min;
  const max = name === 'greenParamsRefinethLBgr' ? Math.min(range.max, params.greenParamsRefinethHBgr - 1) : range.max;
  const set = (v: number) => apply({ ...params, [name]: v });
  return (
    <div className="keying-field" title={tip} data-testid={`keying-field-${name}`}>
      <label htmlFor={`keying-range-${name}`}>
        {t(`keying.params.${name}`)} <code className="muted small">{name}</code>
      </label>
      <div className="keying-row">
        <input
          id={`keying-range-${name}`}
          type="range"
          min={range.min}
          max={range.max}
          step={range.step}
          value={value}
          list={listId}
          title={tip}
          data-testid={`keying-range-${name}`}
          onChange={(e) => set(Math.min(max, Math.max(min, Number(e.target.value))))}
        />
        {listId && (
          <datalist id={listId}>
            {SUGGESTED[name]?.map((v) => <option key={v} value={v} />)}
          </datalist>
        )}
        <input
          type="number"
          className="keying-number"
          min={range.min}
          max={range.max}
          step={range.step}
          value={text}
          title={tip}
          aria-label={t(`keying.params.${name}`)}
          data-testid={`keying-num-${name}`}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => {
            if (text.trim() === '' || !Number.isFinite(Number(text)) || !apply({ ...params, [name]: Number(text) })) setText(String(value));
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          }}
        />
      </div>
    </div>
  );
}

function ColourField({
  name,
  value,
  onValue,
  children,
}: {
  name: 'greenParamsSamplePointBgr' | 'greenParamsSampleBackground';
  value: Bgr;
  onValue(bgr: Bgr): boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const tip = t(`keying.params.${name}Tip`);
  return (
    <div className="keying-field" title={tip} data-testid={`keying-field-${name}`}>
      <label>
        {t(`keying.params.${name}`)} <code className="muted small">{name}</code>
      </label>
      <div className="keying-row">
        <span className="keying-swatch" data-testid={`keying-swatch-${name}`} data-bgr={value.join(',')} style={{ background: bgrToCss(value) }} title={tip} />
        <span className="muted small">{t('keying.params.bgr')}</span>
        {(['b', 'g', 'r'] as const).map((ch, i) => (
          <ChannelInput key={ch} label={t(`keying.params.channel.${ch}`)} testId={`keying-${name}-${ch}`} value={value[i] ?? 0} onValue={(v) => onValue(value.map((c, j) => (j === i ? v : c)) as Bgr)} />
        ))}
      </div>
      {children}
    </div>
  );
}

function ChannelInput({ label, value, onValue, testId }: { label: string; value: number; onValue(v: number): boolean; testId: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <label className="keying-channel">
      <span className="muted small">{label}</span>
      <input
        type="number"
        min={0}
        max={255}
        step={1}
        value={text}
        data-testid={testId}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          if (text.trim() === '' || !onValue(Number(text))) setText(String(value));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
        }}
      />
    </label>
  );
}
