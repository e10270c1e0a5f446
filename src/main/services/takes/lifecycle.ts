import type { Marker, Take } from '../../../shared/api';

/**
 * What happens to a take, in order: started → marker* → stopped → finalized; or, after a crash,
 * recovered at the next start. The take handed to a listener is a copy, as saved at that moment.
 */
export interface TakeLifecycleEvents {
  started: (take: Take) => void | Promise<void>;
  marker: (take: Take, marker: Marker) => void | Promise<void>;
  stopped: (take: Take) => void | Promise<void>;
  /** The take's finalizer is done: status ready, failed or recoverable, saved for the last time. */
  finalized: (take: Take) => void | Promise<void>;
  /** A take a crash left behind was rebuilt (or left recoverable) at the app's start. */
  recovered: (take: Take) => void | Promise<void>;
}
export type TakeLifecycleEvent = keyof TakeLifecycleEvents;

/**
 * Typed take hooks on the studio context (the Kap plugin shape: `ctx.lifecycle.on('finalized',
 * fn)`), instead of an untyped bus event and a rescan of every take. A listener's failure is
 * logged and never stops the take or the other listeners.
 */
export class TakeLifecycle {
  private readonly listeners = new Map<TakeLifecycleEvent, Set<(...args: never[]) => unknown>>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly log: (line: string) => void = () => {}) {}

  on<E extends TakeLifecycleEvent>(event: E, listener: TakeLifecycleEvents[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as (...args: never[]) => unknown);
    return () => set.delete(listener as (...args: never[]) => unknown);
  }

  /** Calls every listener; resolves when all have finished (failures logged, never thrown). */
  emit<E extends TakeLifecycleEvent>(event: E, ...args: Parameters<TakeLifecycleEvents[E]>): Promise<void> {
    const copies = args.map((a) => structuredClone(a)) as Parameters<TakeLifecycleEvents[E]>;
    const runs = [...(this.listeners.get(event) ?? [])].map(async (fn) => {
      try {
        await (fn as (...a: Parameters<TakeLifecycleEvents[E]>) => unknown)(...copies);
      } catch (err) {
        const take = copies[0];
        this.log(`take ${take.shootId}/${take.id}: a "${event}" hook failed: ${(err as Error).message}`);
      }
    });
    const all = Promise.all(runs).then(() => {});
    this.inFlight.add(all);
    void all.finally(() => this.inFlight.delete(all));
    return all;
  }

  /** Resolves when every hook started so far has finished (tests, orderly shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }
}
