import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../../lib/format';
import { useStudio } from '../../stores/studio-store';
import type { MediaDevicesState } from '../devices/use-media-devices';
import { pickRecordingMime } from './recording-format';
import { useTakeRecorder } from './use-take-recorder';

/** Record/Stop with the reason why Record is off, and the running time. */
export function RecordControls({ devices, onError }: { devices: MediaDevicesState; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const shootId = useStudio((s) => s.shootId);
  const { phase, startedAt, start, stop } = useTakeRecorder(onError);
  const [now, setNow] = useState(Date.now());

  useEffect(() => {
    if (phase !== 'recording') return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [phase]);

  const hasVideo = !!devices.stream?.getVideoTracks().length;
  const hasAudio = !!devices.stream?.getAudioTracks().length;
  let reason: string | null = null;
  if (!shootId) reason = t('record.reasonNoShoot');
  else if (devices.opening) reason = t('record.reasonNotReady');
  else if (!hasVideo) reason = t('record.reasonNoCamera');
  else if (!hasAudio) reason = t('record.reasonNoMicrophone');
  else if (!pickRecordingMime()) reason = t('record.reasonNoFormat');

  const onRecord = () => {
    if (!shootId || !devices.stream || !devices.report) return;
    start(shootId, devices.stream, devices.report).catch(onError);
  };
  const onStop = () => {
    stop().catch(onError);
  };

  return (
    <div className="record-controls" data-testid="record-controls" data-state={phase}>
      {phase === 'idle' || phase === 'starting' ? (
        <button type="button" className="record" data-testid="record" disabled={reason !== null || phase === 'starting'} onClick={onRecord}>
          ● {t('record.record')}
        </button>
      ) : (
        <button type="button" className="stop" data-testid="stop" disabled={phase === 'saving'} onClick={onStop}>
          ■ {t('record.stop')}
        </button>
      )}
      {phase === 'recording' && startedAt !== null && (
        <span className="rec-timer" data-testid="rec-timer">
          <span className="rec-dot" /> {t('record.recording')} {formatClock((now - startedAt) / 1000)}
        </span>
      )}
      {phase === 'saving' && <span className="muted">{t('record.saving')}</span>}
      {phase === 'idle' && reason && (
        <span className="reason" data-testid="record-disabled-reason">
          {reason}
        </span>
      )}
    </div>
  );
}
