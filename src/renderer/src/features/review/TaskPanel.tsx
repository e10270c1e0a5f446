import { useTranslation } from 'react-i18next';
import type { GreenParams } from '../../../../shared/green-params';
import { exportRule, fillTemplate } from '../../../../shared/rules/export';
import type { TaskFinding } from '../../../../shared/task/build';
import { formatSeconds, parseTime } from '../../../../shared/task/frames';
import { ModelTypeSchema, SegmentationSchema, type ModelType, type Segmentation } from '../../../../shared/task/schema';
import type { ActionRow, TaskForm, TimeField } from './task-form';

type Lang = 'en' | 'zh-CN';

export function findingText(f: TaskFinding, lang: Lang): { title: string; message: string } {
  const def = exportRule(f.rule);
  return { title: def.title[lang], message: fillTemplate(def.message[lang], f.values) };
}

export function InlineFindings({ findings, field, lang, exact = false }: { findings: readonly TaskFinding[]; field: string; lang: Lang; exact?: boolean }) {
  const mine = findings.filter((f) => f.field === field || (!exact && f.field?.startsWith(`${field}.`)));
  if (!mine.length) return null;
  return (
    <>
      {mine.map((f, i) => {
        const { title, message } = findingText(f, lang);
        return (
          <p key={i} className={`inline-finding ${f.severity}`} data-testid="inline-finding" data-rule={f.rule} data-severity={f.severity} data-field={f.field}>
            <strong>{title}</strong> {message} <span className="muted">({f.section})</span>
          </p>
        );
      })}
    </>
  );
}

/** A time field: text in any spelling, what it snaps to, and a button that takes the current frame. */
export function TimeInput({ label, value, onChange, onHere, testId }: { label: string; value: string; onChange(v: string): void; onHere(): void; testId: string }) {
  const { t } = useTranslation();
  const parsed = value.trim() ? parseTime(value) : null;
  return (
    <label className="field time-field">
      <span>{label}</span>
      <span className="row tight">
        <input data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} placeholder="SS:FF" className={parsed && !parsed.ok ? 'bad' : ''} />
        <button type="button" className="small secondary" data-testid={`${testId}-here`} onClick={onHere}>
          {t('review.seg.here')}
        </button>
        {parsed?.ok && (
          <span className="small muted" data-testid={`${testId}-snapped`} data-seconds={formatSeconds(parsed.frames)}>
            {t('review.seg.snapped', { seconds: formatSeconds(parsed.frames) })}
          </span>
        )}
      </span>
    </label>
  );
}

interface Props {
  form: TaskForm;
  setForm(f: TaskForm): void;
  findings: readonly TaskFinding[];
  suggestedSpec: 'standard' | 'ultra';
  greenParams: GreenParams | null;
  hereTime(): string;
  onFromMarkers(): void;
  canUseMarkers: boolean;
}

