import { create } from 'zustand';
import type { CheckSource } from '../../../../shared/contract/check';
import type { CheckReport } from '../../../../shared/qc/report';
import type { PresetId } from '../../../../shared/standards';
import { studio } from '../../api/client';
import i18next from '../../i18n';
import { registryLang } from '../../lib/rules';
import { useStudio } from '../../stores/studio-store';

interface CheckState {
  jobId: string | null;
  progress: { stage: string; fraction: number; etaSeconds: number | null; paused: boolean } | null;
  report: CheckReport | null;
  mediaUrl: string | null;
  htmlUrl: string | null;
  error: { code: string; message: string; hint?: string } | null;
  /** The report on screen is a take's saved check.json (when it was made), not a run just now. */
  savedAt: string | null;
  /** Show a take's last report without checking again (issue #13). */
  showSaved(shootId: string, takeId: string): Promise<void>;
  start(source: CheckSource, preset: PresetId): Promise<void>;
  cancel(): Promise<void>;
}

export const useCheck = create<CheckState>((set, get) => ({
  jobId: null,
  progress: null,
  report: null,
  mediaUrl: null,
  htmlUrl: null,
  error: null,
  savedAt: null,
  async showSaved(shootId, takeId) {
    if (get().jobId) return;
    try {
      const r = await studio.call('check.take-report', { shootId, takeId });
      if (get().jobId) return;
      set({ report: r.report, mediaUrl: r.mediaUrl, htmlUrl: r.htmlUrl, savedAt: r.checkedAt, error: null });
    } catch (err) {
      useStudio.getState().setError(err);
    }
  },
  async start(source, preset) {
    set({ savedAt: null, report: null, error: null, mediaUrl: null, htmlUrl: null, progress: { stage: 'probe', fraction: 0, etaSeconds: null, paused: false } });
    try {
      const { jobId } = await studio.call('check.start', { source, preset, lang: registryLang(i18next.language) });
      set({ jobId });
    } catch (err) {
      set({ progress: null });
      useStudio.getState().setError(err);
    }
  },
  async cancel() {
    const id = get().jobId;
    if (id) await studio.call('check.cancel', { jobId: id }).catch(() => {});
  },
}));

studio.on('check.progress', (p) => {
  if (p.jobId === useCheck.getState().jobId) useCheck.setState({ progress: { stage: p.stage, fraction: p.fraction, etaSeconds: p.etaSeconds, paused: p.paused } });
});
studio.on('check.done', (p) => {
  if (p.jobId !== useCheck.getState().jobId) return;
  useCheck.setState({ jobId: null, progress: null, report: p.report, error: p.error, mediaUrl: p.mediaUrl, htmlUrl: p.htmlUrl });
});
