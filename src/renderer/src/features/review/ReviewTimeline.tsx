import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Marker } from '../../../../shared/api';
import type { Finding } from '../../../../shared/findings';
import { ruleTitle } from '../../../../shared/qc/rule-titles';
import { GRID_FPS } from '../../../../shared/task/frames';
import { Waveform, type WaveRegion } from '../../components/Waveform';
import type { PeaksState } from './review-store';

export const SEVERITY_COLORS = { error: '#d93a3a', warn: '#e0a020', info: '#4a8fe0' } as const;
const MARKER_COLORS: Record<Marker['kind'], string> = {
  phase: '#9aa0a6',
  flub: '#e5484d',
  'action-start': '#3fb950',
  'action-end': '#f0b429',
  'return-idle': '#4c8dff',
  note: '#c792ea',
};

export interface TimelineSegment {
  id: string;
  label: string;
  start: number;
  end: number;
  color: string;
}

interface Props {
  durationSec: number;
  peaks: PeaksState | null;
  media: HTMLVideoElement | null;
  frame: number;
  markers: readonly Marker[];
  checkFindings: readonly Finding[];
  liveFindings: readonly Finding[];
  segments: readonly TimelineSegment[];
  thumbnails: readonly { t: number; url: string }[];
  onSeek(t: number): void;
  onSegmentChange(id: string, start: number, end: number): void;
}

/** The waveform with the segments on it, then one coloured track each for markers, check and live findings. */
export function ReviewTimeline({ durationSec, peaks, media, frame, markers, checkFindings, liveFindings, segments, thumbnails, onSeek, onSegmentChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const pct = (s: number) => `${Math.min(100, Math.max(0, (s / Math.max(durationSec, 0.001)) * 100))}%`;
  const wavePeaks = useMemo(() => (peaks ? { min: peaks.min, max: peaks.max, scale: 127 } : null), [peaks]);
  const regions = useMemo<WaveRegion[]>(
    () => segments.map((s) => ({ id: s.id, start: s.start, end: s.end, color: `${s.color}40`, label: s.label, editable: true })),
    [segments],
  );
  const playhead = <div className="playhead" style={{ left: pct(frame / GRID_FPS) }} />;

  // Errors drawn last so they stay on top of whole-file warnings and notes.
  const rank = { info: 0, warn: 1, error: 2 } as const;
  const findingTrack = (id: string, label: string, all: readonly Finding[], list = [...all].sort((a, b) => rank[a.severity] - rank[b.severity])) => (
    <div className="track-row">
      <span className="track-label">{label}</span>
      <div className="track" data-testid={`track-${id}`} data-count={list.length}>
        {list.map((f, i) => (
          <button
            type="button"
            key={i}
            className="track-span"
            data-rule={f.rule}
            data-severity={f.severity}
            title={`${ruleTitle(f.rule, lang)} · ${f.start.toFixed(2)}–${f.end.toFixed(2)} s\n${f.message}`}
            style={{ left: pct(f.start), width: `max(3px, calc(${pct(f.end)} - ${pct(f.start)}))`, background: SEVERITY_COLORS[f.severity] }}
            onClick={() => onSeek(f.start)}
          />
        ))}
        {playhead}
      </div>
    </div>
  );

  return (
    <div className="review-timeline" data-testid="review-timeline">
      {thumbnails.length > 0 && (
        <div className="track-row">
          <span className="track-label">{t('review.track.pictures')}</span>
          <div className="filmstrip" data-testid="thumbnails" data-count={thumbnails.length}>
            {thumbnails.map((x) => (
              <button type="button" key={x.t} className="thumb-button" title={`${x.t.toFixed(2)} s`} onClick={() => onSeek(x.t)}>
                <img src={x.url} alt="" />
              </button>
            ))}
          </div>
        </div>
      )}
      <div className="track-row">
        <span className="track-label">
          {t('review.track.audio')}
          {peaks && !peaks.complete && <span className="small muted"> {t('review.peaksLoading')}</span>}
          {peaks?.complete && !peaks.hasAudio && <span className="small muted"> {t('review.noAudio')}</span>}
        </span>
        <div className="wave-box" data-peaks-complete={peaks?.complete ? 'true' : 'false'}>
          <Waveform peaks={wavePeaks} durationSec={durationSec} media={media} regions={regions} onSeek={onSeek} onRegionChange={onSegmentChange} height={64} />
        </div>
      </div>
      <div className="track-row">
        <span className="track-label">{t('review.track.markers')}</span>
        <div className="track" data-testid="track-markers" data-count={markers.length}>
          {markers.map((m) => (
            <button
              type="button"
              key={m.id}
              className="track-tick"
              data-kind={m.kind}
              title={`${t(`review.marker.${m.kind}`)} · ${m.t.toFixed(2)} s${m.note ? ` · ${m.note}` : ''}`}
              style={{ left: pct(m.t), background: MARKER_COLORS[m.kind] }}
              onClick={() => onSeek(m.t)}
            />
          ))}
          {playhead}
        </div>
      </div>
      {findingTrack('check', t('review.track.check'), checkFindings)}
      {findingTrack('live', t('review.track.live'), liveFindings)}
      <div className="track-row">
        <span className="track-label">{t('review.track.segments')}</span>
        <div className="track" data-testid="track-segments" data-count={segments.length}>
          {segments.map((s) => (
            <button
              type="button"
              key={s.id}
              className="track-span segment"
              title={`${s.label} · ${s.start.toFixed(2)}–${s.end.toFixed(2)} s`}
              style={{ left: pct(s.start), width: `max(3px, calc(${pct(s.end)} - ${pct(s.start)}))`, background: s.color }}
              onClick={() => onSeek(s.start)}
            >
              <span>{s.label}</span>
            </button>
          ))}
          {playhead}
        </div>
      </div>
    </div>
  );
}
