/**
 * Frame-accurate control of a <video> at the 25-fps grid (§5.3): the current frame is the state;
 * stepping seeks to the middle of the target frame so the decoder shows exactly that frame, while
 * every time the operator reads or marks is the frame's start, frame / 25. J/K/L shuttle as in
 * editing software: L plays forward (again: 2×, 4×), K stops, J shuttles backwards (1×, 2×, 4×)
 * by seeking, since Chromium has no negative playback rate.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { GRID_FPS } from '../../../../shared/task/frames';

export interface FramePlayer {
  frame: number;
  totalFrames: number;
  playing: boolean;
  /** + forward, − backward; 0 when stopped. */
  shuttle: number;
  seekFrame(n: number): void;
  step(frames: number): void;
  seekSeconds(t: number): void;
  togglePlay(): void;
  key(k: 'j' | 'k' | 'l'): void;
}

export function useFramePlayer(video: RefObject<HTMLVideoElement | null>, durationSec: number): FramePlayer {
  const totalFrames = Math.max(1, Math.round(durationSec * GRID_FPS));
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [shuttle, setShuttle] = useState(0);
  const reverse = useRef<number | null>(null);
  const frameRef = useRef(0);
  frameRef.current = frame;

  const clamp = useCallback((n: number) => Math.min(totalFrames - 1, Math.max(0, Math.round(n))), [totalFrames]);
  const stopReverse = () => {
    if (reverse.current !== null) window.clearInterval(reverse.current);
    reverse.current = null;
  };
  const seekFrame = useCallback(
    (n: number) => {
      const f = clamp(n);
      setFrame(f);
      const v = video.current;
      if (v) v.currentTime = (f + 0.5) / GRID_FPS;
    },
    [clamp, video],
  );

  // While playing, follow the picture actually shown (requestVideoFrameCallback where available).
  useEffect(() => {
    const v = video.current;
    if (!v) return;
    let handle = 0;
    let stopped = false;
    const sync = () => setFrame(clamp(Math.floor(v.currentTime * GRID_FPS + 1e-4)));
    const onFrame = () => {
      if (stopped) return;
      sync();
      handle = v.requestVideoFrameCallback(onFrame);
    };
    handle = v.requestVideoFrameCallback(onFrame);
    const onPlay = () => setPlaying(true);
    const onPause = () => {
      setPlaying(false);
      sync();
    };
    v.addEventListener('play', onPlay);
    v.addEventListener('pause', onPause);
    v.addEventListener('seeked', sync);
    return () => {
      stopped = true;
      v.cancelVideoFrameCallback(handle);
      v.removeEventListener('play', onPlay);
      v.removeEventListener('pause', onPause);
      v.removeEventListener('seeked', sync);
    };
  }, [video, clamp, durationSec]);

  useEffect(() => stopReverse, []);

  const stop = useCallback(() => {
    stopReverse();
    setShuttle(0);
    video.current?.pause();
  }, [video]);

  return {
    frame,
    totalFrames,
    playing,
    shuttle,
    seekFrame,
    step: (n) => {
      stop();
      seekFrame(frameRef.current + n);
    },
    seekSeconds: (t) => seekFrame(Math.floor(t * GRID_FPS + 1e-4)),
    togglePlay: () => {
      const v = video.current;
      if (!v) return;
      if (v.paused && reverse.current === null) {
        v.playbackRate = 1;
        setShuttle(1);
        void v.play().catch(() => {});
      } else stop();
    },
    key: (k) => {
      const v = video.current;
      if (!v) return;
      if (k === 'k') return stop();
      if (k === 'l') {
        stopReverse();
        const next = shuttle > 0 ? Math.min(4, shuttle * 2) : 1;
        setShuttle(next);
        v.playbackRate = next;
        void v.play().catch(() => {});
        return;
      }
      v.pause();
      const next = shuttle < 0 ? Math.max(-4, shuttle * 2) : -1;
      setShuttle(next);
      stopReverse();
      const tickMs = 80;
      reverse.current = window.setInterval(() => {
        const f = frameRef.current - Math.round((-next * GRID_FPS * tickMs) / 1000);
        if (f <= 0) stop();
        seekFrame(f);
      }, tickMs);
    },
  };
}
