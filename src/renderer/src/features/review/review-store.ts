import { create } from 'zustand';
import type { ExportResult } from '../../../../shared/contract/export';
import type { ReviewInfo, ReviewSource } from '../../../../shared/contract/review';
import type { TaskParamsInput } from '../../../../shared/task/schema';
import { studio } from '../../api/client';

export interface PeaksState {
  key: string;
  peaksPerSecond: number;
  hasAudio: boolean;
  complete: boolean;
  /** Filled as chunks arrive; the rest of the timeline stays flat until then. */
  min: Int8Array;
  max: Int8Array;
  filled: number;
}

interface ReviewState {
  source: ReviewSource | null;
  info: ReviewInfo | null;
  opening: boolean;
  peaks: PeaksState | null;
  thumbnails: { t: number; url: string }[];
  error: { code: string; message: string; hint?: string } | null;
  exportJob: string | null;
  exportProgress: { stage: string; fraction: number; etaSeconds: number | null } | null;
  exportResult: ExportResult | null;
  exportError: { code: string; message: string; hint?: string } | null;
  open(source: ReviewSource): Promise<void>;
  startExport(params: TaskParamsInput, outDir: string, confirmFailedCheck: boolean, auxiliaries?: string[]): Promise<void>;
  cancelExport(): Promise<void>;
}

const PPS = 50;
const asError = (err: unknown) => {
  const e = err as { code?: string; message?: string; hint?: string };
  return { code: e.code ?? 'internal', message: e.message ?? String(err), ...(e.hint ? { hint: e.hint } : {}) };
};

export const useReview = create<ReviewState>((set, get) => ({
  source: null,
  info: null,
  opening: false,
  peaks: null,
  thumbnails: [],
  error: null,
  exportJob: null,
  exportProgress: null,
  exportResult: null,
  exportError: null,
  async open(source) {
    set({ source, opening: true, info: null, peaks: null, thumbnails: [], error: null, exportResult: null, exportError: null });
    try {
      const info = await studio.call('review.open', { source });
      if (get().source !== source) return;
      set({ info, opening: false });
      void studio.call('review.thumbnails', { source, count: 16 }).then(
        (r) => get().source === source && set({ thumbnails: r.items }),
        () => {},
      );
      const buckets = Math.ceil(info.probe.durationSec * PPS) + 1;
      const p = await studio.call('media.peaks', { source, peaksPerSecond: PPS });
      if (get().source !== source) return;
      const min = new Int8Array(Math.max(buckets, p.min.length));
      const max = new Int8Array(Math.max(buckets, p.max.length));
      min.set(p.min);
      max.set(p.max);
      set({ peaks: { key: p.key, peaksPerSecond: p.peaksPerSecond, hasAudio: p.hasAudio, complete: p.complete, min, max, filled: p.min.length } });
    } catch (err) {
      set({ opening: false, error: asError(err) });
    }
  },
  async startExport(params, outDir, confirmFailedCheck, auxiliaries = []) {
    const source = get().source;
    if (!source) return;
    set({ exportResult: null, exportError: null, exportProgress: { stage: 'prepare', fraction: 0, etaSeconds: null } });
    try {
      const { jobId } = await studio.call('export.start', { source, params, outDir, confirmFailedCheck, auxiliaries });
      set({ exportJob: jobId });
    } catch (err) {
      set({ exportProgress: null, exportError: asError(err) });
    }
  },
  async cancelExport() {
    const id = get().exportJob;
    if (id) await studio.call('export.cancel', { jobId: id }).catch(() => {});
  },
}));

studio.on('media.peaks-chunk', (c) => {
  const p = useReview.getState().peaks;
  if (!p || p.key !== c.key) return;
  if (c.min.length) {
    const need = c.offset + c.min.length;
    let { min, max } = p;
    if (need > min.length) {
      const grow = (a: Int8Array) => {
        const b = new Int8Array(need);
        b.set(a);
        return b;
      };
      min = grow(min);
      max = grow(max);
    }
    min.set(c.min, c.offset);
    max.set(c.max, c.offset);
    useReview.setState({ peaks: { ...p, min, max, filled: Math.max(p.filled, need) } });
  }
  if (c.done) useReview.setState((s) => (s.peaks && s.peaks.key === c.key ? { peaks: { ...s.peaks, complete: true, hasAudio: c.hasAudio } } : {}));
});
studio.on('export.progress', (p) => {
  if (p.jobId === useReview.getState().exportJob) useReview.setState({ exportProgress: { stage: p.stage, fraction: p.fraction, etaSeconds: p.etaSeconds } });
});
studio.on('export.done', (p) => {
  if (p.jobId !== useReview.getState().exportJob) return;
  useReview.setState({ exportJob: null, exportProgress: null, exportResult: p.result, exportError: p.error });
});
