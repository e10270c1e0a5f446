import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { EventPayload } from '../../../shared/api';
import type { CheckSource } from '../../../shared/contract/check';
import { StudioError, toErrorShape } from '../../../shared/errors';
import { reportHtml } from '../../../shared/qc/report-html';
import type { PresetId } from '../../../shared/standards';
import { writeFileAtomic, writeJsonAtomic } from '../atomic-write';
import type { EventBus } from '../event-bus';
import type { MediaLinks } from '../media-links';
import type { ShootStore } from '../shoot-store';
import type { ReportAbout } from '../../../shared/qc/report';
import type { Lang } from '../../../shared/rules';
import { checkFile } from './check-file';
import { unwritable } from '../output-policy';
import { preflightCheck } from './preflight';
import type { AboutInput } from './report-about';
import type { FaceAnalyzer } from './face-analyzer';
import { takeFilePath } from '../takes/take-files';
import type { RecordingGate } from '../recording-gate';

type CheckDone = EventPayload<'check.done'>;

/** The owner of the /media links of a check result (media-links.ts). */
const LINK_OWNER = 'check-result';

/**
 * The app's checker: one job at a time (the machine has two cores and the check uses both),
 * progress and the result as events, cancel at any moment. A take's report is saved beside it
 * (check.json, check.html); a file's goes to the studio home's reports folder. While a take
 * records, a running check pauses (`gate`) and says so in its progress; it goes on at Stop.
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
      /** The settings' UI language, for reports whose caller did not say (null: not chosen). */
      language?: () => Promise<Lang | null>;
      /** The face model the analyzer loads, named in the report (never downloads). */
      faceModel?: () => Promise<ReportAbout['faceModel']>;
      /** Holds every check while a take records (none: never held). */
      gate?: RecordingGate;
    },
  ) {}

  async start(source: CheckSource, preset: PresetId, lang?: Lang): Promise<{ jobId: string }> {
    if (this.running) throw new StudioError('busy', 'A check is already running', { hint: 'Wait for it or cancel it first' });
    const { file, outDir, markers, about } = await this.resolve(source);
    const reportLang = lang ?? (await this.deps.language?.().catch(() => null)) ?? 'en';
    const id = randomBytes(9).toString('base64url');
    const abort = new AbortController();
    this.running = { id, abort };
    void this.run(id, file, outDir, preset, markers, { ...about, lang: reportLang }, abort.signal).then((done) => {
      // The job is cleared before anyone hears it is done: a check.start on check.done is not 'busy'.
      if (this.running?.id === id) this.running = null;
      this.deps.bus.emit('check.done', done);
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
      const shoot = await this.deps.store.getShoot(source.shootId).catch(() => null);
      return { file: await takeFilePath(dir, name), outDir: dir, markers: take.markers, about: { shoot, take } satisfies AboutInput };
    }
    const st = await fs.stat(source.path).catch(() => null);
    if (!st) throw new StudioError('not-found', `${source.path}: no such file on the studio computer`);
    if (!st.isFile()) throw new StudioError('bad-argument', `${source.path}: not a file`);
    return { file: source.path, outDir: this.deps.reportsDir, markers: [], about: {} satisfies AboutInput };
  }

  private async run(id: string, file: string, outDir: string, preset: PresetId, markers: Parameters<typeof checkFile>[1]['markers'], about: AboutInput & { lang: Lang }, signal: AbortSignal): Promise<CheckDone> {
    const { bus, links } = this.deps;
    let faces: FaceAnalyzer | null = null;
    // The last progress said, repeated with paused set while the job is held.
    let last: EventPayload<'check.progress'> = { jobId: id, stage: 'probe', fraction: 0, etaSeconds: null, paused: false };
    const say = (p: EventPayload<'check.progress'>) => {
      last = p;
      bus.emit('check.progress', p);
    };
    const gate = this.deps.gate;
    const hold = gate ? () => gate.pass(signal, (paused) => say({ ...last, paused })) : undefined;
    try {
      // File problems (missing, unreadable, no video) end the job here, before a Chromium starts.
      await preflightCheck(file);
      // Starting a Chromium takes seconds of CPU: not while a take records.
      await hold?.();
      let facesUnavailable: string | undefined;
      try {
        faces = await this.deps.openFaces();
      } catch (err) {
        this.deps.log(`check without faces: ${(err as Error).message}`);
        // faces.not-analysed names the reason in the report's language; the cause stays as said.
        facesUnavailable = `${about.lang === 'zh-CN' ? '人脸分析无法启动' : 'face analysis could not start'}: ${(err as Error).message}`;
      }
      const faceModel = faces ? await this.deps.faceModel?.().catch(() => null) : null;
      const { report } = await checkFile(file, {
        preset,
        faces,
        markers,
        about: { ...about, faceModel: faceModel ?? null },
        facesUnavailable,
        signal,
        hold,
        onProgress: (p) => say({ jobId: id, ...p, paused: false }),
      });
      const base = outDir === this.deps.reportsDir ? `${path.basename(file)}.${id}` : 'check';
      const jsonFile = path.join(outDir, `${base}.json`);
      const htmlFile = path.join(outDir, `${base}.html`);
      // The app's own report files (a take's check.json is replaced by its next check); a folder that
      // cannot be written is one sentence (output-policy.ts), not errno text.
      try {
        await fs.mkdir(outDir, { recursive: true });
        await writeJsonAtomic(jsonFile, report);
        await writeFileAtomic(htmlFile, reportHtml(report, about.lang));
      } catch (err) {
        throw unwritable(outDir, err);
      }
      // The links live while this result is the one shown: the next check ends them (and a TTL).
      links.revokeOwner(LINK_OWNER);
      return { jobId: id, report, error: null, mediaUrl: links.link(file, LINK_OWNER), htmlUrl: links.link(htmlFile, LINK_OWNER) };
    } catch (err) {
      return { jobId: id, report: null, error: toErrorShape(err), mediaUrl: null, htmlUrl: null };
    } finally {
      await faces?.close().catch(() => {});
    }
  }
}
