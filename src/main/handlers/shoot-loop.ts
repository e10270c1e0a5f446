import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { MethodParsedInput, Take } from '../../shared/api';
import type { TakeVerdict } from '../../shared/contract/shoot-loop';
import { CheckReportSchema, type CheckReport } from '../../shared/qc/report';
import type { RecStats } from '../../shared/take-loop';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { locateFfmpeg } from '../services/ffmpeg';
import { AutoChecker } from '../services/shoot-loop/auto-check';
import { countRecordedFrames } from '../services/shoot-loop/recorded-frames';
import { keyedSerial } from '../services/keyed-serial';

type Facts = MethodParsedInput<'take.loop-facts'>;
const key = (shootId: string, takeId: string) => `${shootId}/${takeId}`;

/** check.json beside a take, parsed; null when the take was never checked (or the file is damaged). */
async function readTakeReport(ctx: StudioContext, shootId: string, takeId: string): Promise<{ report: CheckReport; file: string; checkedAt: string } | null> {
  const dir = await ctx.store.takeDir(shootId, takeId);
  const file = path.join(dir, 'check.json');
  try {
    const [text, st] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const parsed = CheckReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? { report: parsed.data, file, checkedAt: st.mtime.toISOString() } : null;
  } catch {
    return null;
  }
}

/**
 * The shoot loop (issue #13): a take's Record-screen facts into take.json, and each take's last
 * check (kept beside it, run automatically when the take is finished).
 */
export function createShootLoopHandlers(ctx: StudioContext): HandlersFor<'take.loop-facts' | 'check.take-verdicts' | 'check.take-report' | 'check.auto-set' | 'shoot.files'> {
  const auto = new AutoChecker(ctx);
  const pending = new Map<string, Facts>();
  /** One flush of a take at a time (the take.json write itself is serialized by the store). */
  const serial = keyedSerial();

  /**
   * Facts wait until the take is saved for the last time (the finalizer saves its own copy until
   * then: the 'finalized' / 'recovered' hooks). The slow part (counting frames in the raw file)
   * runs before the read-change-save, so the save cannot undo another hook's save meanwhile.
   */
  const flush = (shootId: string, takeId: string): Promise<'take' | 'pending'> =>
    serial(key(shootId, takeId), async () => {
      const facts = pending.get(key(shootId, takeId));
      if (!facts) return 'take';
      if (ctx.recorder.holds(shootId, takeId)) return 'pending';
      const before = await ctx.store.getTake(shootId, takeId);
      if (before.status === 'recording' || before.status === 'finalizing') return 'pending';
      pending.delete(key(shootId, takeId));
      const recStats = facts.recStats ? await withRecorded(before, facts.recStats) : undefined;
      await ctx.store.updateTake(shootId, takeId, (t) => {
        if (recStats) t.recStats = recStats;
        if (facts.checklistOverride) t.checklistOverride = facts.checklistOverride;
        if (facts.incomplete) t.incomplete = facts.incomplete;
      });
      ctx.bus.emit('takes.changed', { shootId });
      return 'take';
    });

  /** The live numbers plus what the raw file holds (counted by ffprobe). */
  const withRecorded = async (take: Take, live: NonNullable<Facts['recStats']>): Promise<RecStats> => {
    try {
      const ff = await locateFfmpeg(ctx.env);
      const raw = path.join(await ctx.store.takeDir(take.shootId, take.id), take.recording.rawFile);
      return { ...live, ...(await countRecordedFrames(ff, raw)) };
    } catch (err) {
      ctx.log(`frames of ${take.id}: ${(err as Error).message}`);
      return { ...live, recorded: null, alignment: null };
    }
  };

  const flushTake = (take: { shootId: string; id: string }) => {
    if (!pending.has(key(take.shootId, take.id))) return;
    flush(take.shootId, take.id).catch((err: unknown) => ctx.log(`loop facts of ${take.id}: ${(err as Error).message}`));
  };
  ctx.lifecycle.on('finalized', flushTake);
  ctx.lifecycle.on('recovered', flushTake);

  return {
    'take.loop-facts': async (input) => {
      await ctx.store.getTake(input.shootId, input.takeId);
      const k = key(input.shootId, input.takeId);
      pending.set(k, { ...pending.get(k), ...input });
      return { stored: await flush(input.shootId, input.takeId) };
    },
    'check.take-verdicts': async ({ shootId }) => {
      const takes = await ctx.store.listTakes(shootId);
      const verdicts: TakeVerdict[] = [];
      for (const t of takes) {
        const r = await readTakeReport(ctx, shootId, t.id);
        if (!r) continue;
        const count = (s: string) => r.report.findings.filter((f) => f.severity === s).length;
        verdicts.push({ takeId: t.id, verdict: r.report.verdict, counts: { error: count('error'), warn: count('warn'), info: count('info') }, checkedAt: r.checkedAt });
      }
      return { verdicts, auto: auto.states(shootId) };
    },
    'check.take-report': async ({ shootId, takeId }) => {
      const take = await ctx.store.getTake(shootId, takeId);
      const r = await readTakeReport(ctx, shootId, takeId);
      if (!r) return { report: null, mediaUrl: null, htmlUrl: null, checkedAt: null };
      const dir = path.dirname(r.file);
      const media = path.join(dir, take.delivery?.file ?? take.recording.rawFile);
      return { report: r.report, mediaUrl: ctx.links.link(media), htmlUrl: ctx.links.link(path.join(dir, 'check.html')), checkedAt: r.checkedAt };
    },
    'shoot.files': async ({ shootId }) => {
      const shoot = await ctx.store.getShoot(shootId);
      const exportsDir = path.join(await ctx.store.shootDir(shootId), 'exports');
      await fs.mkdir(exportsDir, { recursive: true });
      const takes = [];
      for (const t of await ctx.store.listTakes(shootId)) {
        if (t.status !== 'ready' || !t.delivery) continue;
        takes.push({ takeId: t.id, name: t.name, path: path.join(await ctx.store.takeDir(shootId, t.id), t.delivery.file) });
      }
      return { shootName: shoot.name, exportsDir, takes };
    },
    'check.auto-set': async ({ enabled }) => {
      await ctx.settings.update({ autoCheck: enabled });
      return { enabled };
    },
  };
}
