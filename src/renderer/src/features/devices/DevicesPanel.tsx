import { useTranslation } from 'react-i18next';
import { checkCaptureFormat } from '../../../../shared/capture-check';
import { formatRate } from '../../lib/format';
import type { DeviceProblem, MediaDevicesState } from './use-media-devices';

function useProblemText() {
  const { t } = useTranslation();
  return (p: DeviceProblem, missing: string) => {
    if (p === 'permission-denied') return t('devices.permissionDenied');
    if (p === 'in-use') return t('devices.inUse');
    if (p === 'not-found') return missing;
    return t('devices.openFailed', { message: p.message });
  };
}

/** Choose camera and microphone; show what they really deliver against §1.2.2. */
export function DevicesPanel({ devices }: { devices: MediaDevicesState }) {
  const { t } = useTranslation();
  const problemText = useProblemText();
  const { report } = devices;
  const onOff = (v: boolean | null) => (v === null ? t('devices.unknown') : v ? t('devices.on') : t('devices.off'));
  const warnings = report ? checkCaptureFormat(report.camera) : [];

  return (
    <section className="panel" data-testid="devices-panel">
      <h2>{t('devices.heading')}</h2>
      <label className="field">
        {t('devices.camera')}
        <select
          data-testid="camera-select"
          value={devices.cameraId ?? ''}
          onChange={(e) => devices.setCameraId(e.target.value)}
          disabled={devices.cameras.length === 0}
        >
          {devices.cameras.length === 0 && <option value="">{t('devices.noCamera')}</option>}
          {devices.cameras.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${t('devices.camera')} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      {devices.cameraProblem && <p className="problem">{problemText(devices.cameraProblem, t('devices.noCamera'))}</p>}
      <label className="field">
        {t('devices.microphone')}
        <select
          data-testid="microphone-select"
          value={devices.microphoneId ?? ''}
          onChange={(e) => devices.setMicrophoneId(e.target.value)}
          disabled={devices.microphones.length === 0}
        >
          {devices.microphones.length === 0 && <option value="">{t('devices.noMicrophone')}</option>}
          {devices.microphones.map((d, i) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || `${t('devices.microphone')} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
      {devices.microphoneProblem && (
        <p className="problem">{problemText(devices.microphoneProblem, t('devices.noMicrophone'))}</p>
      )}
      {devices.opening && <p className="muted">{t('devices.requesting')}</p>}
      {report && (
        <div
          className="facts"
          data-testid="device-facts"
          data-width={report.camera.width}
          data-height={report.camera.height}
          data-fps={report.camera.frameRate}
        >
          <p>{t('devices.delivers', { width: report.camera.width, height: report.camera.height, fps: formatRate(report.camera.frameRate) })}</p>
          <p className="small">
            {t('devices.micDelivers', {
              rate: report.microphone.sampleRate ?? '?',
              channels: report.microphone.channelCount ?? '?',
              echo: onOff(report.microphone.echoCancellation),
              noise: onOff(report.microphone.noiseSuppression),
              gain: onOff(report.microphone.autoGainControl),
            })}
          </p>
          {warnings.length === 0 ? (
            <p className="ok">{t('devices.ok')}</p>
          ) : (
            <ul className="warnings" data-testid="capture-warnings">
              {warnings.map((w) => (
                <li key={w.id} data-rule={w.id}>
                  {w.id === 'capture.size' && t('devices.warnSize', { width: w.width, height: w.height })}
                  {w.id === 'capture.fps' && t('devices.warnFps', { fps: formatRate(w.fps) })}
                  {w.id === 'capture.landscape' && t('devices.warnLandscape')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
