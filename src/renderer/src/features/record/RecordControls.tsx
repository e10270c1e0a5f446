import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/api';
import { DISK_WARN_SECONDS_LEFT } from '../../../../shared/standards';
import { plannedSeconds } from '../../../../shared/presets';
import { SHOOT_PRESETS } from '../../../../shared/standards';
import { studio } from '../../api/client';
import { formatClock } from '../../lib/format';
import { useLiveTake } from '../../stores/live-take-store';
import { mediaNow } from '../../stores/phase-store';
import { useStudio } from '../../stores/studio-store';
import type { MediaDevicesState } from '../devices/use-media-devices';
import { useChecklist } from '../run/ChecklistPanel';
import { PresetPicker } from '../run/PresetPicker';
import { usePhase } from '../../stores/phase-store';
import { pickRecordingMime } from './recording-format';
import { RecStats } from './RecStats';
import { useRecStats } from './use-rec-stats';
import { RECORDING_BITS_PER_SECOND, useTakeRecorder, type TakeLoopFacts } from './use-take-recorder';

/** Record/Stop with the reason why Record is off, the take's preset, the running time and disk room. */
export function RecordControls({ devices, onError }: { devices: MediaDevicesState; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const shootId = useStudio((s) => s.shootId);
  const shoot = useStudio((s) => s.shoots.find((x) => x.id === s.shootId));
  const secondsLeft = useLiveTake((s) => s.secondsLeft);
  const [preset, setPreset] = useState<PresetId>(shoot?.preset ?? 'standard-short');
  const [, tick] = useState(0);
  /** Record pressed with unticked checklist items: the question on screen (asked once per shoot). */
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [overrideFor, setOverrideFor] = useState<string | null>(null);
  const override = useRef<TakeLoopFacts['checklistOverride']>(undefined);
  const statsRef = useRef<() => TakeLoopFacts['recStats'] | null>(() => null);
  const factsAtStop = useCallback((): TakeLoopFacts => {
    const facts: TakeLoopFacts = {};
    const recStats = statsRef.current();
    if (recStats) facts.recStats = recStats;
    if (override.current) facts.checklistOverride = override.current;
    // §1.2.1: a take stopped before its silent segment is over is not a complete take.
    const ph = usePhase.getState();
    const silent = ph.preset ? SHOOT_PRESETS[ph.preset].phases.find((x) => x.kind === 'silent') : undefined;
    if (ph.phase === 'silent' && silent?.kind === 'silent') {
      facts.incomplete = { reason: 'stopped-in-silent-phase', recordedSeconds: Math.round(mediaNow() * 100) / 100, silentSeconds: silent.seconds };
    }
    return facts;
  }, []);
  const { phase, startedAt, start, stop } = useTakeRecorder(onError, factsAtStop);
  const stats = useRecStats(devices.stream, phase === 'recording');
  statsRef.current = stats.snapshot;

  useEffect(() => {
    if (shoot) setPreset(shoot.preset);
  }, [shoot]);

  useEffect(() => {
    if (phase !== 'recording') return;
    const id = setInterval(() => tick((n) => n + 1), 250);
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

  const onRecord = async (confirmed = false) => {
    if (!shootId || !devices.stream || !devices.report) return;
    const unticked = useChecklist.getState().items().filter((c) => !c.checked).map((c) => c.id);
    const asked = overrideFor === `${shootId}:${unticked.join(',')}`;
    if (unticked.length > 0 && !confirmed && !asked) {
      setConfirming(unticked);
      return;
    }
    setConfirming(null);
    if (unticked.length > 0) {
      setOverrideFor(`${shootId}:${unticked.join(',')}`);
      override.current = { at: new Date().toISOString(), unticked };
    } else {
      override.current = undefined;
    }
    try {
      // Refuse before anything starts when the planned take cannot fit on the disk.
      const disk = await studio.call('disk.space', {
        shootId,
        bitsPerSecond: RECORDING_BITS_PER_SECOND,
        plannedSeconds: plannedSeconds(SHOOT_PRESETS[preset]),
      });
      if (!disk.fits) {
        onError(new Error(t('record.diskTooSmall', { need: Math.ceil(disk.neededBytes / 1e6), free: Math.floor(disk.freeBytes / 1e6), folder: disk.folder })));
        return;
      }
      await start(shootId, devices.stream, devices.report, { preset, checklist: useChecklist.getState().items() });
    } catch (err) {
      onError(err);
    }
  };

  const recording = phase === 'recording';
  return (
    <div className="record-controls-wrap">
      <div className="record-controls" data-testid="record-controls" data-state={phase}>
        {confirming && phase === 'idle' ? (
          <div className="checklist-confirm" data-testid="checklist-confirm" data-unticked={confirming.length}>
            <span className="warn-text">{t('onAir.checklistAsk', { count: confirming.length })}</span>
            <button type="button" className="record" data-testid="record-anyway" onClick={() => void onRecord(true)}>
              ● {t('onAir.recordAnyway')}
            </button>
            <button type="button" className="secondary" data-testid="record-cancel" onClick={() => setConfirming(null)}>
              {t('onAir.backToChecklist')}
            </button>
          </div>
        ) : phase === 'idle' || phase === 'starting' ? (
          <button
            type="button"
            className="record"
            data-testid="record"
            disabled={reason !== null || phase === 'starting'}
            onClick={(e) => {
              e.currentTarget.blur();
              void onRecord();
            }}
          >
            ● {t('record.record')}
          </button>
        ) : (
          <button
            type="button"
            className="stop"
            data-testid="stop"
            disabled={phase === 'saving'}
            onClick={(e) => {
              e.currentTarget.blur();
              stop().catch(onError);
            }}
          >
            ■ {t('record.stop')}
          </button>
        )}
        {recording && startedAt !== null && (
          <span className="rec-timer" data-testid="rec-timer">
            <span className="rec-dot" /> <span className="rec-label">{t('record.recording')}</span> <b>{formatClock(mediaNow())}</b>
          </span>
        )}
        {phase === 'saving' && <span className="muted">{t('record.saving')}</span>}
        {phase === 'idle' && reason && (
          <span className="reason" data-testid="record-disabled-reason">
            {reason}
          </span>
        )}
        {phase === 'idle' && !reason && <PresetPicker value={preset} onChange={setPreset} testId="take-preset" />}
      </div>
      {recording && <RecStats view={stats.view} />}
      {recording && secondsLeft !== null && secondsLeft < DISK_WARN_SECONDS_LEFT && (
        <div className="banner warn" data-testid="disk-warning">
          {t('record.diskLow', { time: formatClock(secondsLeft) })}
        </div>
      )}
    </div>
  );
}
