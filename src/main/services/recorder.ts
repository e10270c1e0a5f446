import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ChecklistItem, Marker, Take } from '../../shared/api';
import { StudioError, toErrorShape } from '../../shared/errors';
import { PRESHOOT_CHECKLIST, SHOOT_PRESETS } from '../../shared/standards';
import { plannedSeconds, snapToFrame } from '../../shared/presets';
import { bytesNeeded, freeBytes, secondsOfRoom } from './disk-space';
import type { EventBus } from './event-bus';
import type { ShootStore } from './shoot-store';
import { ChunkSink, isDiskFullError } from './takes/chunk-sink';
import { finalizeTake } from './takes/finalize';
import { takeKind } from './takes/kinds';
import type { TakeLifecycle } from './takes/lifecycle';
import { MARKERS_FILE } from './takes/markers';
import type { StartOptions } from './takes/take-kind';
import { acquireTakeLock, removeTakeLock } from './takes/take-lock';
import { phasesFromMarkers } from './take-phases';

export { MARKERS_FILE } from './takes/markers';
export { rawExtension } from './takes/kinds/video';
export type { StartOptions } from './takes/take-kind';

interface ActiveTake {
  take: Take;
  dir: string;
  sink: ChunkSink;
  markersHandle: FileHandle;
  startedMs: number;
  bitsPerSecond: number;
  lastSavedMs: number;
}

/** Every checklist item, ticked or not, so an unticked one is listed in the take, not hidden. */
function fullChecklist(given: ChecklistItem[]): ChecklistItem[] {
  return PRESHOOT_CHECKLIST.map((c) => ({ id: c.id, checked: given.some((g) => g.id === c.id && g.checked) }));
}

/**
 * Records takes of every kind: the renderer's chunks go through one ChunkSink (append + datasync
 * each, in order), markers are logged line by line, and the take folder holds a lock (pid + start
 * time) from Start until the take is finalized, so no other process recovers it meanwhile. Stop
 * answers at once with status 'finalizing'; the kind's finalizer runs in the background, one take
 * at a time at low priority, while the next take may already record.
 */
export class Recorder {
  private active: ActiveTake | null = null;
  private finalizeQueue: Promise<unknown> = Promise.resolve();
  private readonly finalizing = new Map<string, Promise<Take>>();

  constructor(
    private readonly store: ShootStore,
    private readonly bus: EventBus,
    private readonly lifecycle?: TakeLifecycle,
    private readonly log: (line: string) => void = () => {},
  ) {}

  get activeTake(): { shootId: string; takeId: string } | null {
    return this.active ? { shootId: this.active.take.shootId, takeId: this.active.take.id } : null;
  }

  /** Whether this process is recording or finalizing the take. */
  holds(shootId: string, takeId: string): boolean {
    const a = this.active;
    return (a?.take.shootId === shootId && a.take.id === takeId) || this.finalizing.has(`${shootId}/${takeId}`);
  }

  /** The finished take once its background finalize is done (tests, shutdown). */
  whenFinalized(shootId: string, takeId: string): Promise<Take | null> {
    return this.finalizing.get(`${shootId}/${takeId}`) ?? Promise.resolve(null);
  }

  /** Resolves when every background finalize has finished. */
  async idle(): Promise<void> {
    while (this.finalizing.size) await Promise.allSettled([...this.finalizing.values()]);
  }

  async start(shootId: string, opts: StartOptions): Promise<Take> {
    if (this.active) {
      throw new StudioError('busy', `Take ${this.active.take.id} is still recording`, { hint: 'Stop the current take first' });
    }
    const shoot = await this.store.getShoot(shootId);
    const kind = takeKind(opts.kind);
    // opts is the variant of this kind (the contract's union is discriminated on kind); TypeScript
    // cannot correlate the two through the registry lookup, hence the cast.
    const plan = kind.plan(opts as never);
    const preset = plan.preset ?? shoot.preset;
    const shootDir = await this.store.shootDir(shootId);
    const planned = plannedSeconds(SHOOT_PRESETS[preset]);
    const free = await freeBytes(shootDir);
    const needed = bytesNeeded(plan.bitsPerSecond, planned);
    if (free < needed) {
      const mb = (n: number) => `${Math.round(n / 1e6)} MB`;
      throw new StudioError(
        'disk-full',
        `Not enough disk space for this take: ${mb(needed)} needed for ${Math.round(planned / 60)} min, ${mb(free)} free in ${shootDir}`,
        { hint: 'Free some space or choose another shoots folder before recording' },
      );
    }
    const takeId = await this.store.allocateTakeId(shootId);
    const dir = await this.store.takeDir(shootId, takeId);
    // A new folder: nobody else can hold it, so this only fails on a file-system error.
    if (!(await acquireTakeLock(dir))) throw new StudioError('busy', `Take folder ${dir} is held by another process`);
    let sink: ChunkSink | null = null;
    let markersHandle: FileHandle | null = null;
    try {
      sink = await ChunkSink.open(dir, plan.rawFile);
      markersHandle = await fs.open(path.join(dir, MARKERS_FILE), 'a');
      const now = new Date();
      const take: Take = {
        schemaVersion: 1,
        id: takeId,
        shootId,
        kind: opts.kind,
        name: takeId,
        status: 'recording',
        createdAt: now.toISOString(),
        recording: {
          mimeType: plan.mimeType,
          rawFile: plan.rawFile,
          ...(plan.format ? { format: plan.format } : {}),
          bytes: 0,
          chunks: 0,
          startedAt: now.toISOString(),
          stoppedAt: null,
        },
        devices: opts.devices,
        delivery: null,
        error: null,
        preset,
        starred: false,
        checklist: fullChecklist(opts.checklist),
        markers: [],
        phases: [],
        recovered: null,
        ...(plan.voice ? { voice: plan.voice } : {}),
      };
      const saved = await this.store.saveTake(take);
      this.active = { take: saved, dir, sink, markersHandle, startedMs: Date.now(), bitsPerSecond: plan.bitsPerSecond, lastSavedMs: Date.now() };
      this.bus.emit('takes.changed', { shootId });
      void this.lifecycle?.emit('started', saved);
      return saved;
    } catch (err) {
      // Nothing recorded yet: leave an empty take folder, not a take that says "recording".
      await sink?.close().catch(() => {});
      await markersHandle?.close().catch(() => {});
      await fs.rm(path.join(dir, plan.rawFile), { force: true });
      await removeTakeLock(dir);
      throw isDiskFullError(err) && !(err instanceof StudioError)
        ? new StudioError('disk-full', `The disk is full: the take could not start (${(err as Error).message})`, { hint: 'Free some space first' })
        : err;
    }
  }

