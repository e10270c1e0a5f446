import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewSource } from '../../../../shared/contract/review';
import { defaultGreenParams } from '../../../../shared/green-params';
import { buildTask, suggestSpecification, type TaskFinding } from '../../../../shared/task/build';
import { formatSeconds, formatSsFf, GRID_FPS, parseTime } from '../../../../shared/task/frames';
import { TaskParamsSchema } from '../../../../shared/task/schema';
import { formatClock } from '../../lib/format';
import { useStudio } from '../../stores/studio-store';
import { MouthStripView } from '../check/MouthStripView';
import { ReviewTimeline, type TimelineSegment } from './ReviewTimeline';
import { useReview } from './review-store';
import { findingText, TaskPanel } from './TaskPanel';
import { actionsFromTake, initialForm, toParams, type TaskForm } from './task-form';
import { useFramePlayer } from './use-frame-player';
import './review.css';
import { SourcePicker } from '../../components/SourcePicker';

const SEGMENT_COLORS = ['#6c5ce7', '#00b894', '#e17055', '#0984e3', '#fdcb6e', '#e84393'];

/** Review a take or a file frame by frame, mark the §5.3 segments, fill in the task, export the package. */
export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const takes = useStudio((s) => s.takes);
  const shoots = useStudio((s) => s.shoots);
  const shootId = useStudio((s) => s.shootId);
  const review = useReview();
  const { info, peaks } = review;
  const ready = takes.filter((x) => x.status === 'ready');
  const [kind, setKind] = useState<'take' | 'file'>('take');
  const [takeId, setTakeId] = useState('');
  const [filePath, setFilePath] = useState('');
  const [form, setForm] = useState<TaskForm | null>(null);
  const [outDir, setOutDir] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [aux, setAux] = useState('');
  const video = useRef<HTMLVideoElement>(null);
  const [videoEl, setVideoEl] = useState<HTMLVideoElement | null>(null);
  const duration = info?.probe.durationSec ?? 0;
  const player = useFramePlayer(video, duration);

  useEffect(() => {
    if (!takeId && ready.length > 0) setTakeId(ready[ready.length - 1]!.id);
  }, [ready, takeId]);

  // A freshly opened take or file: the form starts from its markers and the shoot's greenParams.
  useEffect(() => {
    if (!info) return;
    const shoot = shoots.find((s) => s.id === info.take?.shootId);
    const name = shoot?.model || shoot?.name || info.fileName.replace(/\.[^.]+$/, '');
    setForm(initialForm({ name, take: info.take, durationSec: info.probe.durationSec, greenParams: info.greenParams }));
    setOutDir((d) => d || info.exportDir);
    setConfirming(false);
  }, [info, shoots]);

  const onOpen = () => {
    const source: ReviewSource = kind === 'take' && shootId ? { kind: 'take', shootId, takeId } : { kind: 'file', path: filePath.trim() };
    void review.open(source);
  };

  // Keys: arrows step, Shift+arrows a second, J/K/L shuttle, Space plays; not while typing in a field.
  useEffect(() => {
    if (!info) return;
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      if (el && (el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA')) return;
      if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        player.step(dir * (e.shiftKey ? GRID_FPS : 1));
      } else if (e.key === 'j' || e.key === 'k' || e.key === 'l') player.key(e.key);
      else if (e.key === ' ') player.togglePlay();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [info, player]);

  // Green screen without saved parameters uses the §1.3.3 defaults (the keying screen's starting point).
  const params = useMemo(() => (form ? toParams(form, info?.greenParams ?? defaultGreenParams()) : null), [form, info]);
  const built = useMemo(() => {
    if (!params || !info?.probe.video) return null;
    const parsed = TaskParamsSchema.safeParse(params);
    if (!parsed.success) return null;
    return buildTask(parsed.data, {
      durationSec: info.probe.durationSec,
      width: info.probe.video.displayWidth,
      height: info.probe.video.displayHeight,
      findings: [...(info.check?.findings ?? []), ...(info.take?.findings ?? [])],
    });
  }, [params, info]);
  const findings: TaskFinding[] = built?.findings ?? [];
  const hasErrors = !built?.task;

  const segments = useMemo<TimelineSegment[]>(() => {
    if (!form) return [];
    const sec = (v: string) => {
      const r = v.trim() ? parseTime(v) : null;
      return r?.ok ? r.frames / GRID_FPS : null;
    };
    const out: TimelineSegment[] = [];
    const add = (id: string, label: string, a: string, b: string, color: string) => {
      const s = sec(a);
      const e = sec(b);
      if (s !== null && e !== null && e > s) out.push({ id, label, start: s, end: e, color });
    };
    add('video', t('review.seg.video'), form.videoStart, form.videoEnd, '#888888');
    if (form.modelType === 'premium') {
      add('static', t('review.seg.staticStart'), form.staticStart, form.staticEnd, SEGMENT_COLORS[0]!);
      add('dynamic', t('review.seg.dynamicStart'), form.dynamicStart, form.dynamicEnd, SEGMENT_COLORS[1]!);
    }
    if (form.modelType === 'motion') form.actions.forEach((a, i) => add(`action-${i}`, `${i + 1} ${a.name}`, a.start, a.end, SEGMENT_COLORS[i % SEGMENT_COLORS.length]!));
    return out;
  }, [form, t]);

  // A region dragged on the waveform: snap both edges to frames and write them back as SS:FF.
  const onSegmentChange = (id: string, start: number, end: number) => {
    if (!form) return;
    const ss = (s: number) => formatSsFf(Math.round(s * GRID_FPS));
    if (id === 'video') setForm({ ...form, videoStart: ss(start), videoEnd: ss(end) });
    else if (id === 'static') setForm({ ...form, staticStart: ss(start), staticEnd: ss(end) });
    else if (id === 'dynamic') setForm({ ...form, dynamicStart: ss(start), dynamicEnd: ss(end) });
    else if (id.startsWith('action-')) {
      const i = Number(id.slice(7));
      setForm({ ...form, actions: form.actions.map((a, j) => (j === i ? { ...a, start: ss(start), end: ss(end) } : a)) });
    }
  };

  const checkFailed = info?.check?.verdict === 'fail';
  const onExport = (confirmed: boolean) => {
    if (!params) return;
    if (checkFailed && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const auxiliaries = aux.split('\n').map((l) => l.trim()).filter(Boolean);
    void review.startExport(params, outDir.trim(), confirmed, auxiliaries);
  };

  const frame = player.frame;
  const canOpen = kind === 'take' ? !!(shootId && takeId) : filePath.trim().length > 0;

  return (
    <main className="review-screen">
      <aside className="left">
        <section className="panel">
          <h2>{t('review.heading')}</h2>
          <SourcePicker
            kind={kind}
            onKind={setKind}
            takes={ready}
            takeId={takeId}
            onTakeId={setTakeId}
            filePath={filePath}
            onFilePath={setFilePath}
            labels={{ aTake: t('review.aTake'), aFile: t('review.aFile'), take: t('review.take'), noTakes: t('review.noTakes'), path: t('review.path') }}
            placeholder="/home/operator/footage/take.mp4"
            testIdPrefix="review"
          />
          <button type="button" data-testid="review-open" disabled={!canOpen || review.opening} onClick={onOpen}>
            {review.opening ? t('review.opening') : t('review.open')}
          </button>
          {review.error && (
            <p className="problem" data-testid="review-error">
              {t(`errors.${review.error.code}`, { defaultValue: review.error.code })} {review.error.message} {review.error.hint}
            </p>
          )}
          {info && (
            <p className="small muted" data-testid="review-check" data-verdict={info.check?.verdict ?? 'none'}>
              {info.check ? t('review.checkVerdict', { verdict: t(`check.verdict.${info.check.verdict}`) }) : t('review.noCheck')}{' '}
              {info.check?.htmlUrl && (
                <a href={info.check.htmlUrl} target="_blank" rel="noreferrer">
                  {t('review.openReport')}
                </a>
              )}
            </p>
          )}
        </section>
        {info && form && (
          <>
            <section className="panel" data-testid="task-findings" data-errors={findings.filter((f) => f.severity === 'error').length} data-warnings={findings.filter((f) => f.severity === 'warn').length}>
              <h2>{t('review.findings.heading')}</h2>
              {findings.length === 0 ? (
                <p className="ok small">{t('review.findings.none')}</p>
              ) : (
                <ul className="task-findings">
                  {findings.map((f, i) => {
                    const x = findingText(f, lang);
                    return (
                      <li key={i} className={`inline-finding ${f.severity}`} data-rule={f.rule}>
                        <strong>{x.title}</strong> {x.message}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            <section className="panel" data-testid="export-panel">
              <h2>{t('review.export.heading')}</h2>
              <label className="field">
                {t('review.export.folder')}
                <input data-testid="export-dir" value={outDir} onChange={(e) => setOutDir(e.target.value)} />
              </label>
              <label className="field">
                {t('review.export.auxiliaries')}
                <textarea data-testid="export-aux" rows={2} value={aux} placeholder="/home/operator/footage/outfit-2.mp4" onChange={(e) => setAux(e.target.value)} />
              </label>
              <div className="row">
                <button type="button" data-testid="export-start" disabled={hasErrors || !!review.exportJob || !outDir.trim()} onClick={() => onExport(false)}>
                  {t('review.export.start')}
                </button>
                {review.exportJob && (
                  <button type="button" className="secondary" data-testid="export-cancel" onClick={() => void review.cancelExport()}>
                    {t('review.export.cancel')}
                  </button>
                )}
              </div>
              {hasErrors && <p className="small problem">{t('review.export.blocked')}</p>}
              {confirming && (
                <div className="confirm" data-testid="export-confirm">
                  <p className="problem">{t('review.export.checkFailed')}</p>
                  <button type="button" className="danger" data-testid="export-confirm-yes" onClick={() => onExport(true)}>
                    {t('review.export.confirm')}
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                    {t('review.export.cancel')}
                  </button>
                </div>
              )}
              {review.exportProgress && (
                <div className="progress" data-testid="export-progress" data-fraction={review.exportProgress.fraction.toFixed(2)}>
                  <progress max={1} value={review.exportProgress.fraction} />
                  <span className="small">
                    {t(`review.export.stage.${review.exportProgress.stage}`)} {Math.round(review.exportProgress.fraction * 100)}%
                    {review.exportProgress.etaSeconds !== null && ` · ${t('review.export.eta', { time: formatClock(review.exportProgress.etaSeconds) })}`}
                  </span>
                </div>
              )}
              {review.exportError && (
                <p className="problem" data-testid="export-error">
                  {t(`errors.${review.exportError.code}`, { defaultValue: review.exportError.code })} {review.exportError.message} {review.exportError.hint}
                </p>
              )}
              {review.exportResult && (
                <div data-testid="export-done" data-folder={review.exportResult.folder} data-files={review.exportResult.files.join(',')} data-forced={String(review.exportResult.forcedFailedCheck)}>
                  <p className="ok small">{t('review.export.done', { folder: review.exportResult.folder })}</p>
                  <ul className="small muted files">
                    {review.exportResult.files.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                  {review.exportResult.forcedFailedCheck && <p className="small problem">{t('review.export.forced')}</p>}
                </div>
              )}
            </section>
          </>
        )}
      </aside>
      <section className="center">
        {info ? (
          <>
            <video
              ref={(el) => {
                video.current = el;
                setVideoEl(el);
              }}
              className="review-player"
              src={info.mediaUrl}
              preload="auto"
              playsInline
              data-testid="review-player"
            />
            <div className="transport" data-testid="transport" data-frame={frame} data-total={player.totalFrames} data-seconds={formatSeconds(frame)} data-ssff={formatSsFf(frame)}>
              <button type="button" className="secondary small" data-testid="step-back-second" onClick={() => player.step(-GRID_FPS)}>
                {t('review.step.backSecond')}
              </button>
              <button type="button" className="secondary small" data-testid="step-back-frame" onClick={() => player.step(-1)}>
                {t('review.step.backFrame')}
              </button>
              <button type="button" className="small" data-testid="play" onClick={() => player.togglePlay()}>
                {player.playing ? t('review.step.pause') : t('review.step.play')}
              </button>
              <button type="button" className="secondary small" data-testid="step-forward-frame" onClick={() => player.step(1)}>
                {t('review.step.forwardFrame')}
              </button>
              <button type="button" className="secondary small" data-testid="step-forward-second" onClick={() => player.step(GRID_FPS)}>
                {t('review.step.forwardSecond')}
              </button>
              <span className="timecode" title={t('review.time.ssff')} data-testid="timecode">
                {formatSsFf(frame)}
              </span>
              <span className="small muted">{t('review.time.frame', { frame, total: player.totalFrames })}</span>
              <span className="small muted">{t('review.time.seconds', { seconds: formatSeconds(frame) })}</span>
              {player.shuttle !== 0 && <span className="small">{player.shuttle > 0 ? `▶ ${player.shuttle}×` : `◀ ${-player.shuttle}×`}</span>}
            </div>
            <p className="small muted">{t('review.keys')}</p>
            <ReviewTimeline
              durationSec={duration}
              peaks={peaks}
              media={videoEl}
              frame={frame}
              markers={info.take?.markers ?? []}
              checkFindings={info.check?.findings ?? []}
              liveFindings={info.take?.findings ?? []}
              segments={segments}
              thumbnails={review.thumbnails}
              onSeek={(s) => player.seekSeconds(s)}
              onSegmentChange={onSegmentChange}
            />
            {info.check?.mouthStrip && <MouthStripView strip={info.check.mouthStrip} findings={info.check.findings} onSeek={(s) => player.seekSeconds(s)} />}
          </>
        ) : (
          <p className="muted">{t('review.intro')}</p>
        )}
      </section>
      <aside className="right">
        {info && form && (
          <TaskPanel
            form={form}
            setForm={setForm}
            findings={findings}
            suggestedSpec={info.probe.video ? suggestSpecification(info.probe.video.displayWidth, info.probe.video.displayHeight) : 'standard'}
            greenParams={info.greenParams}
            hereTime={() => formatSsFf(frame)}
            canUseMarkers={!!info.take}
            onFromMarkers={() => setForm({ ...form, actions: actionsFromTake(info.take, duration) })}
          />
        )}
      </aside>
    </main>
  );
}
