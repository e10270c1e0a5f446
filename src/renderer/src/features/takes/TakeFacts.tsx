import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import { formatBytes, formatClock, formatRate } from '../../lib/format';

/** The delivery file's probed facts. */
export function TakeFacts({ take }: { take: Take }) {
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
