import type { Take } from '../../../shared/api';
import { StudioError, toErrorShape } from '../../../shared/errors';
import type { EventBus } from '../event-bus';
import type { ShootStore } from '../shoot-store';
import { isDiskFullError } from './chunk-sink';
import { takeKind } from './kinds';
import { takeFilePath } from './take-files';
import { BACKGROUND_PRIORITY } from '../ffmpeg';

export interface FinalizeDeps {
  store: ShootStore;
  bus: EventBus;
  log?: (line: string) => void;
}

/**
 * Make a take's delivered file with the finalizer of its kind, then save the take: ready with its
 * delivery; recoverable when the disk is full (the raw file is intact and the next start tries
 * again); failed otherwise — or recoverable for every failure when `retryable` (recovery: the
 * take's only copy of the footage may not be judged lost by one attempt). Never throws: a take
 * that cannot even be saved comes back with its status in memory, and the log says why.
 */
export async function finalizeTake(deps: FinalizeDeps, take: Take, durationSec: number | undefined, opts: { retryable?: boolean } = {}): Promise<Take> {
  const { store, bus } = deps;
  const log = deps.log ?? (() => {});
  const started = performance.now();
  take.status = 'finalizing';
  take.error = null;
  await save(deps, take);
  try {
    const kind = takeKind(take.kind);
    const takeDir = await store.takeDir(take.shootId, take.id);
    const rawPath = await takeFilePath(takeDir, take.recording.rawFile);
    const out = await kind.finalize({
      take,
      takeDir,
      rawPath,
      durationSec,
      priority: BACKGROUND_PRIORITY,
      onProgress: (progress, etaSeconds) => bus.emit('take.finalize-progress', { shootId: take.shootId, takeId: take.id, progress, etaSeconds }),
    });
    take.delivery = { file: out.file, probe: out.probe, finalizeSeconds: (performance.now() - started) / 1000 };
    take.status = 'ready';
  } catch (err) {
    const diskFull = isDiskFullError(err);
    take.status = diskFull || opts.retryable ? 'recoverable' : 'failed';
    take.error = diskFull && !(err instanceof StudioError) ? { code: 'disk-full', message: `The disk is full: ${(err as Error).message}` } : toErrorShape(err);
    log(`take ${take.shootId}/${take.id}: ${take.status}: ${take.error.message}`);
  }
  const saved = await save(deps, take);
  bus.emit('takes.changed', { shootId: take.shootId });
  return saved;
}

/** Save, or keep the take in memory when its record cannot be written (a full disk). */
async function save(deps: FinalizeDeps, take: Take): Promise<Take> {
  try {
    return await deps.store.saveTake(take);
  } catch (err) {
    deps.log?.(`take ${take.shootId}/${take.id}: take.json could not be saved: ${(err as Error).message}`);
    return take;
  }
}
