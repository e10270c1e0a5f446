import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { studio } from '../../api/client';
import { useStudio } from '../../stores/studio-store';

/** Opt-in: the prompter on the LAN for a tablet, with a QR code; off by default. */
export function RemotePrompterPanel() {
  const { t } = useTranslation();
  const setError = useStudio((s) => s.setError);
  const [info, setInfo] = useState<{ enabled: boolean; urls: string[]; qrSvg: string | null }>({ enabled: false, urls: [], qrSvg: null });
  const [busy, setBusy] = useState(false);
  const toggle = async (enabled: boolean) => {
    setBusy(true);
    try {
      setInfo(await studio.call('prompter.remote', { enabled }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel remote-prompter" data-testid="remote-prompter">
      <h2>{t('prompter.remote.heading')}</h2>
      <label className="check">
        <input type="checkbox" checked={info.enabled} disabled={busy} data-testid="remote-toggle" onChange={(e) => void toggle(e.target.checked)} />
        {t('prompter.remote.enable')}
      </label>
      <p className="small muted">{info.enabled ? t('prompter.remote.on') : t('prompter.remote.off')}</p>
      {info.enabled && (
        <div className="remote-info">
          {/* The SVG comes from our own main process (qrcode), never from the network. */}
          {info.qrSvg && <img className="qr" alt="QR" src={`data:image/svg+xml;utf8,${encodeURIComponent(info.qrSvg)}`} />}
          <ul className="small">
            {info.urls.map((u) => (
              <li key={u} data-testid="remote-url">
                <code>{u}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
