import path from 'node:path';
import { StudioError } from '../../shared/errors';
import type { VoiceTargetId } from '../../shared/standards';
import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { writeFileAtomic } from '../services/atomic-write';
import { takeFilePath } from '../services/takes/take-files';
import { analyzeVoiceFile } from '../services/voice/analyze-file';

export const VOICE_QC_FILE = 'voice-qc.json';

/** voice.checkTake: QC of a voice take's lossless take.wav, saved with the take. */
export function createVoiceHandlers(ctx: StudioContext): HandlersFor<'voice.checkTake'> {
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
  };
}
