import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresetId } from '../../../../shared/api';
import { formatClock } from '../../lib/format';
import { useStudio } from '../../stores/studio-store';
import { PresetPicker } from '../run/PresetPicker';
import { TakeTimeline } from '../run/TakeTimeline';
import { useCheck } from './check-store';
import { FindingsList } from './FindingsList';
import { MouthStripView } from './MouthStripView';
import { SourcePicker } from '../../components/SourcePicker';

const SPAN_COLORS = { error: '#d93a3a', warn: '#e0a020', info: '#4a8fe0' } as const;

/** Check a take or a file on the studio machine against §1.2.5 / §7, every frame, before upload. */
export function CheckScreen() {
  const { t } = useTranslation();
  const takes = useStudio((s) => s.takes);
  const shootId = useStudio((s) => s.shootId);
  const { jobId, progress, report, error, mediaUrl, htmlUrl, savedAt, start, cancel, showSaved } = useCheck();
  const ready = takes.filter((x) => x.status === 'ready');
  const [kind, setKind] = useState<'take' | 'file'>('take');
  const [takeId, setTakeId] = useState<string>('');
  const [filePath, setFilePath] = useState('');
  const [preset, setPreset] = useState<PresetId>('standard-short');
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    // A take card's "open report" names the take; else the newest ready take.
    const asked = sessionStorage.getItem('capture-studio.check-take');
    if (asked && ready.length > 0) {
      sessionStorage.removeItem('capture-studio.check-take');
      const a = JSON.parse(asked) as { shootId?: string; takeId?: string };
      if (a.shootId === shootId && ready.some((x) => x.id === a.takeId) && a.takeId) return setTakeId(a.takeId);
    }
    if (!takeId && ready.length > 0) setTakeId(ready[ready.length - 1]!.id);
  }, [ready, takeId, shootId]);
  // A take's last report (check.json beside it) shows without checking again.
  useEffect(() => {
    if (kind === 'take' && shootId && takeId) void showSaved(shootId, takeId);
  }, [kind, shootId, takeId, showSaved]);
  useEffect(() => {
    const take = takes.find((x) => x.id === takeId);
    if (take) setPreset(take.preset);
  }, [takeId, takes]);

  const canStart = !jobId && (kind === 'take' ? !!(shootId && takeId) : filePath.trim().length > 0);
  const onStart = () => {
    if (kind === 'take' && shootId) void start({ kind: 'take', shootId, takeId }, preset);
    else void start({ kind: 'file', path: filePath.trim() }, preset);
  };
  const seek = (s: number) => {
    if (video.current) {
      video.current.currentTime = s;
      void video.current.play().catch(() => {});
    }
  };
  const checkedTake = kind === 'take' ? takes.find((x) => x.id === takeId) : undefined;

  return (
    <main className="check-screen">
      <aside className="left">
        <section className="panel">
          <h2>{t('check.heading')}</h2>
          <SourcePicker
            kind={kind}
            onKind={setKind}
            takes={ready}
            takeId={takeId}
            onTakeId={setTakeId}
            filePath={filePath}
            onFilePath={setFilePath}
            labels={{ aTake: t('check.aTake'), aFile: t('check.aFile'), take: t('check.take'), noTakes: t('check.noTakes'), path: t('check.path') }}
            placeholder="/home/operator/footage/IMG_0042.MOV"
            testIdPrefix="check"
          />
          <PresetPicker value={preset} onChange={setPreset} testId="check-preset" />
          <div className="row">
            <button type="button" data-testid="check-start" disabled={!canStart} onClick={onStart}>
              {t('check.start')}
            </button>
            {jobId && (
              <button type="button" className="secondary" data-testid="check-cancel" onClick={() => void cancel()}>
                {t('check.cancel')}
              </button>
            )}
          </div>
          {progress && (
            <div className="progress" data-testid="check-progress" data-fraction={progress.fraction.toFixed(2)} data-paused={progress.paused}>
              <progress max={1} value={progress.fraction} />
              <span className="small">
                {t(`check.stage.${progress.stage}`)} {Math.round(progress.fraction * 100)}%
                {progress.paused
                  ? ` · ${t('check.paused')}`
                  : progress.etaSeconds !== null && ` · ${t('check.eta', { time: formatClock(progress.etaSeconds) })}`}
              </span>
            </div>
          )}
          {error && (
            <p className="problem" data-testid="check-error">
              {t(`errors.${error.code}`, { defaultValue: error.code })} {error.message} {error.hint}
            </p>
          )}
        </section>
      </aside>
      <section className="center">
        {report ? (
          <>
            <div className="verdict-row">
              <span className={`verdict ${report.verdict}`} data-testid="verdict" data-verdict={report.verdict}>
                {t(`check.verdict.${report.verdict}`)}
              </span>
              <span className="small muted">
                {t('check.stats', {
                  frames: report.stats.framesAnalyzed,
                  total: report.stats.framesTotal,
                  size: `${report.stats.analysisWidth}×${report.stats.analysisHeight}`,
                  seconds: report.stats.elapsedSec.toFixed(1),
                })}
              </span>
              {savedAt && (
                <span className="small muted" data-testid="check-saved" data-saved-at={savedAt}>
                  {t('takeCheck.savedAt', { time: new Date(savedAt).toLocaleString() })}
                </span>
              )}
              {htmlUrl && (
                <a href={htmlUrl} target="_blank" rel="noreferrer" data-testid="check-html">
                  {t('check.openReport')}
                </a>
              )}
            </div>
            {mediaUrl && <video ref={video} className="check-player" src={mediaUrl} controls data-testid="check-player" />}
            <TakeTimeline
              duration={report.stats.durationSec}
              phases={checkedTake?.phases ?? []}
              markers={checkedTake?.markers ?? []}
              spans={report.findings
                .filter((f) => f.end - f.start < report.stats.durationSec * 0.98)
                .map((f) => ({ start: f.start, end: f.end, color: SPAN_COLORS[f.severity], label: f.rule }))}
              height={28}
            />
            {report.mouthStrip && <MouthStripView strip={report.mouthStrip} findings={report.findings} onSeek={seek} />}
          </>
        ) : (
          <p className="muted">{t('check.intro')}</p>
        )}
      </section>
      <aside className="right">{report && <FindingsList findings={report.findings} durationSec={report.stats.durationSec} onSeek={seek} />}</aside>
    </main>
  );
}
