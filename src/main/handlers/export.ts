import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { StudioError, toErrorShape } from '../../shared/errors';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { exportPackage } from '../services/export/package';
import { locateFfmpeg } from '../services/ffmpeg';
import { readTakeCheck, resolveReviewFile } from './review';

/** Export (issue #17): one package job at a time, progress and the result as events, cancel. */
export function createExportHandlers(ctx: StudioContext): HandlersFor<'export.start' | 'export.cancel'> {
  let running: { id: string; abort: AbortController } | null = null;
  return {
    'export.start': async (i) => {
      if (running) throw new StudioError('busy', 'An export is already running', { hint: 'Wait for it or cancel it first' });
      if (!path.isAbsolute(i.outDir)) throw new StudioError('bad-argument', `${i.outDir}: give the full path of the folder for the package`);
      const { file, takeDir } = await resolveReviewFile(ctx, i.source);
      const check = await readTakeCheck(takeDir);
      if (check?.report.verdict === 'fail' && !i.confirmFailedCheck) {
        throw new StudioError('bad-argument', "The take's acceptance check failed; confirm to export it anyway", {
          hint: 'Fix the take, or confirm: the package README will say the check failed.',
        });
      }
      const take = i.source.kind === 'take' ? await ctx.store.getTake(i.source.shootId, i.source.takeId) : null;
      const ff = await locateFfmpeg(ctx.env);
      const id = randomBytes(9).toString('base64url');
      const abort = new AbortController();
      running = { id, abort };
      void exportPackage({
        ff,
        videos: [{ file, role: 'primary' }, ...i.auxiliaries.map((a) => ({ file: a, role: 'auxiliary' as const }))],
        params: i.params,
        outDir: i.outDir,
        check: check ? { report: check.report, html: check.html } : null,
        liveFindings: take?.findings ?? [],
        confirmFailedCheck: i.confirmFailedCheck,
        cacheDir: path.join(ctx.home.root, 'cache', 'convert'),
        signal: abort.signal,
        onProgress: (p) => ctx.bus.emit('export.progress', { jobId: id, ...p }),
      })
        .then(
          (r) =>
            ctx.bus.emit('export.done', {
              jobId: id,
              result: {
                folder: r.folder,
                files: r.files,
                forcedFailedCheck: r.forcedFailedCheck,
                warnings: r.findings.map(({ rule, severity, message }) => ({ rule, severity, message })),
              },
              error: null,
            }),
          (err: unknown) => ctx.bus.emit('export.done', { jobId: id, result: null, error: toErrorShape(err) }),
        )
        .finally(() => {
          if (running?.id === id) running = null;
        });
      return { jobId: id };
    },
    'export.cancel': async ({ jobId }) => {
      if (running?.id !== jobId) return { cancelled: false };
      running.abort.abort();
      return { cancelled: true };
    },
  };
}
