import type { StudioContext } from '../context';
import type { HandlersFor } from '../dispatch';
import { bytesNeeded, freeBytes, secondsOfRoom } from '../services/disk-space';
import { trashTake } from '../services/take-trash';

/** Markers, take management and the disk check of a shoot run (issue #4). */
export function createShootRunHandlers(ctx: StudioContext): HandlersFor<'recording.marker' | 'takes.rename' | 'takes.star' | 'takes.trash' | 'disk.space'> {
  const { store, recorder, bus } = ctx;
  const changed = <T>(shootId: string, value: T): T => {
    bus.emit('takes.changed', { shootId });
    return value;
  };
  return {
    'recording.marker': (i) => recorder.addMarker(i.shootId, i.takeId, i.marker),
    'takes.rename': async (i) =>
      changed(i.shootId, await store.updateTake(i.shootId, i.takeId, (t) => void (t.name = i.name))),
    'takes.star': async (i) =>
      changed(i.shootId, await store.updateTake(i.shootId, i.takeId, (t) => void (t.starred = i.starred))),
    'takes.trash': async (i) => changed(i.shootId, await trashTake(store, recorder, i.shootId, i.takeId)),
    'disk.space': async (i) => {
      const folder = await store.shootDir(i.shootId);
      const free = await freeBytes(folder);
      const needed = bytesNeeded(i.bitsPerSecond, i.plannedSeconds);
      return { freeBytes: free, neededBytes: needed, fits: free >= needed, secondsLeft: secondsOfRoom(free, i.bitsPerSecond), folder };
    },
  };
}

