import path from 'node:path';
import type { Take } from '../../shared/api';
import { toErrorShape } from '../../shared/errors';
import type { EventBus } from './event-bus';
import { locateFfmpeg, makeDeliveryMp4, probeMedia } from './ffmpeg';
import { recordedVideoFrames } from './shoot-loop/recorded-frames';
import type { ShootStore } from './shoot-store';

export const DELIVERY_FILE = 'delivery.mp4';

/**
 * Make the delivery MP4 of a take from its raw recording, probe it and save the take. Used at Stop
 * and when a take interrupted by a crash is recovered. The raw file is only read.
 */
export async function finalizeTake(store: ShootStore, bus: EventBus, take: Take, durationSec: number | undefined): Promise<Take> {
  const dir = await store.takeDir(take.shootId, take.id);
  const started = performance.now();
  take.status = 'finalizing';
  await store.saveTake(take);
  try {
    const ff = await locateFfmpeg();
    const output = path.join(dir, DELIVERY_FILE);
    const input = path.join(dir, take.recording.rawFile);
    await makeDeliveryMp4({
      ff,
      input,
      output,
      durationSec,
      // #13: the picture decides the length; sound is trimmed or padded to it.
      videoFrames: await recordedVideoFrames(ff, input),
      onProgress: (p) =>
        bus.emit('take.finalize-progress', {
          shootId: take.shootId,
          takeId: take.id,
          progress: p.progress ?? 0,
          etaSeconds: p.etaSeconds,
        }),
    });
    const probe = await probeMedia(output, ff);
    take.delivery = { file: DELIVERY_FILE, probe, finalizeSeconds: (performance.now() - started) / 1000 };
    take.status = 'ready';
    take.error = null;
  } catch (err) {
    take.status = 'failed';
    take.error = toErrorShape(err);
  }
  const saved = await store.saveTake(take);
  bus.emit('takes.changed', { shootId: take.shootId });
  return saved;
}
