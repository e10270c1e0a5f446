import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import { formatBytes, formatClock, formatRate } from '../../lib/format';
import { useStudio } from '../../stores/studio-store';

function TakeFacts({ take }: { take: Take }) {
  const { t } = useTranslation();
  const p = take.delivery?.probe;
  if (!p) return null;
  const v = p.video;
  return (
    <dl className="facts-grid">
      <dt>{t('takes.file')}</dt>
      <dd>
        {take.delivery?.file} · {p.container.toUpperCase()} · {formatBytes(p.sizeBytes)}
      </dd>
      <dt>{t('takes.duration')}</dt>
      <dd>
        {formatClock(p.durationSec)} ({p.durationSec.toFixed(2)} s)
      </dd>
      {v && (
        <>
          <dt>{t('takes.video')}</dt>
          <dd>
            {v.codec.toUpperCase()} {v.displayWidth}×{v.displayHeight} · {formatRate(v.avgFrameRate.fps)} fps ({v.rFrameRate.num}/
            {v.rFrameRate.den}){v.vfr ? ` · ${t('takes.vfr')}` : ''} · {v.pixelFormat}
          </dd>
        </>
      )}
      <dt>{t('takes.audio')}</dt>
      <dd>{p.audio ? `${p.audio.codec.toUpperCase()} ${p.audio.sampleRate} Hz · ${p.audio.channels} ch` : t('takes.noAudio')}</dd>
    </dl>
  );
}

/** The shoot's takes, newest first, with the delivery file's probed facts. */
export function TakeList() {
  const { t } = useTranslation();
  const takes = useStudio((s) => s.takes);
  const finalizing = useStudio((s) => s.finalizing);
  return (
    <section className="panel" data-testid="take-list">
      <h2>{t('takes.heading')}</h2>
      {takes.length === 0 && <p className="muted">{t('takes.empty')}</p>}
      <ol className="takes">
        {[...takes].reverse().map((take) => {
          const f = finalizing[take.id];
          return (
            <li
              key={take.id}
              className={`take ${take.status}`}
              data-testid="take"
              data-take-id={take.id}
              data-status={take.status}
              data-duration={take.delivery?.probe.durationSec ?? ''}
            >
              <div className="take-head">
                <strong>{take.name}</strong>
                <span className={`status ${take.status}`}>{t(`takes.status.${take.status}`)}</span>
              </div>
              {take.status === 'finalizing' && f && (
                <div className="progress">
                  <progress max={1} value={f.progress} />
                  {f.etaSeconds !== null && <span className="small">{t('takes.eta', { seconds: Math.ceil(f.etaSeconds) })}</span>}
                </div>
              )}
              {take.error && (
                <p className="problem">
                  {t(`errors.${take.error.code}`)} {take.error.message}
                </p>
              )}
              <TakeFacts take={take} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
