import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MarkerSchema, type Marker, type Take } from '../../shared/api';
import { snapToFrame } from '../../shared/presets';
import type { EventBus } from './event-bus';
import { MARKERS_FILE } from './recorder';
import type { ShootStore } from './shoot-store';
import { finalizeTake } from './take-finalizer';
import { phasesFromMarkers } from './take-phases';

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
 * Takes left 'recording' or 'finalizing' by a crash, a kill or a power cut: rebuild each into a
 * playable delivery file with its markers. The raw file was flushed chunk by chunk, so what is lost
 * is the chunk in flight (≤ 1 s) plus whatever the cut frame needs.
 */
export async function recoverInterruptedTakes(
  store: ShootStore,
  bus: EventBus,
  isActive: (shootId: string, takeId: string) => boolean,
  log: (line: string) => void = () => {},
): Promise<Take[]> {
  const recovered: Take[] = [];
  for (const shoot of await store.listShoots()) {
    for (const take of await store.listTakes(shoot.id)) {
      if (take.status !== 'recording' && take.status !== 'finalizing') continue;
      if (isActive(shoot.id, take.id)) continue;
      const dir = await store.takeDir(shoot.id, take.id);
      await removePartials(dir);
      const raw = path.join(dir, take.recording.rawFile);
      let recordedSeconds: number | null = null;
      try {
        const st = await fs.stat(raw);
        take.recording.bytes = st.size;
        // The last flushed chunk's write time, relative to the start, is how much was recorded.
        recordedSeconds = Math.max(0, (st.mtimeMs - Date.parse(take.recording.startedAt)) / 1000);
      } catch {
        take.status = 'failed';
        take.error = { code: 'not-found', message: `The recording ${raw} is missing; nothing to recover` };
        await store.saveTake(take);
        continue;
      }
      const logged = await readMarkerLog(path.join(dir, MARKERS_FILE));
      const known = new Set(take.markers.map((m) => m.id));
      take.markers = [...take.markers, ...logged.filter((m) => !known.has(m.id))].sort((a, b) => a.t - b.t);
      take.phases = phasesFromMarkers(take.markers, recordedSeconds === null ? null : snapToFrame(recordedSeconds));
      take.recording.stoppedAt ??= new Date().toISOString();
      take.recovered = { at: new Date().toISOString(), recordedSeconds };
      take.status = 'interrupted';
      await store.saveTake(take);
      log(`recovering ${shoot.id}/${take.id} (${recordedSeconds?.toFixed(1) ?? '?'} s recorded)`);
      const done = await finalizeTake(store, bus, take, recordedSeconds ?? undefined);
      bus.emit('takes.recovered', {
        shootId: shoot.id,
        takeId: take.id,
        seconds: done.delivery?.probe.durationSec ?? null,
      });
      recovered.push(done);
    }
  }
  return recovered;
}

async function removePartials(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('.') && name.includes('.partial')) await fs.rm(path.join(dir, name), { force: true });
  }
}
