import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReviewSource } from '../../shared/contract/review';
import { StudioError } from '../../shared/errors';
import { CheckReportSchema } from '../../shared/qc/report';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { locateFfmpeg, probeMedia } from '../services/ffmpeg';
import { GreenParamsStore } from '../services/keying/green-params-store';
import { PeaksCache } from '../services/media/peaks';
import { thumbnailAt } from '../services/checker/thumbnails';

/** The file a review source names: a take's delivery MP4 (else its recording), or a checked path. */
export async function resolveReviewFile(ctx: StudioContext, source: ReviewSource): Promise<{ file: string; takeDir: string | null }> {
  if (source.kind === 'take') {
    const take = await ctx.store.getTake(source.shootId, source.takeId);
    const dir = await ctx.store.takeDir(source.shootId, source.takeId);
    return { file: path.join(dir, take.delivery?.file ?? take.recording.rawFile), takeDir: dir };
  }
  const st = await fs.stat(source.path).catch(() => null);
  if (!st) throw new StudioError('not-found', `${source.path}: no such file on the studio computer`);
  if (!st.isFile()) throw new StudioError('bad-argument', `${source.path}: not a file`);
  return { file: source.path, takeDir: null };
}

/** A take's saved acceptance report (check.json beside it), or null when none ran or it is unreadable. */
export async function readTakeCheck(takeDir: string | null) {
  if (!takeDir) return null;
  try {
    const report = CheckReportSchema.parse(JSON.parse(await fs.readFile(path.join(takeDir, 'check.json'), 'utf8')));
    const html = await fs.readFile(path.join(takeDir, 'check.html'), 'utf8').catch(() => '');
    return { report, html, htmlFile: html ? path.join(takeDir, 'check.html') : null };
  } catch {
    return null;
  }
}

/** Review (issue #17): open a take or a file, and its waveform peaks computed and cached in main. */
export function createReviewHandlers(ctx: StudioContext): HandlersFor<'review.open' | 'media.peaks' | 'review.thumbnails'> {
  const peaks = new PeaksCache({ dir: path.join(ctx.home.root, 'cache', 'peaks'), ff: () => locateFfmpeg(ctx.env), log: ctx.log });
  const green = new GreenParamsStore(ctx.store);
  return {
    'review.open': async ({ source }) => {
      const { file, takeDir } = await resolveReviewFile(ctx, source);
      const probe = await probeMedia(file, await locateFfmpeg(ctx.env));
      if (!probe.video) throw new StudioError('unreadable-media', `${file}: has no video stream to review`);
      const take = source.kind === 'take' ? await ctx.store.getTake(source.shootId, source.takeId) : null;
      const check = await readTakeCheck(takeDir);
      const gp = source.kind === 'take' ? await green.get(source.shootId, source.takeId).catch(() => null) : null;
      return {
        fileName: path.basename(file),
        mediaUrl: ctx.links.link(file),
        probe,
        take,
        check: check
          ? { verdict: check.report.verdict, findings: check.report.findings, htmlUrl: check.htmlFile ? ctx.links.link(check.htmlFile) : null, mouthStrip: check.report.mouthStrip ?? null }
          : null,
        greenParams: gp && gp.source !== 'default' ? gp.params : null,
        exportDir: path.join(ctx.home.root, 'exports'),
      };
    },
    'review.thumbnails': async ({ source, count }) => {
      const { file } = await resolveReviewFile(ctx, source);
      const ff = await locateFfmpeg(ctx.env);
      const probe = await probeMedia(file, ff);
      const items: { t: number; url: string }[] = [];
      // One at a time: two cores are shared with the player and whatever else runs.
      for (let i = 0; i < count; i++) {
        const t = ((i + 0.5) / count) * probe.durationSec;
        const url = await thumbnailAt(ff, file, t).catch(() => null);
        if (url) items.push({ t, url });
      }
      return { items };
    },
    'media.peaks': async ({ source, peaksPerSecond }) => {
      const { file } = await resolveReviewFile(ctx, source);
      const key = await peaks.key(file, peaksPerSecond);
      const cached = await peaks.cached(key);
      if (cached) return { key, ...cached, complete: true };
      void peaks
        .compute(file, key, peaksPerSecond, (c) => ctx.bus.emit('media.peaks-chunk', { key, ...c, done: false, hasAudio: true, error: null }))
        .then(
          (p) => ctx.bus.emit('media.peaks-chunk', { key, offset: p.min.length, min: [], max: [], done: true, hasAudio: p.hasAudio, error: null }),
          (err: unknown) => ctx.bus.emit('media.peaks-chunk', { key, offset: 0, min: [], max: [], done: true, hasAudio: false, error: (err as Error).message }),
        );
      return { key, durationSec: 0, peaksPerSecond, hasAudio: true, complete: false, min: [], max: [] };
    },
  };
}
