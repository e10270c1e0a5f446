import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import { studio } from '../../api/client';
import { formatClock } from '../../lib/format';
import { useStudio } from '../../stores/studio-store';
import { TakeTimeline } from '../run/TakeTimeline';
import { findingSpans, TakeFindings } from '../vision/TakeFindings';
import { TakeFacts } from './TakeFacts';
import { TakeLoopFacts, TakeVerdict } from './TakeLoopFacts';

/** One take: name (rename), star, preset, phases and markers, unticked checklist items, trash. */
export function TakeItem({ take }: { take: Take }) {
  const { t } = useTranslation();
  const f = useStudio((s) => s.finalizing[take.id]);
  const setError = useStudio((s) => s.setError);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(take.name);
  const [confirmTrash, setConfirmTrash] = useState(false);
  const ids = { shootId: take.shootId, takeId: take.id };
  const call = (p: Promise<unknown>) => void p.catch(setError);

  const rename = (e: FormEvent) => {
    e.preventDefault();
    setEditing(false);
    if (name.trim() && name.trim() !== take.name) call(studio.call('takes.rename', { ...ids, name: name.trim() }));
  };
  const unticked = take.checklist.filter((c) => !c.checked);
  const duration = take.delivery?.probe.durationSec ?? take.phases.at(-1)?.end ?? 0;
  const marks = take.markers.filter((m) => m.kind !== 'phase');

  return (
    <li
      className={`take ${take.status}`}
      data-testid="take"
      data-take-id={take.id}
      data-status={take.status}
      data-duration={take.delivery?.probe.durationSec ?? ''}
      data-recovered={take.recovered ? 'true' : 'false'}
    >
      <div className="take-head">
        <button
          type="button"
          className={`star ${take.starred ? 'on' : ''}`}
          data-testid="take-star"
          aria-pressed={take.starred}
          title={t('takes.star')}
          onClick={() => call(studio.call('takes.star', { ...ids, starred: !take.starred }))}
        >
          {take.starred ? '★' : '☆'}
        </button>
        {editing ? (
          <form onSubmit={rename} className="rename">
            <input autoFocus value={name} maxLength={120} data-testid="take-name-input" onChange={(e) => setName(e.target.value)} onBlur={rename} />
          </form>
        ) : (
          <strong className="take-name" title={t('takes.rename')} onDoubleClick={() => setEditing(true)} data-testid="take-name">
            {take.name}
          </strong>
        )}
        <span className={`status ${take.status}`}>{t(`takes.status.${take.status}`)}</span>
      </div>
      <div className="take-sub small muted">
        {t(`presets.${take.preset}.name`)}
        {take.recovered && (
          <span className="badge warn" data-testid="take-recovered">
            {' '}
            · {t('takes.recovered', { time: take.recovered.recordedSeconds === null ? '?' : formatClock(take.recovered.recordedSeconds) })}
          </span>
        )}
      </div>
      {take.status === 'finalizing' && f && (
        <div className="progress" data-testid="take-finalize-progress" data-progress={f.progress.toFixed(2)}>
          <progress max={1} value={f.progress} />
          {f.etaSeconds !== null && <span className="small">{t('takes.eta', { seconds: Math.ceil(f.etaSeconds) })}</span>}
        </div>
      )}
      {take.error && (
        <p className="problem">
          {t(`errors.${take.error.code}`)} {take.error.message}
        </p>
      )}
      {duration > 0 && (take.phases.length > 0 || marks.length > 0 || !!take.findings?.length) && (
        <TakeTimeline duration={duration} phases={take.phases} markers={take.markers} spans={findingSpans(take, t)} height={16} />
      )}
      {marks.length > 0 && (
        <p className="small" data-testid="take-markers">
          {t('takes.markers', { count: marks.length })}:{' '}
          {marks.map((m) => `${t(`run.marker.${m.kind}`)} ${formatClock(m.t)}`).join(', ')}
        </p>
      )}
      <TakeVerdict take={take} />
      <TakeLoopFacts take={take} />
      <TakeFindings take={take} />
      {unticked.length > 0 && (
        <details className="small warn-text" data-testid="take-unticked">
          <summary>{t('takes.untickedCount', { count: unticked.length })}</summary>
          <ul>
            {unticked.map((c) => (
              <li key={c.id}>{t(`checklist.items.${c.id}`)}</li>
            ))}
          </ul>
        </details>
      )}
      <TakeFacts take={take} />
      <div className="take-actions">
        <button type="button" className="secondary small" onClick={() => setEditing(true)}>
          {t('takes.rename')}
        </button>
        {confirmTrash ? (
          <span className="confirm">
            {t('takes.trashConfirm')}{' '}
            <button type="button" className="danger small" data-testid="take-trash-yes" onClick={() => call(studio.call('takes.trash', ids))}>
              {t('takes.trashYes')}
            </button>{' '}
            <button type="button" className="secondary small" onClick={() => setConfirmTrash(false)}>
              {t('takes.trashNo')}
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="secondary small"
            data-testid="take-trash"
            disabled={take.status === 'recording' || take.status === 'finalizing'}
            onClick={() => setConfirmTrash(true)}
          >
            {t('takes.trash')}
          </button>
        )}
      </div>
    </li>
  );
}
