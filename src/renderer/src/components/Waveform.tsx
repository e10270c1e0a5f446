/**
 * The audio waveform of a timeline (wavesurfer.js 7, pinned in package.json, with its regions
 * plugin). Peaks are passed in — main computes them with ffmpeg (`media.peaks`) — so a 30-min take
 * is never fetched or decoded in the renderer. When `media` is given (the review player's <video>),
 * the waveform's cursor follows it and a click seeks it. Regions are editable spans (segments) or
 * points (markers); a drag reports the new times through onRegionChange, unsnapped: the caller
 * snaps them to its frame grid.
 */
import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';

export interface WavePeaks {
  /** Per bucket, the minimum and maximum sample on the scale −scale…scale. */
  min: ArrayLike<number>;
  max: ArrayLike<number>;
  scale: number;
}

export interface WaveRegion {
  id: string;
  start: number;
  /** Omitted (or equal to start) for a point marker. */
  end?: number;
  color: string;
  label?: string;
  editable?: boolean;
}

export interface WaveformProps {
  peaks: WavePeaks | null;
  durationSec: number;
  media?: HTMLMediaElement | null;
  regions?: readonly WaveRegion[];
  height?: number;
  onSeek?: (t: number) => void;
  onRegionChange?: (id: string, start: number, end: number) => void;
  testId?: string;
  /** Buckets per second of `peaks`, used for the length when durationSec is not known (0). */
  peaksPerSecond?: number;
  waveColor?: string;
  progressColor?: string;
}

function channels(p: WavePeaks | null): number[][] {
  if (!p) return [[0], [0]];
  const top = Array.from(p.max, (v) => v / p.scale);
  const bottom = Array.from(p.min, (v) => Math.abs(v) / p.scale);
  return [top.length ? top : [0], bottom.length ? bottom : [0]];
}

export function Waveform({
  peaks,
  durationSec,
  media,
  regions = [],
  height = 72,
  onSeek,
  onRegionChange,
  testId = 'waveform',
  peaksPerSecond,
  waveColor = '#7aa2c8',
  progressColor = '#3b6d99',
}: WaveformProps) {
  const box = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const rp = useRef<RegionsPlugin | null>(null);
  /** Buckets wavesurfer really drew (its decoded length after the last load), for tests. */
  const [drawn, setDrawn] = useState(0);
  const cb = useRef({ onSeek, onRegionChange });
  cb.current = { onSeek, onRegionChange };

  useEffect(() => {
    if (!box.current) return;
    const regionsPlugin = RegionsPlugin.create();
    const w = WaveSurfer.create({
      container: box.current,
      height,
      waveColor,
      progressColor,
      cursorColor: '#e4572e',
      cursorWidth: 2,
      normalize: false,
      interact: true,
      dragToSeek: true,
      ...(media ? { media } : {}),
      // No `peaks`/`duration` here: given at creation, wavesurfer schedules its own load of them in
      // a microtask, which runs after the load below and so replaced real peaks with the flat
      // placeholder whenever the peaks were already known at mount.
      plugins: [regionsPlugin],
    });
    w.on('ready', () => {
      setDrawn(w.getDecodedData()?.length ?? 0);
      paintRegions();
    });
    w.on('interaction', (t) => cb.current.onSeek?.(t));
    regionsPlugin.on('region-updated', (r) => cb.current.onRegionChange?.(r.id, r.start, r.end));
    ws.current = w;
    rp.current = regionsPlugin;
    return () => {
      ws.current = null;
      rp.current = null;
      w.destroy();
    };
    // A new media element or height makes a new waveform; peaks and regions update in place.
  }, [media, height]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    const w = ws.current;
    if (!w) return;
    // A caller that does not know the length yet (0) still gets its peaks drawn: with a known
    // bucket rate the buckets say it; otherwise one bucket per pixel column is as good as any.
    const seconds = durationSec > 0 ? durationSec : peaks && peaksPerSecond ? peaks.max.length / peaksPerSecond : 0;
    if (seconds <= 0) return;
    const src = media?.currentSrc || media?.src || '';
    // Errors are emitted on the instance too; a load replaced by a newer one just stops.
    void w.load(src, channels(peaks), seconds).catch(() => {});
  }, [peaks, durationSec, media, peaksPerSecond]);

  // Regions are (re)painted after every load as well: a region added while a load is in flight
  // waits for a 'ready' that a newer load cancels, and was lost (seen: no regions until a remount).
  const regionsRef = useRef(regions);
  regionsRef.current = regions;
  const paintRegions = useRef(() => {
    const r = rp.current;
    if (!r) return;
    r.clearRegions();
    for (const g of regionsRef.current) {
      const point = g.end === undefined || g.end <= g.start;
      r.addRegion({
        id: g.id,
        start: g.start,
        ...(point ? {} : { end: g.end }),
        color: g.color,
        content: g.label,
        drag: g.editable === true,
        resize: g.editable === true && !point,
      });
    }
  }).current;
  useEffect(paintRegions, [regions, durationSec, peaks, paintRegions]);

  const filled = peaks ? peaks.max.length : 0;
  return <div ref={box} className="waveform" data-testid={testId} data-peaks={filled} data-drawn={drawn} data-duration={durationSec.toFixed(2)} />;
}
