import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Take } from '../../shared/api';
import { DenoiseLevelsSchema } from '../../shared/contract/voice';
import { StudioError } from '../../shared/errors';
import type { VoiceTargetId } from '../../shared/standards';
import { voiceRoleOf } from '../../shared/voice/take-role';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { writeFileAtomic } from '../services/atomic-write';
import { locateFfmpeg } from '../services/ffmpeg';
import { takeFilePath } from '../services/takes/take-files';
import { analyzeVoiceFile } from '../services/voice/analyze-file';
import { denoiseFilter, denoiseVoiceFile, levelsOf } from '../services/voice/denoise';
import { exportVoiceSession } from '../services/voice/export-session';
import { WorkPlan, type WorkProgress } from '../services/voice/work-progress';

export const VOICE_QC_FILE = 'voice-qc.json';
/** The noise-reduced take for the A/B listen, and its levels before/after (beside take.wav). */
export const VOICE_DENOISED_FILE = 'take.denoised.wav';
export const VOICE_DENOISE_META = 'voice-denoise.json';

const DenoiseMetaSchema = z.object({ filter: z.string(), before: DenoiseLevelsSchema, after: DenoiseLevelsSchema });

/**
 * Voice (#16): QC of a take, the noise-reduced twin for the A/B listen, the export folder. Long
 * jobs (denoise, export) run one at a time — two cores are shared with capture — with progress
 * events under the caller's job id and voice.cancel.
 */
export function createVoiceHandlers(ctx: StudioContext): HandlersFor<'voice.checkTake' | 'voice.denoiseTake' | 'voice.export' | 'voice.cancel'> {
  let running: { id: string; abort: AbortController } | null = null;
  const job = async <T>(jobId: string | undefined, run: (signal: AbortSignal, emit: (p: WorkProgress) => void) => Promise<T>): Promise<T> => {
    if (running) throw new StudioError('busy', `Voice job ${running.id} is still running`, { hint: 'Wait for it to finish or cancel it first' });
    const id = jobId ?? `voice-${Date.now()}`;
    const abort = new AbortController();
    running = { id, abort };
    try {
      return await run(abort.signal, (p) => ctx.bus.emit('voice.progress', { jobId: id, ...p }));
    } finally {
      if (running?.id === id) running = null;
    }
  };

  /** A ready voice take's folder and its take.wav (a plain file inside the folder, no links). */
  const readyVoiceTake = async (shootId: string, takeId: string): Promise<{ take: Take; dir: string; wav: string }> => {
    const take = await ctx.store.getTake(shootId, takeId);
    if (take.kind !== 'voice') throw new StudioError('bad-argument', `Take ${take.id} is a ${take.kind ?? 'video'} take; this works on voice takes`);
    if (!take.delivery) throw new StudioError('bad-argument', `Take ${take.id} has no take.wav yet (status ${take.status}): wait until it is saved`);
    const dir = await ctx.store.takeDir(shootId, takeId);
    return { take, dir, wav: await takeFilePath(dir, take.delivery.file) };
  };

  return {
    'voice.checkTake': async (input) => {
      const { take, dir, wav } = await readyVoiceTake(input.shootId, input.takeId);
      const role = voiceRoleOf(take);
      // §8.6: the role was chosen at Record; a check cannot turn speech into the authorization.
      if (role === 'auth' && input.target !== 'auth') throw new StudioError('bad-argument', `Take ${take.id} was recorded as the authorization: check it with target auth`);
      if (role === 'speech' && input.target === 'auth') throw new StudioError('bad-argument', `Take ${take.id} was recorded as speech; record the authorization as an authorization take`);
      const { file: _file, ...report } = await analyzeVoiceFile(wav, { target: input.target as VoiceTargetId });
      await writeFileAtomic(path.join(dir, VOICE_QC_FILE), JSON.stringify(report, null, 2) + '\n');
      return report;
    },
    'voice.denoiseTake': async (input) => {
      const { take, dir, wav } = await readyVoiceTake(input.shootId, input.takeId);
      const out = path.join(dir, VOICE_DENOISED_FILE);
      const urls = { originalUrl: ctx.links.link(wav), denoisedPath: out };
      const saved = await readJson(path.join(dir, VOICE_DENOISE_META), DenoiseMetaSchema);
      if (saved && (await isFile(out))) return { ...urls, denoisedUrl: ctx.links.link(out), ...saved };
      const target: VoiceTargetId = voiceRoleOf(take) === 'auth' ? 'auth' : ((await readQcTarget(path.join(dir, VOICE_QC_FILE))) ?? 'tts6');
      return job(input.jobId, async (signal, emit) => {
        const ff = await locateFfmpeg(ctx.env);
        let meta: z.infer<typeof DenoiseMetaSchema>;
        if (await isFile(out)) {
          // Made before but its levels were not saved (a crash in between): measure, never redo.
          const before = await analyzeVoiceFile(wav, { target, ff, signal });
          const after = await analyzeVoiceFile(out, { target, ff, signal });
          meta = { filter: denoiseFilter(before.stats.noiseFloorDb), before: levelsOf(before), after: levelsOf(after) };
        } else {
          const s = take.delivery?.probe.durationSec ?? 1;
          const plan = new WorkPlan(emit);
          const steps = { 'qc-before': plan.step('qc', s, 1), denoise: plan.step('denoise', s, 0.3), 'qc-after': plan.step('qc-denoised', s, 1) };
          const d = await denoiseVoiceFile(wav, out, { target, ff, signal, onProgress: (st, f) => steps[st](f) });
          meta = { filter: d.filter, before: d.before, after: d.after };
        }
        await writeFileAtomic(path.join(dir, VOICE_DENOISE_META), JSON.stringify(meta, null, 2) + '\n');
        return { ...urls, denoisedUrl: ctx.links.link(out), ...meta };
      });
    },
    'voice.export': async (input) => {
      const segments: string[] = [];
      let auth: Parameters<typeof exportVoiceSession>[0]['auth'] = null;
      for (const take of await ctx.store.listTakes(input.shootId)) {
        if (take.kind !== 'voice' || take.status !== 'ready' || !take.delivery) continue;
        const dir = await ctx.store.takeDir(input.shootId, take.id);
        const wav = await takeFilePath(dir, take.delivery.file);
        // The role set at Record decides (§8.6): a speech take is never the authorization file.
        if (take.voice?.role === 'auth') {
          const { role: _role, ...names } = take.voice;
          auth = { file: wav, takeId: take.id, ...names };
        } else segments.push(wav);
      }
      const outDir = path.join(await ctx.store.shootDir(input.shootId), 'exports');
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      return job(input.jobId, async (signal, emit) => {
        const r = await exportVoiceSession({
          segments,
          auth,
          target: input.target,
          languages: input.languages,
          outDir,
          name: `voice-${input.target}-${stamp}`,
          signal,
          onProgress: emit,
        });
        return { dir: r.dir, segments: segments.length, auth: auth !== null, files: r.files };
      });
    },
    'voice.cancel': async ({ jobId }) => {
      if (running?.id !== jobId) return { cancelled: false };
      running.abort.abort();
      return { cancelled: true };
    },
  };
}

async function isFile(file: string): Promise<boolean> {
  const st = await fs.lstat(file).catch(() => null);
  return st?.isFile() ?? false;
}

async function readJson<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const r = schema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** The speech target a take was last checked for (its voice-qc.json), or null. */
async function readQcTarget(file: string): Promise<Exclude<VoiceTargetId, 'auth'> | null> {
  const json = await readJson(file, z.object({ target: z.enum(['tts3', 'tts6', 'large']) }).passthrough());
  return json?.target ?? null;
}