  async appendChunk(
    shootId: string,
    takeId: string,
    seq: number,
    data: Uint8Array,
  ): Promise<{ bytes: number; chunks: number; secondsLeft: number | null }> {
    const active = this.requireActive(shootId, takeId);
    try {
      await active.sink.append(seq, data);
    } catch (err) {
      if (isDiskFullError(err) && this.active === active) {
        // The disk filled: end the take here with what reached the disk (finalized, or left
        // recoverable with the reason), so it never stays "recording".
        this.log(`take ${shootId}/${takeId}: ${(err as Error).message}; stopping it`);
        await this.stop(shootId, takeId);
      }
      throw err;
    }
    const rec = active.take.recording;
    rec.bytes = active.sink.bytes;
    rec.chunks = active.sink.chunks;
    if (Date.now() - active.lastSavedMs > 5000) {
      active.lastSavedMs = Date.now();
      await this.store.saveTake(active.take);
    }
    // Room left at the rate actually measured (falls back to the requested rate in the first seconds).
    const elapsed = (Date.now() - active.startedMs) / 1000;
    const measured = elapsed >= 3 ? (rec.bytes * 8) / elapsed : active.bitsPerSecond;
    let secondsLeft: number | null = null;
    try {
      secondsLeft = secondsOfRoom(await freeBytes(path.dirname(active.dir)), measured);
    } catch {
      secondsLeft = null;
    }
    return { bytes: rec.bytes, chunks: rec.chunks, secondsLeft };
  }

  async addMarker(shootId: string, takeId: string, marker: Marker): Promise<Marker> {
    const active = this.requireActive(shootId, takeId);
    await active.markersHandle.write(JSON.stringify(marker) + '\n');
    await active.markersHandle.datasync();
    active.take.markers.push(marker);
    active.take.phases = phasesFromMarkers(active.take.markers, null);
    void this.lifecycle?.emit('marker', active.take, marker);
    return marker;
  }

  /**
   * End the take and answer at once with status 'finalizing'. Never throws once the take is found:
   * a file that cannot be closed or saved (a full disk) leaves the take 'recoverable' with the
   * reason, and the next start finishes it.
   */
  async stop(shootId: string, takeId: string): Promise<Take> {
    const active = this.requireActive(shootId, takeId);
    this.active = null;
    const take = active.take;
    const durationSec = (Date.now() - active.startedMs) / 1000;
    take.recording.stoppedAt = new Date().toISOString();
    take.recording.bytes = active.sink.bytes;
    take.recording.chunks = active.sink.chunks;
    take.phases = phasesFromMarkers(take.markers, snapToFrame(durationSec));
    take.status = 'finalizing';
    const key = `${shootId}/${takeId}`;
    let closeError: unknown = null;
    for (const close of [() => active.sink.close(), () => active.markersHandle.close()]) {
      try {
        await close();
      } catch (err) {
        closeError ??= err;
      }
    }
    if (closeError) {
      take.status = 'recoverable';
      take.error = toErrorShape(closeError);
    }
    try {
      await this.store.saveTake(take);
    } catch (err) {
      this.log(`take ${key}: take.json could not be saved at Stop: ${(err as Error).message}`);
      if (take.status !== 'recoverable') take.error = toErrorShape(err);
      take.status = 'recoverable';
    }
    const stopped = structuredClone(take);
    void this.lifecycle?.emit('stopped', stopped);
    this.bus.emit('takes.changed', { shootId });
    if (take.status === 'recoverable') {
      // Not finalized now: the lock goes, so the next start recovers the take.
      await removeTakeLock(active.dir).catch(() => {});
      void this.lifecycle?.emit('finalized', stopped);
      return stopped;
    }
    // One finalize at a time; a failure of one never stops the queue.
    const done = (this.finalizeQueue = this.finalizeQueue.catch(() => {}).then(async () => {
      try {
        return await finalizeTake({ store: this.store, bus: this.bus, log: this.log }, take, durationSec);
      } finally {
        await removeTakeLock(active.dir).catch(() => {});
      }
    })) as Promise<Take>;
    this.finalizing.set(key, done);
    // Out of the map first, so a 'finalized' hook sees the take as no longer held here.
    void done
      .finally(() => this.finalizing.delete(key))
      .then((t) => this.lifecycle?.emit('finalized', t));
    return stopped;
  }

  private requireActive(shootId: string, takeId: string): ActiveTake {
    const active = this.active;
    if (!active || active.take.id !== takeId || active.take.shootId !== shootId) {
      throw new StudioError('not-found', `Take ${takeId} of shoot ${shootId} is not recording`);
    }
    return active;
  }
}
