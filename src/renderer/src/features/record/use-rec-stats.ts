import { useEffect, useRef, useState } from 'react';
import type { LiveRecStats } from '../../../../shared/contract/shoot-loop';
import { CAPTURE_FORMAT, DELIVERED_FPS } from '../../../../shared/standards';

/** MediaStreamTrack.stats for video (Chromium ≥ 121: frames delivered to sinks, and discarded). */
interface VideoTrackStats {
  deliveredFrames: number;
  discardedFrames: number;
  totalFrames: number;
}

/** A frame counter: the track's own stats, else frames presented by the preview <video>. */
interface Counter {
  source: LiveRecStats['source'];
  read(): { delivered: number; discarded: number };
  close(): void;
}

function trackCounter(track: MediaStreamTrack): Counter | null {
  const stats = (track as MediaStreamTrack & { stats?: VideoTrackStats }).stats;
  if (!stats || typeof stats.deliveredFrames !== 'number') return null;
  return { source: 'track-stats', read: () => ({ delivered: stats.deliveredFrames, discarded: stats.discardedFrames }), close: () => {} };
}

function videoCounter(): Counter | null {
  const video = document.querySelector<HTMLVideoElement>('[data-testid="preview"]');
  if (!video || !('requestVideoFrameCallback' in video)) return null;
  let presented = 0;
  let id = 0;
  let open = true;
  const tick = (_: number, meta: VideoFrameCallbackMetadata) => {
    presented = meta.presentedFrames;
    if (open) id = video.requestVideoFrameCallback(tick);
  };
  id = video.requestVideoFrameCallback(tick);
  return {
    source: 'video-frames',
    read: () => ({ delivered: presented, discarded: 0 }),
    close: () => {
      open = false;
      video.cancelVideoFrameCallback(id);
    },
  };
}

export interface RecStatsView extends LiveRecStats {
  /** Frames a second over the last DELIVERED_FPS.windowSeconds. */
  windowFps: number;
  /** The window rate is below the standard now. */
  lowNow: boolean;
}

/**
 * Frames the camera really delivers while a take records (issue #13 item 3, §1.2.2 25 fps), from
 * the camera track's own counters: the whole take's rate, the last seconds' rate, and frames short
 * of 25 a second. Live only; main counts the frames in the raw file after Stop as well.
 */
export function useRecStats(stream: MediaStream | null, recording: boolean): { view: RecStatsView | null; snapshot: () => LiveRecStats | null } {
  const [view, setView] = useState<RecStatsView | null>(null);
  const last = useRef<RecStatsView | null>(null);
  const track = stream?.getVideoTracks()[0] ?? null;

  useEffect(() => {
    if (!recording || !track) {
      setView(null);
      return;
    }
    const counter = trackCounter(track) ?? videoCounter();
    if (!counter) return;
    const t0 = performance.now();
    const base = counter.read();
    const history: Array<{ t: number; delivered: number }> = [{ t: t0, delivered: base.delivered }];
    const measure = () => {
      const now = performance.now();
      const c = counter.read();
      const seconds = (now - t0) / 1000;
      const delivered = Math.max(0, c.delivered - base.delivered);
      const discarded = Math.max(0, c.discarded - base.discarded);
      history.push({ t: now, delivered: c.delivered });
      while (history.length > 2 && now - (history[1]?.t ?? now) >= DELIVERED_FPS.windowSeconds * 1000) history.shift();
      const first = history[0] ?? { t: now, delivered: c.delivered };
      const span = (now - first.t) / 1000;
      const windowFps = span > 0 ? (c.delivered - first.delivered) / span : 0;
      const deliveredFps = seconds > 0 ? delivered / seconds : 0;
      const short = Math.round(seconds * CAPTURE_FORMAT.fps) - delivered;
      // The first window is not judged: the camera's first frames arrive with Record.
      const judged = seconds >= DELIVERED_FPS.windowSeconds;
      const v: RecStatsView = {
        source: counter.source,
        seconds: Math.round(seconds * 100) / 100,
        deliveredFrames: delivered,
        deliveredFps: Math.round(deliveredFps * 10) / 10,
        droppedFrames: Math.max(0, short, discarded),
        belowStandard: judged && deliveredFps < DELIVERED_FPS.minFps,
        windowFps: Math.round(windowFps * 10) / 10,
        lowNow: judged && windowFps < DELIVERED_FPS.minFps,
      };
      last.current = v;
      setView(v);
    };
    const id = setInterval(measure, DELIVERED_FPS.updateMs);
    return () => {
      clearInterval(id);
      measure();
      counter.close();
    };
  }, [recording, track]);

  return {
    view,
    snapshot: () => {
      const v = last.current;
      if (!v) return null;
      const { windowFps: _w, lowNow: _l, ...stats } = v;
      return stats;
    },
  };
}
