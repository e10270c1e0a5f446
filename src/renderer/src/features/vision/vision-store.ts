import { create } from 'zustand';
import type { Finding } from '../../../../shared/findings';
import type { FrameMeasurement, MonitorState } from '../../../../shared/vision/analysis';

export type VisionStatus = 'off' | 'model' | 'loading' | 'running' | 'error';

export interface OverlayParts {
  box: boolean;
  lips: boolean;
  hud: boolean;
  rules: boolean;
}

export interface VisionStats {
  /** Frames the worker analysed per second, over the last ~2 s. */
  analysedFps: number;
  /** Median detect time of the last frames (ms). */
  detectMs: number;
  /** Median time the worker spent scaling a camera frame to the analysis size (ms). */
  scaleMs: number;
  /** Camera frames shown but not analysed (the worker was busy), since the monitor started. */
  skippedFrames: number;
  analysedFrames: number;
  /** The share of its time the worker may be busy now (1 outside takes), and cuts this take. */
  share: number;
  backoffs: number;
}

interface VisionState {
  status: VisionStatus;
  modelProgress: { received: number; total: number | null } | null;
  error: string | null;
  /** The latest analysed frame and what the rules made of it. */
  frame: FrameMeasurement | null;
  monitor: MonitorState | null;
  /** performance.now() when that frame was grabbed (null for stills): the overlay fades when it is old. */
  frameTime: number | null;
  stats: VisionStats;
  show: OverlayParts;
  /** Shown after Stop: the take's findings. */
  summary: { shootId: string; takeId: string; findings: Finding[] } | null;
  toggle(part: keyof OverlayParts): void;
  set(patch: Partial<Omit<VisionState, 'set' | 'toggle'>>): void;
}

const SHOW_KEY = 'capture-studio.vision-overlay';

function loadShow(): OverlayParts {
  const all: OverlayParts = { box: true, lips: true, hud: true, rules: true };
  try {
    const saved = JSON.parse(localStorage.getItem(SHOW_KEY) ?? 'null') as Partial<OverlayParts> | null;
    return saved ? { ...all, ...saved } : all;
  } catch {
    return all;
  }
}

/** The live monitor's state; the overlay canvas reads it every display frame without re-rendering. */
export const useVision = create<VisionState>((set, get) => ({
  status: 'off',
  modelProgress: null,
  error: null,
  frame: null,
  monitor: null,
  frameTime: null,
  stats: { analysedFps: 0, detectMs: 0, scaleMs: 0, skippedFrames: 0, analysedFrames: 0, share: 1, backoffs: 0 },
  show: loadShow(),
  summary: null,
  toggle(part) {
    const show = { ...get().show, [part]: !get().show[part] };
    localStorage.setItem(SHOW_KEY, JSON.stringify(show));
    set({ show });
  },
  set: (patch) => set(patch),
}));