export function TaskPanel({ form, setForm, findings, suggestedSpec, greenParams, hereTime, onFromMarkers, canUseMarkers }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const up = (patch: Partial<TaskForm>) => setForm({ ...form, ...patch });
  const setAction = (i: number, patch: Partial<ActionRow>) => up({ actions: form.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) });
  const time = (field: TimeField) => (
    <>
      <TimeInput label={t(`review.seg.${field}`)} value={form[field]} onChange={(v) => up({ [field]: v })} onHere={() => up({ [field]: hereTime() })} testId={`seg-${field}`} />
      <InlineFindings findings={findings} field={field} lang={lang} />
    </>
  );
  const models = ModelTypeSchema.options;
  const segs = SegmentationSchema.options;

  return (
    <>
      <section className="panel" data-testid="task-form">
        <h2>{t('review.task.heading')}</h2>
        <label className="field">
          {t('review.task.characterName')}
          <input data-testid="task-characterName" value={form.characterName} maxLength={100} onChange={(e) => up({ characterName: e.target.value })} />
        </label>
        <InlineFindings findings={findings} field="characterName" lang={lang} />
        <label className="field">
          {t('review.task.modelType')}
          <select data-testid="task-modelType" value={form.modelType} onChange={(e) => up({ modelType: e.target.value as ModelType })}>
            {models.map((m) => (
              <option key={m} value={m}>
                {t(`review.task.model.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <InlineFindings findings={findings} field="modelType" lang={lang} />
        <label className="field">
          {t('review.task.specification')}
          <select data-testid="task-specification" value={form.specification} onChange={(e) => up({ specification: e.target.value as TaskForm['specification'] })}>
            <option value="auto">{t('review.task.spec.auto', { suggested: t(`review.task.spec.${suggestedSpec}`) })}</option>
            <option value="standard">{t('review.task.spec.standard')}</option>
            <option value="ultra">{t('review.task.spec.ultra')}</option>
          </select>
        </label>
        <InlineFindings findings={findings} field="specification" lang={lang} />
        <div className="field">
          {t('review.task.lipVersions')}
          <span className="row">
            <label className="check">
              <input type="checkbox" checked={form.lipUniversal} onChange={(e) => up({ lipUniversal: e.target.checked })} /> {t('review.task.lip.universal')}
            </label>
            <label className="check">
              <input type="checkbox" checked={form.lipOriginal} onChange={(e) => up({ lipOriginal: e.target.checked })} /> {t('review.task.lip.original')}
            </label>
          </span>
        </div>
        <InlineFindings findings={findings} field="lipVersions" lang={lang} />
        <label className="field">
          {t('review.task.segmentation')}
          <select data-testid="task-segmentation" value={form.segmentation} onChange={(e) => up({ segmentation: e.target.value as Segmentation })}>
            {segs.map((s) => (
              <option key={s} value={s}>
                {t(`review.task.seg.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {(form.segmentation === 'greenscreen' || form.segmentation === 'greenscreen-post') && (
          <p className="small muted" data-testid="task-green">
            {greenParams
              ? t('review.task.greenFromShoot', { key: greenParams.greenParamsSamplePointBgr.join(','), h: greenParams.greenParamsRefinethHBgr, l: greenParams.greenParamsRefinethLBgr })
              : t('review.task.greenDefault')}
          </p>
        )}
        <InlineFindings findings={findings} field="segmentation" lang={lang} />
        <InlineFindings findings={findings} field="greenParams" lang={lang} />
        <div className="row">
          <label className="field">
            {t('review.task.scaleRatio')}
            <input data-testid="task-scaleRatio" type="number" min={0.1} max={1} step={0.05} value={form.scaleRatio} onChange={(e) => up({ scaleRatio: e.target.value })} />
          </label>
          {(form.modelType === 'premium' || form.modelType === 'motion') && (
            <>
              <label className="field">
                {t('review.task.transitionDelay')}
                <input type="number" min={0} value={form.transitionDelay} onChange={(e) => up({ transitionDelay: e.target.value })} />
              </label>
              <label className="field">
                {t('review.task.transition')}
                <input value={form.transition} maxLength={100} onChange={(e) => up({ transition: e.target.value })} />
              </label>
            </>
          )}
        </div>
        <label className="check">
          <input type="checkbox" data-testid="task-update" checked={form.update} onChange={(e) => up({ update: e.target.checked })} /> {t('review.task.update')}
        </label>
        {form.update && (
          <div className="row">
            <label className="field">
              {t('review.task.updateModel')}
              <select value={form.updateModelType} onChange={(e) => up({ updateModelType: e.target.value as ModelType })}>
                {models.map((m) => (
                  <option key={m} value={m}>
                    {t(`review.task.model.${m}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              {t('review.task.updateSeg')}
              <select value={form.updateSegmentation} onChange={(e) => up({ updateSegmentation: e.target.value as Segmentation })}>
                {segs.map((s) => (
                  <option key={s} value={s}>
                    {t(`review.task.seg.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </section>

      <section className="panel" data-testid="segments">
        <h2>{t('review.seg.heading')}</h2>
        <p className="small muted">{t('review.seg.timeHint')}</p>
        {time('videoStart')}
        {time('videoEnd')}
        {form.modelType === 'premium' && (
          <>
            {time('staticStart')}
            {time('staticEnd')}
            {time('dynamicStart')}
            {time('dynamicEnd')}
          </>
        )}
        {form.modelType === 'motion' && (
          <div className="actions-list" data-testid="actions" data-count={form.actions.length}>
            <h3 className="small">{t('review.seg.actions')}</h3>
            {form.actions.map((a, i) => (
              <div key={i} className="action-row" data-testid="action-row" data-index={i}>
                <span className="action-n">{i + 1}</span>
                <input className="action-name" data-testid={`action-${i}-name`} value={a.name} placeholder={t('review.seg.actionName')} onChange={(e) => setAction(i, { name: e.target.value })} />
                <TimeInput label={t('review.seg.start')} value={a.start} onChange={(v) => setAction(i, { start: v })} onHere={() => setAction(i, { start: hereTime() })} testId={`action-${i}-start`} />
                <TimeInput label={t('review.seg.end')} value={a.end} onChange={(v) => setAction(i, { end: v })} onHere={() => setAction(i, { end: hereTime() })} testId={`action-${i}-end`} />
                <button type="button" className="link small" onClick={() => up({ actions: form.actions.filter((_, j) => j !== i) })}>
                  {t('review.seg.remove')}
                </button>
                <InlineFindings findings={findings} field={`actions.${i}`} lang={lang} />
              </div>
            ))}
            <InlineFindings findings={findings} field="actions" lang={lang} exact />
            <div className="row">
              <button
                type="button"
                className="secondary small"
                data-testid="action-add"
                onClick={() => up({ actions: [...form.actions, { name: form.actions.length === 0 ? 'idle' : '', start: hereTime(), end: '', notes: '' }] })}
              >
                {t('review.seg.addAction')}
              </button>
              {canUseMarkers && (
                <button type="button" className="secondary small" data-testid="action-from-markers" onClick={onFromMarkers}>
                  {t('review.seg.fromMarkers')}
                </button>
              )}
            </div>
          </div>
        )}
      </section>
    </>
  );
}
