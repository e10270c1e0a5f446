import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ChecklistItem, DeviceReport, Marker, PcmFormat, PresetId, Take, VoiceDeviceReport } from '../../shared/api';
import { StudioError } from '../../shared/errors';
import { PRESHOOT_CHECKLIST, SHOOT_PRESETS } from '../../shared/standards';
import { plannedSeconds, snapToFrame } from '../../shared/presets';
import { bytesNeeded, freeBytes, secondsOfRoom } from './disk-space';
import type { EventBus } from './event-bus';
import type { ShootStore } from './shoot-store';
import { finalizeTake } from './take-finalizer';
import { phasesFromMarkers } from './take-phases';

export { DELIVERY_FILE } from './take-finalizer';
export const MARKERS_FILE = 'markers.jsonl';

interface ActiveTake {
  take: Take;
  handle: FileHandle;
  markersHandle: FileHandle;
  nextSeq: number;
  startedMs: number;
  bitsPerSecond: number;
  lastSavedMs: number;
}

/** What recording.start gives, by take kind (the contract's discriminated union). */
export type StartOptions =
  | { kind?: 'video'; mimeType: string; devices: DeviceReport; preset: PresetId; checklist: ChecklistItem[]; bitsPerSecond: number }
  | { kind: 'voice'; format: PcmFormat; devices: VoiceDeviceReport; preset?: PresetId; checklist: ChecklistItem[] };

/** File extension of the raw recording for a MediaRecorder mime type. */
export function rawExtension(mimeType: string): string {
  if (mimeType.startsWith('video/x-matroska')) return 'mkv';
  if (mimeType.startsWith('video/webm')) return 'webm';
  return 'mp4';
}

/** Every checklist item, ticked or not, so an unticked one is listed in the take, not hidden. */
function fullChecklist(given: ChecklistItem[]): ChecklistItem[] {
  return PRESHOOT_CHECKLIST.map((c) => ({ id: c.id, checked: given.some((g) => g.id === c.id && g.checked) }));
}

/**
 * Receives a take's MediaRecorder chunks from the renderer, appends and flushes each one to disk as
 * it arrives (nothing lives only in renderer memory), logs markers the same way, and on stop makes
 * the delivery MP4 next to the raw file. The raw file is never modified after recording.
 */
export class Recorder {
  private active: ActiveTake | null = null;

  constructor(
    private readonly store: ShootStore,
    private readonly bus: EventBus,
  ) {}

  get activeTake(): { shootId: string; takeId: string } | null {
    return this.active ? { shootId: this.active.take.shootId, takeId: this.active.take.id } : null;
  }

  async start(shootId: string, opts: StartOptions): Promise<Take> {
    if (this.active) {
      throw new StudioError('busy', `Take ${this.active.take.id} is still recording`, { hint: 'Stop the current take first' });
    }
    if (opts.kind === 'voice') {
      throw new StudioError('bad-argument', 'Voice takes are not recorded by this version yet', { hint: 'Record a video take' });
    }
    await this.store.getShoot(shootId);
    const shootDir = await this.store.shootDir(shootId);
    const planned = plannedSeconds(SHOOT_PRESETS[opts.preset]);
    const free = await freeBytes(shootDir);
    const needed = bytesNeeded(opts.bitsPerSecond, planned);
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
    const rawFile = `raw.${rawExtension(opts.mimeType)}`;
    const handle = await fs.open(path.join(dir, rawFile), 'wx');
    const markersHandle = await fs.open(path.join(dir, MARKERS_FILE), 'a');
    const now = new Date();
    const take: Take = {
      schemaVersion: 1,
      id: takeId,
      shootId,
      kind: 'video',
      name: takeId,
      status: 'recording',
      createdAt: now.toISOString(),
      recording: { mimeType: opts.mimeType, rawFile, bytes: 0, chunks: 0, startedAt: now.toISOString(), stoppedAt: null },
      devices: opts.devices,
      delivery: null,
      error: null,
      preset: opts.preset,
      starred: false,
      checklist: fullChecklist(opts.checklist),
      markers: [],
      phases: [],
      recovered: null,
    };
    try {
      await this.store.saveTake(take);
    } catch (err) {
      await handle.close();
      await markersHandle.close();
      throw err;
    }
    this.active = { take, handle, markersHandle, nextSeq: 0, startedMs: Date.now(), bitsPerSecond: opts.bitsPerSecond, lastSavedMs: Date.now() };
    this.bus.emit('takes.changed', { shootId });
    return take;
  }

  async appendChunk(
    shootId: string,
    takeId: string,
    seq: number,
    data: Uint8Array,
  ): Promise<{ bytes: number; chunks: number; secondsLeft: number | null }> {
    const active = this.requireActive(shootId, takeId);
    if (seq !== active.nextSeq) {
      throw new StudioError('bad-argument', `Chunk ${seq} of ${takeId} arrived, expected ${active.nextSeq}`, {
        hint: 'A piece of the recording went missing; stop and record the take again',
      });
    }
    // Count the chunk before the await so a concurrent duplicate is refused, not appended twice.
    active.nextSeq++;
    await active.handle.write(data);
    // datasync per chunk (≤ 1 s of media): a crash or power cut loses at most the chunk in flight.
    await active.handle.datasync();
    const rec = active.take.recording;
    rec.bytes += data.byteLength;
    rec.chunks = active.nextSeq;
    if (Date.now() - active.lastSavedMs > 5000) {
      active.lastSavedMs = Date.now();
      await this.store.saveTake(active.take);
    }
    // Room left at the rate actually measured (falls back to the requested rate in the first seconds).
    const elapsed = (Date.now() - active.startedMs) / 1000;
    const measured = elapsed >= 3 ? (rec.bytes * 8) / elapsed : active.bitsPerSecond;
    let secondsLeft: number | null = null;
    try {
      secondsLeft = secondsOfRoom(await freeBytes(path.dirname(await this.store.takeDir(shootId, takeId))), measured);
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
    return marker;
  }

  async stop(shootId: string, takeId: string): Promise<Take> {
    const active = this.requireActive(shootId, takeId);
    this.active = null;
    await active.handle.close();
    await active.markersHandle.close();
    const take = active.take;
    const durationSec = (Date.now() - active.startedMs) / 1000;
    take.recording.stoppedAt = new Date().toISOString();
    take.phases = phasesFromMarkers(take.markers, snapToFrame(durationSec));
    this.bus.emit('takes.changed', { shootId });
    const done = await finalizeTake(this.store, this.bus, take, durationSec);
    if (done.status === 'failed' && done.error) throw StudioError.from(done.error);
    return done;
  }

  private requireActive(shootId: string, takeId: string): ActiveTake {
    const active = this.active;
    if (!active || active.take.id !== takeId || active.take.shootId !== shootId) {
      throw new StudioError('not-found', `Take ${takeId} of shoot ${shootId} is not recording`);
    }
    return active;
  }
}
