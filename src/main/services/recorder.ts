import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { DeviceReport, Take } from '../../shared/api';
import { StudioError, toErrorShape } from '../../shared/errors';
import type { EventBus } from './event-bus';
import type { ShootStore } from './shoot-store';
import { locateFfmpeg, makeDeliveryMp4, probeMedia } from './ffmpeg';

export const DELIVERY_FILE = 'delivery.mp4';

interface ActiveTake {
  take: Take;
  handle: FileHandle;
  nextSeq: number;
  startedMs: number;
}

/** File extension of the raw recording for a MediaRecorder mime type. */
export function rawExtension(mimeType: string): string {
  if (mimeType.startsWith('video/x-matroska')) return 'mkv';
  if (mimeType.startsWith('video/webm')) return 'webm';
  return 'mp4';
}

/**
 * Receives a take's MediaRecorder chunks from the renderer, appends and flushes each one to disk as
 * it arrives (nothing lives only in renderer memory), and on stop makes the delivery MP4 with
 * ffmpeg next to the raw file. The raw file is never modified after recording.
 */
export class Recorder {
  private active: ActiveTake | null = null;

  constructor(
    private readonly store: ShootStore,
    private readonly bus: EventBus,
  ) {}

  get isRecording(): boolean {
    return this.active !== null;
  }

  async start(shootId: string, mimeType: string, devices: DeviceReport): Promise<Take> {
    if (this.active) {
      throw new StudioError('busy', `Take ${this.active.take.id} is still recording`, {
        hint: 'Stop the current take first',
      });
    }
    const takeId = await this.store.allocateTakeId(shootId);
    const dir = await this.store.takeDir(shootId, takeId);
    const rawFile = `raw.${rawExtension(mimeType)}`;
    const handle = await fs.open(path.join(dir, rawFile), 'wx');
    const now = new Date();
    const take: Take = {
      schemaVersion: 1,
      id: takeId,
      shootId,
      name: takeId,
      status: 'recording',
      createdAt: now.toISOString(),
      recording: { mimeType, rawFile, bytes: 0, chunks: 0, startedAt: now.toISOString(), stoppedAt: null },
      devices,
      delivery: null,
      error: null,
    };
    try {
      await this.store.saveTake(take);
    } catch (err) {
      await handle.close();
      throw err;
    }
    this.active = { take, handle, nextSeq: 0, startedMs: Date.now() };
    this.bus.emit('takes.changed', { shootId });
    return take;
  }

  async appendChunk(shootId: string, takeId: string, seq: number, data: Uint8Array): Promise<{ bytes: number; chunks: number }> {
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
    active.take.recording.bytes += data.byteLength;
    active.take.recording.chunks = active.nextSeq;
    return { bytes: active.take.recording.bytes, chunks: active.take.recording.chunks };
  }

  async stop(shootId: string, takeId: string): Promise<Take> {
    const active = this.requireActive(shootId, takeId);
    this.active = null;
    await active.handle.close();
    const take = active.take;
    const durationSec = (Date.now() - active.startedMs) / 1000;
    take.recording.stoppedAt = new Date().toISOString();
    take.status = 'finalizing';
    await this.store.saveTake(take);
    this.bus.emit('takes.changed', { shootId });
    return this.finalize(take, durationSec);
  }

  private async finalize(take: Take, durationSec: number): Promise<Take> {
    const dir = await this.store.takeDir(take.shootId, take.id);
    const started = performance.now();
    try {
      const ff = await locateFfmpeg();
      const output = path.join(dir, DELIVERY_FILE);
      await makeDeliveryMp4({
        ff,
        input: path.join(dir, take.recording.rawFile),
        output,
        durationSec,
        onProgress: (p) =>
          this.bus.emit('take.finalize-progress', {
            shootId: take.shootId,
            takeId: take.id,
            progress: p.progress ?? 0,
            etaSeconds: p.etaSeconds,
          }),
      });
      const probe = await probeMedia(output, ff);
      take.delivery = { file: DELIVERY_FILE, probe, finalizeSeconds: (performance.now() - started) / 1000 };
      take.status = 'ready';
    } catch (err) {
      take.status = 'failed';
      take.error = toErrorShape(err);
    }
    await this.store.saveTake(take);
    this.bus.emit('takes.changed', { shootId: take.shootId });
    if (take.status === 'failed' && take.error) throw StudioError.from(take.error);
    return take;
  }

  private requireActive(shootId: string, takeId: string): ActiveTake {
    const active = this.active;
    if (!active || active.take.id !== takeId || active.take.shootId !== shootId) {
      throw new StudioError('not-found', `Take ${takeId} of shoot ${shootId} is not recording`);
    }
    return active;
  }
}
