import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CheckSource } from '../../../shared/contract/check';
import { StudioError, toErrorShape } from '../../../shared/errors';
import { reportHtml } from '../../../shared/qc/report-html';
import type { PresetId } from '../../../shared/standards';
import { writeFileAtomic, writeJsonAtomic } from '../atomic-write';
import type { EventBus } from '../event-bus';
import type { MediaLinks } from '../media-links';
import type { ShootStore } from '../shoot-store';
import { checkFile } from './check-file';
import type { FaceAnalyzer } from './face-analyzer';
import { takeFilePath } from '../takes/take-files';

/**
 * The app's checker: one job at a time (the machine has two cores and the check uses both),
 * progress and the result as events, cancel at any moment. A take's report is saved beside it
 * (check.json, check.html); a file's goes to the studio home's reports folder.
 */
export class CheckJobs {
  private running: { id: string; abort: AbortController } | null = null;

  constructor(
    private readonly deps: {
      store: ShootStore;
      bus: EventBus;
      links: MediaLinks;
      reportsDir: string;
      openFaces: () => Promise<FaceAnalyzer>;
      log: (l: string) => void;
    },
  ) {}

  async start(source: CheckSource, preset: PresetId): Promise<{ jobId: string }> {
    if (this.running) throw new StudioError('busy', 'A check is already running', { hint: 'Wait for it or cancel it first' });
    const { file, outDir, markers } = await this.resolve(source);
    const id = randomBytes(9).toString('base64url');
    const abort = new AbortController();
    this.running = { id, abort };
    void this.run(id, file, outDir, preset, markers, abort.signal).finally(() => {
      if (this.running?.id === id) this.running = null;
    });
    return { jobId: id };
  }

  cancel(jobId: string): { cancelled: boolean } {
    if (this.running?.id !== jobId) return { cancelled: false };
    this.running.abort.abort();
    return { cancelled: true };
  }

  private async resolve(source: CheckSource) {
    if (source.kind === 'take') {
      const take = await this.deps.store.getTake(source.shootId, source.takeId);
      const dir = await this.deps.store.takeDir(source.shootId, source.takeId);
      const name = take.delivery?.file ?? take.recording.rawFile;
      return { file: await takeFilePath(dir, name), outDir: dir, markers: take.markers };
    }
    const st = await fs.stat(source.path).catch(() => null);
    if (!st) throw new StudioError('not-found', `${source.path}: no such file on the studio computer`);
    if (!st.isFile()) throw new StudioError('bad-argument', `${source.path}: not a file`);
    return { file: source.path, outDir: this.deps.reportsDir, markers: [] };
  }

  private async run(id: string, file: string, outDir: string, preset: PresetId, markers: Parameters<typeof checkFile>[1]['markers'], signal: AbortSignal) {
    const { bus, links } = this.deps;
    let faces: FaceAnalyzer | null = null;
    try {
      try {
        faces = await this.deps.openFaces();
      } catch (err) {
        this.deps.log(`check without faces: ${(err as Error).message}`);
      }
      const { report } = await checkFile(file, {
        preset,
        faces,
        markers,
        signal,
        onProgress: (p) => bus.emit('check.progress', { jobId: id, ...p }),
      });
      await fs.mkdir(outDir, { recursive: true });
      const base = outDir === this.deps.reportsDir ? `${path.basename(file)}.${id}` : 'check';
      const jsonFile = path.join(outDir, `${base}.json`);
      const htmlFile = path.join(outDir, `${base}.html`);
      await writeJsonAtomic(jsonFile, report);
      await writeFileAtomic(htmlFile, reportHtml(report, 'en'));
      bus.emit('check.done', { jobId: id, report, error: null, mediaUrl: links.link(file), htmlUrl: links.link(htmlFile) });
    } catch (err) {
      bus.emit('check.done', { jobId: id, report: null, error: toErrorShape(err), mediaUrl: null, htmlUrl: null });
    } finally {
      await faces?.close().catch(() => {});
    }
  }
}
