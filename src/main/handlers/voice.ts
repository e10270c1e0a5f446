import { promises as fs } from 'node:fs';
import path from 'node:path';
import { StudioError } from '../../shared/errors';
import type { VoiceTargetId } from '../../shared/standards';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { writeFileAtomic } from '../services/atomic-write';
import { takeFilePath } from '../services/takes/take-files';
import { analyzeVoiceFile } from '../services/voice/analyze-file';
import { exportVoiceSession } from '../services/voice/export-session';

export const VOICE_QC_FILE = 'voice-qc.json';

/** voice.checkTake: QC of a voice take's lossless take.wav, saved with the take. */
export function createVoiceHandlers(ctx: StudioContext): HandlersFor<'voice.checkTake' | 'voice.export'> {
  return {
    'voice.checkTake': async (input) => {
      const take = await ctx.store.getTake(input.shootId, input.takeId);
      if (take.kind !== 'voice') throw new StudioError('bad-argument', `Take ${take.id} is a ${take.kind ?? 'video'} take; voice QC checks voice takes`);
      if (!take.delivery) throw new StudioError('bad-argument', `Take ${take.id} has no take.wav yet (status ${take.status}): wait until it is saved`);
      const dir = await ctx.store.takeDir(input.shootId, input.takeId);
      const wav = await takeFilePath(dir, take.delivery.file);
      const { file: _file, ...report } = await analyzeVoiceFile(wav, { target: input.target as VoiceTargetId });
      await writeFileAtomic(path.join(dir, VOICE_QC_FILE), JSON.stringify(report, null, 2) + '\n');
      return report;
    },
    'voice.export': async (input) => {
      const segments: string[] = [];
      let auth: string | null = null;
      for (const take of await ctx.store.listTakes(input.shootId)) {
        if (take.kind !== 'voice' || take.status !== 'ready' || !take.delivery) continue;
        const dir = await ctx.store.takeDir(input.shootId, take.id);
        const target = await readQcTarget(path.join(dir, VOICE_QC_FILE));
        const wav = await takeFilePath(dir, take.delivery.file);
        if (target === 'auth') auth = wav;
        else if (target !== null) segments.push(wav);
      }
      const outDir = path.join(await ctx.store.shootDir(input.shootId), 'exports');
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
      const { dir } = await exportVoiceSession({ segments, auth, target: input.target, languages: input.languages, outDir, name: `voice-${input.target}-${stamp}` });
      return { dir, segments: segments.length, auth: auth !== null };
    },
  };
}

/** The target a take was last checked for (its voice-qc.json), or null when it was never checked. */
async function readQcTarget(file: string): Promise<string | null> {
  try {
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as { target?: unknown };
    return typeof json.target === 'string' ? json.target : null;
  } catch {
    return null;
  }
}
