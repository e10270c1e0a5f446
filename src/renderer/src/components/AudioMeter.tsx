import { useTranslation } from 'react-i18next';
import { meterFraction, type MeterReading, type MeterWarning } from '../../../shared/audio-meter';
import { AUDIO_METER } from '../../../shared/standards';
import { useAudioLevels } from './use-audio-levels';
import './audio-meter.css';

export interface AudioMeterProps {
  /** Loudest channel, dBFS. */
  peakDb: number;
  rmsDb: number;
  clipHold: boolean;
  peakHoldDb?: number;
  warning?: MeterWarning;
  /** Per-channel readings; one bar per channel (else one bar from the props above). */
  channels?: MeterReading[];
  /** 'suspended': the browser has not let audio run yet (it waits for a click). */
  state?: 'none' | 'suspended' | 'running';
}

const TICKS = [-60, -40, -20, -9, -3, 0];
const round = (db: number) => (Math.round(db * 10) / 10).toFixed(1);
const label = (db: number) => (db <= -119 ? '−∞' : round(db).replace('-', '−'));

/** OBS-mixer style: green/yellow/red zones, RMS solid, peak light, a peak-hold tick, a clip lamp. */
function Bar({ r }: { r: MeterReading }) {
  const zones = `linear-gradient(to right, var(--ok) 0 ${meterFraction(AUDIO_METER.yellowDb) * 100}%, var(--warn) 0 ${meterFraction(AUDIO_METER.redDb) * 100}%, var(--rec) 0)`;
  return (
    <div className="meter-bar" style={{ ['--zones' as string]: zones }}>
      {/* Full-width zone gradients clipped to the level, so a colour always means the same dB. */}
      <div className="meter-peak" style={{ clipPath: `inset(0 ${100 - meterFraction(r.peakDb) * 100}% 0 0)` }} />
      <div className="meter-rms" style={{ clipPath: `inset(0 ${100 - meterFraction(r.rmsDb) * 100}% 0 0)` }} />
      <div className="meter-hold" style={{ left: `${meterFraction(r.peakHoldDb) * 100}%` }} />
    </div>
  );
}

/** The audio level meter (issue #13, §1.2.2): peak and RMS in dBFS with clip hold and warnings. */
export function AudioMeter(p: AudioMeterProps) {
  const { t } = useTranslation();
  const overall: MeterReading = { peakDb: p.peakDb, rmsDb: p.rmsDb, clipHold: p.clipHold, peakHoldDb: p.peakHoldDb ?? p.peakDb, warning: p.warning ?? null };
  const bars = p.channels && p.channels.length > 0 ? p.channels : [overall];
  const warning = p.warning ?? (p.clipHold ? 'clipping' : null);
  return (
    <div
      className="audio-meter"
      data-testid="audio-meter"
      data-peak-db={round(p.peakDb)}
      data-rms-db={round(p.rmsDb)}
      data-clip={p.clipHold ? 'true' : 'false'}
      data-warning={warning ?? ''}
      data-state={p.state ?? 'running'}
    >
      <div className="meter-head">
        <span className="meter-title">{t('meter.title')}</span>
        <span className="meter-readout" title={t('meter.readoutHint')}>
          {t('meter.peak')} <b>{label(p.peakDb)}</b> · {t('meter.rms')} <b>{label(p.rmsDb)}</b> dBFS
        </span>
        <span className={`clip-lamp${p.clipHold ? ' on' : ''}`} data-testid="clip-lamp">
          {t('meter.clip')}
        </span>
      </div>
      <div className="meter-bars">
        {bars.map((r, i) => (
          <Bar key={i} r={r} />
        ))}
      </div>
      <div className="meter-scale" aria-hidden>
        {TICKS.map((db) => (
          <span key={db} style={{ left: `${meterFraction(db) * 100}%` }}>
            {db}
          </span>
        ))}
      </div>
      {p.state === 'suspended' && <div className="meter-note muted">{t('meter.suspended')}</div>}
      {warning && (
        <div className={`meter-note ${warning === 'clipping' ? 'problem' : 'warn-text'}`} data-testid="audio-warning" data-warning={warning}>
          {warning === 'clipping' ? t('meter.clipping', { db: AUDIO_METER.clipDbfs }) : t('meter.tooQuiet', { db: AUDIO_METER.quietPeakDbfs, seconds: AUDIO_METER.quietWindowMs / 1000 })}
        </div>
      )}
    </div>
  );
}

/** The meter on a MediaStream's microphone track. */
export function StreamAudioMeter({ stream }: { stream: MediaStream | null }) {
  const levels = useAudioLevels(stream);
  if (levels.state === 'none') return null;
  const o = levels.overall;
  return <AudioMeter peakDb={o.peakDb} rmsDb={o.rmsDb} clipHold={o.clipHold} peakHoldDb={o.peakHoldDb} warning={o.warning} channels={levels.channels} state={levels.state} />;
}
