import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, PreloadBridge, StudioClient } from '../../../shared/api';
import { StudioError } from '../../../shared/errors';

/** Electron's client of the contract: the preload bridge on window.studio. */
export class PreloadClient implements StudioClient {
  constructor(private readonly bridge: PreloadBridge) {}

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const r = await this.bridge.invoke(method, input);
    if (!r.ok) throw StudioError.from(r.error);
    return r.value as MethodOutput<M>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.bridge.on(event, (p) => listener(p as EventPayload<E>));
  }

  onReconnect(): () => void {
    return () => {};
  }
}
