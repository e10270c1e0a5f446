import trash from 'trash';
import { StudioError } from '../../shared/errors';
import type { Recorder } from './recorder';
import type { ShootStore } from './shoot-store';

/**
 * Move a take's folder (media, take.json, markers) to the system trash, where the operator can
 * restore it. Never a silent delete; a take that is recording cannot be trashed.
 */
export async function trashTake(store: ShootStore, recorder: Recorder, shootId: string, takeId: string): Promise<{ trashedTo: string }> {
  if (recorder.holds(shootId, takeId)) {
    throw new StudioError('busy', `Take ${takeId} is recording or being finalized`, { hint: 'Wait until it is saved, then move it to the trash' });
  }
  await store.getTake(shootId, takeId);
  const dir = await store.takeDir(shootId, takeId);
  try {
    await trash(dir, { glob: false });
  } catch (err) {
    throw new StudioError('io', `Could not move ${dir} to the trash: ${(err as Error).message}`, {
      hint: 'Nothing was deleted. Check the folder permissions, or move the folder by hand.',
    });
  }
  return { trashedTo: 'system trash' };
}
