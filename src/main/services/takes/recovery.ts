import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MarkerSchema, type Marker, type Take } from '../../../shared/api';
import { toErrorShape } from '../../../shared/errors';
import { snapToFrame } from '../../../shared/presets';
import type { EventBus } from '../event-bus';
import { locateFfmpeg, probeMedia } from '../ffmpeg';
import type { ShootStore } from '../shoot-store';
import { phasesFromMarkers } from '../take-phases';
import { RESERVE_FILE } from './chunk-sink';
import { finalizeTake } from './finalize';
import { takeKind } from './kinds';
import type { TakeLifecycle } from './lifecycle';
import { MARKERS_FILE } from './markers';
import { takeFilePath } from './take-files';
import { acquireTakeLock, removeTakeLock, TAKE_LOCK_FILE } from './take-lock';

/** Statuses a crash, a kill, a power cut or a full disk leaves behind. */
const UNFINISHED = new Set<Take['status']>(['recording', 'finalizing', 'interrupted', 'recoverable']);

export interface RecoveryDeps {
  store: ShootStore;
  bus: EventBus;
  lifecycle?: TakeLifecycle;
  log?: (line: string) => void;
}

/** Markers logged line by line; a line cut by the crash is dropped, the others kept. */
export async function readMarkerLog(file: string): Promise<Marker[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  const markers: Marker[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const parsed = MarkerSchema.safeParse(JSON.parse(line));
      if (parsed.success) markers.push(parsed.data);
    } catch {
      /* the half-written last line of a crash */
    }
  }
  return markers;
}

/**
 * Run once at the app's start (Electron main, serve mode's main), never per studio: rebuild every
 * take a crash left unfinished into its delivered file with its markers. A take whose lock a live
 * process holds (another app or CLI recording on the same home) is not touched. Each take is
 * recovered in its own try: one that fails is left recoverable with the reason and the others go
 * on. Partial and temporary files are removed; none is added.
 */
export async function recoverInterruptedTakes(deps: RecoveryDeps): Promise<Take[]> {
  const log = deps.log ?? (() => {});
  const recovered: Take[] = [];
  let shoots;
  try {
    shoots = await deps.store.listShoots();
  } catch (err) {
    log(`recovery: the shoots folder cannot be read: ${(err as Error).message}`);
    return recovered;
  }
  for (const shoot of shoots) {
    let takes: Take[];
    try {
      takes = await deps.store.listTakes(shoot.id);
    } catch (err) {
      log(`recovery: the takes of ${shoot.id} cannot be read: ${(err as Error).message}`);
      continue;
    }
    for (const take of takes) {
      if (!UNFINISHED.has(take.status)) continue;
      try {
        const done = await recoverTake(deps, take);
        if (done) recovered.push(done);
      } catch (err) {
        log(`recovery: ${shoot.id}/${take.id} could not be recovered: ${(err as Error).message}`);
      }
    }
  }
  return recovered;
}

async function recoverTake(deps: RecoveryDeps, take: Take): Promise<Take | null> {
  const { store, bus } = deps;
  const log = deps.log ?? (() => {});
  const dir = await store.takeDir(take.shootId, take.id);
  if (!(await acquireTakeLock(dir))) {
    log(`recovery: ${take.shootId}/${take.id} is held by a live process; left alone`);
    return null;
  }
  try {
    await removePartials(dir);
    let recordedSeconds: number | null = null;
    let rawPath: string;
    try {
      rawPath = await takeFilePath(dir, take.recording.rawFile);
    } catch (err) {
      take.status = 'failed';
      take.error = toErrorShape(err);
      take.error.message = `Nothing to recover: ${take.error.message}`;
      await store.saveTake(take);
      return take;
    }
    const st = await fs.stat(rawPath);
    take.recording.bytes = st.size;
    // PCM says its length exactly; otherwise the last flushed chunk's write time, relative to the
    // start, is how much was recorded.
    recordedSeconds =
      takeKind(take.kind).secondsInRaw(take, st.size) ?? Math.max(0, (st.mtimeMs - Date.parse(take.recording.startedAt)) / 1000);
    const logged = await readMarkerLog(path.join(dir, MARKERS_FILE));
    const known = new Set(take.markers.map((m) => m.id));
    take.markers = [...take.markers, ...logged.filter((m) => !known.has(m.id))].sort((a, b) => a.t - b.t);
    take.phases = phasesFromMarkers(take.markers, snapToFrame(recordedSeconds));
    take.recording.stoppedAt ??= new Date().toISOString();
    take.recovered = { at: new Date().toISOString(), recordedSeconds };
    take.status = 'interrupted';
    await store.saveTake(take);
    log(`recovering ${take.shootId}/${take.id} (${recordedSeconds.toFixed(1)} s recorded)`);
    const done = (await adoptPublished(deps, take)) ?? (await finalizeTake({ store, bus, log }, take, recordedSeconds, { retryable: true }));
    bus.emit('takes.recovered', { shootId: take.shootId, takeId: take.id, seconds: done.delivery?.probe.durationSec ?? null });
    await deps.lifecycle?.emit('recovered', done);
    return done;
  } catch (err) {
    // Whatever stopped this take (a full disk while saving, a damaged file): say so on the take
    // if its record can still be written, and go on with the next.
    take.status = 'recoverable';
    take.error = toErrorShape(err);
    await store.saveTake(take).catch(() => {});
    throw err;
  } finally {
    await removeTakeLock(dir).catch(() => {});
  }
}

/**
 * A delivered file is published under its final name only when complete (link or rename of the
 * finished partial), so one that is there was made before the crash cut the last take.json save:
 * keep it rather than fail on "already exists" or make it twice.
 */
async function adoptPublished(deps: RecoveryDeps, take: Take): Promise<Take | null> {
  const dir = await deps.store.takeDir(take.shootId, take.id);
  let file: string;
  try {
    file = await takeFilePath(dir, takeKind(take.kind).deliveryFile);
  } catch {
    return null;
  }
  const probe = await probeMedia(file, await locateFfmpeg());
  take.delivery = { file: path.basename(file), probe, finalizeSeconds: 0 };
  take.status = 'ready';
  take.error = null;
  const saved = await deps.store.saveTake(take);
  deps.bus.emit('takes.changed', { shootId: take.shootId });
  return saved;
}

/** Leftovers of an interrupted write: ffmpeg partials, atomic-write temporaries, the space reserve. */
export async function removePartials(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    const leftover = name === RESERVE_FILE || (name.startsWith('.') && (name.includes('.partial') || name.endsWith('.tmp')));
    if (leftover && name !== TAKE_LOCK_FILE) await fs.rm(path.join(dir, name), { force: true });
  }
}
