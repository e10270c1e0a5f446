import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VoiceReport } from '../../../../shared/contract/voice';
import type { MethodOutput } from '../../../../shared/api';
import { studio } from '../../api/client';
import { Waveform, type WavePeaks, type WaveRegion } from '../../components/Waveform';
import { PEAKS_PER_SECOND, usePeaks } from './use-peaks';

const PEAK_SCALE = 127;
type Denoised = MethodOutput<'voice.denoiseTake'>;
type Side = 'original' | 'denoised';

/**
 * A voice take's review: its waveform (peaks from ffmpeg in main) with speech episodes in green,
 * pauses in grey and timed problems in red; and, before export, the noise-reduced version (§8.3,
 * §10; made offline in main, never in the capture path) drawn under it with an A/B listen — one
 * play position shared by both, a toggle switches which one is heard.
 */
export function VoiceReview({ shootId, takeId, report, setError }: { shootId: string; takeId: string; report: VoiceReport; setError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const peaks = usePeaks(useMemo(() => ({ kind: 'take' as const, shootId, takeId }), [shootId, takeId]));
  const [den, setDen] = useState<Denoised | null>(null);
  const [job, setJob] = useState<{ id: string; fraction: number; eta: number | null } | null>(null);
  const denPeaks = usePeaks(useMemo(() => (den ? { kind: 'file' as const, path: den.denoisedPath } : null), [den]));
  const [origEl, setOrigEl] = useState<HTMLAudioElement | null>(null);
  const [denEl, setDenEl] = useState<HTMLAudioElement | null>(null);
  const [side, setSide] = useState<Side>('original');
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const sideRef = useRef(side);
  sideRef.current = side;

  const regions = useMemo<WaveRegion[]>(() => {
    const out: WaveRegion[] = report.episodes.map((e, i) => ({ id: `speech-${i}`, start: e.start, end: e.end, color: 'rgba(46,157,79,0.22)' }));
    for (let i = 1; i < report.episodes.length; i++) {
      out.push({ id: `pause-${i}`, start: report.episodes[i - 1]!.end, end: report.episodes[i]!.start, color: 'rgba(160,160,160,0.18)' });
    }
    report.findings
      .filter((f) => f.end > f.start && f.end - f.start < report.stats.durationS - 0.05)
      .forEach((f, i) => out.push({ id: `problem-${i}`, start: f.start, end: f.end, color: 'rgba(221,51,51,0.35)', label: f.rule }));
    return out;
  }, [report]);

  // Progress of this take's noise-reduction job.
  useEffect(() => {
    if (!job) return;
    return studio.on('voice.progress', (p) => {
      if (p.jobId === job.id) setJob((j) => (j && j.id === p.jobId ? { ...j, fraction: p.fraction, eta: p.etaSeconds } : j));
    });
  }, [job?.id]); // eslint-disable-line react-hooks/exhaustive-deps -- resubscribe per job only

  const denoise = useCallback(() => {
    const id = `dn-${takeId}-${Date.now()}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40);
    setJob({ id, fraction: 0, eta: null });
    studio
      .call('voice.denoiseTake', { shootId, takeId, jobId: id })
      .then(setDen, (err: unknown) => {
        if ((err as { code?: string }).code !== 'cancelled') setError(err);
      })
      .finally(() => setJob(null));
  }, [shootId, takeId, setError]);

  // The active element plays; the other follows its position so a switch lands on the same spot.
  const active = side === 'original' ? origEl : denEl;
  const other = side === 'original' ? denEl : origEl;
  useEffect(() => {
    if (!active) return;
    const tick = () => {
      setTime(active.currentTime);
      if (other && Math.abs(other.currentTime - active.currentTime) > 0.05 && !active.paused) other.currentTime = active.currentTime;
    };
    const state = () => setPlaying(!active.paused);
    const seeked = () => {
      if (other) other.currentTime = active.currentTime;
      tick();
    };
    active.addEventListener('timeupdate', tick);
    active.addEventListener('seeked', seeked);
    active.addEventListener('play', state);
    active.addEventListener('pause', state);
    active.addEventListener('ended', state);
    return () => {
      active.removeEventListener('timeupdate', tick);
      active.removeEventListener('seeked', seeked);
      active.removeEventListener('play', state);
      active.removeEventListener('pause', state);
      active.removeEventListener('ended', state);
    };
  }, [active, other]);

  const switchTo = (next: Side) => {
    if (next === side) return;
    const from = side === 'original' ? origEl : denEl;
    const to = next === 'original' ? origEl : denEl;
    if (!from || !to) return;
    const wasPlaying = !from.paused;
    from.pause();
    to.currentTime = from.currentTime;
    setSide(next);
    if (wasPlaying) void to.play().catch(setError);
  };

  const toggle = () => {
    if (!active) return;
    if (active.paused) void active.play().catch(setError);
    else active.pause();
  };

  const wave = (p: { min: number[]; max: number[] } | null): WavePeaks | null => (p ? { min: p.min, max: p.max, scale: PEAK_SCALE } : null);
  const dur = report.stats.durationS;
  const fmt = (v: number | null) => (v === null ? '?' : String(v));
  const rows = den
    ? ([
        ['noise', den.before.noiseFloorDb, den.after.noiseFloorDb, 'dBFS'],
        ['snr', den.before.snrDb, den.after.snrDb, 'dB'],
        ['speech', den.before.speechLevelDb, den.after.speechLevelDb, 'dBFS'],
        ['peak', den.before.peakDb, den.after.peakDb, 'dBFS'],
        ['clipped', den.before.clippedSamples, den.after.clippedSamples, ''],
      ] as const)
    : [];

  return (
    <div className="voice-review" data-testid="voice-review">
      {den && <audio ref={setOrigEl} src={den.originalUrl} preload="auto" data-testid="voice-audio-original" />}
      {den && <audio ref={setDenEl} src={den.denoisedUrl} preload="auto" data-testid="voice-audio-denoised" />}
      <div className="wave-label">{t('voice.review.original')}</div>
      <Waveform
        peaks={wave(peaks)}
        durationSec={dur}
        peaksPerSecond={PEAKS_PER_SECOND}
        media={origEl}
        regions={regions}
        height={64}
        testId="voice-waveform"
        progressColor={side === 'original' ? '#3b6d99' : '#7aa2c8'}
      />
      {den && (
        <>
          <div className="wave-label">{t('voice.review.denoised', { filter: den.filter })}</div>
          <Waveform
            peaks={wave(denPeaks)}
            durationSec={dur}
            peaksPerSecond={PEAKS_PER_SECOND}
            media={denEl}
            height={64}
            testId="voice-waveform-denoised"
            waveColor="#8cc79a"
            progressColor={side === 'denoised' ? '#2e7d46' : '#8cc79a'}
          />
        </>
      )}
      <div className="row">
        {!den && !job && (
          <button type="button" data-testid="voice-denoise" onClick={denoise}>
            {t('voice.review.make')}
          </button>
        )}
        {job && (
          <span data-testid="voice-denoise-progress" data-fraction={job.fraction.toFixed(3)}>
            <progress max={1} value={job.fraction} /> {t('voice.review.progress', { pct: Math.round(job.fraction * 100), eta: job.eta === null ? '…' : `${job.eta} s` })}{' '}
            <button type="button" data-testid="voice-denoise-cancel" onClick={() => void studio.call('voice.cancel', { jobId: job.id })}>
              {t('voice.review.cancel')}
            </button>
          </span>
        )}
        {den && (
          <span className="voice-ab" data-testid="voice-ab" data-active={side} data-playing={playing ? 'yes' : 'no'} data-time={time.toFixed(2)}>
            <button type="button" data-testid="voice-ab-play" onClick={toggle}>
              {playing ? t('voice.review.pause') : t('voice.review.play')}
            </button>
            <span className="ab-toggle" role="group" aria-label={t('voice.review.abLabel')}>
              <button type="button" data-testid="voice-ab-original" aria-pressed={side === 'original'} className={side === 'original' ? 'on' : ''} onClick={() => switchTo('original')}>
                A · {t('voice.review.original')}
              </button>
              <button type="button" data-testid="voice-ab-denoised" aria-pressed={side === 'denoised'} className={side === 'denoised' ? 'on' : ''} onClick={() => switchTo('denoised')}>
                B · {t('voice.review.denoisedShort')}
              </button>
            </span>
            <span className="muted">{time.toFixed(1)} s</span>
          </span>
        )}
      </div>
      {den && (
        <table className="voice-levels" data-testid="voice-levels" data-floor-before={den.before.noiseFloorDb ?? ''} data-floor-after={den.after.noiseFloorDb ?? ''} data-clipped-after={den.after.clippedSamples}>
          <thead>
            <tr>
              <th />
              <th>{t('voice.review.before')}</th>
              <th>{t('voice.review.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, b, a, unit]) => (
              <tr key={k}>
                <td>{t(`voice.review.levels.${k}`)}</td>
                <td>
                  {fmt(b)} {unit}
                </td>
                <td>
                  {fmt(a)} {unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {den && <p className="muted">{t('voice.review.note')}</p>}
    </div>
  );
}
