import { StudioError } from '../../shared/errors';

/**
 * How often a held job looks whether the take has ended. The recorder's state is read, not an
 * event awaited, so a take that ends any way at all (stopped, failed, crashed) releases the job.
 */
const POLL_MS = 200;

/**
 * "The recording comes first": background work that would take the CPU from a take (the checker's
 * decode and face analysis use both cores of the 2-core set laptop) waits here at safe points while
 * a take records, and carries on where it stopped afterwards. A held job loses no work (a cancelled
 * and restarted check of a 30-s take threw away up to a minute of it on every take), and its pause
 * begins within one frame of Record, not at the next poll of a queue.
 */
export class RecordingGate {
  constructor(private readonly recording: () => boolean) {}

  /** Whether a take records now. */
  get held(): boolean {
    return this.recording();
  }

  /**
   * Resolves at once when no take records; else once the take has ended. `onHold(true)` is called
   * when the wait begins and `onHold(false)` when it ends, so a job can say it is paused. Rejects
   * with 'cancelled' if `signal` fires meanwhile.
   */
  async pass(signal?: AbortSignal, onHold?: (held: boolean) => void): Promise<void> {
    if (signal?.aborted) throw cancelled();
    if (!this.recording()) return;
    onHold?.(true);
    try {
      while (this.recording()) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(done, POLL_MS);
          function done() {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          }
          function onAbort() {
            clearTimeout(timer);
            reject(cancelled());
          }
          signal?.addEventListener('abort', onAbort, { once: true });
        });
      }
    } finally {
      onHold?.(false);
    }
  }
}

function cancelled(): StudioError {
  return new StudioError('cancelled', 'The check was cancelled');
}
