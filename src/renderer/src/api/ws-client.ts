import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result, StudioClient } from '../../../shared/api';
import { StudioError } from '../../../shared/errors';
import { encodeBinaryCall, type ServerMessage } from '../../../shared/wire';

type Pending = { resolve: (r: Result<unknown>) => void };

/**
 * Serve mode's client of the contract: one WebSocket to the studio on 127.0.0.1, authorised by the
 * per-run token from the address the studio printed. Calls wait for the socket; a lost socket
 * fails the calls in flight with a clear error and reconnects on the next call.
 */
export class WsClient implements StudioClient {
  private socket: Promise<WebSocket> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<(p: unknown) => void>>();
  private readonly reconnectListeners = new Set<() => void>();
  private everConnected = false;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly url: string) {}

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const ws = await this.connect();
    const id = this.nextId++;
    const result = new Promise<Result<unknown>>((resolve) => this.pending.set(id, { resolve }));
    const data = (input as { data?: unknown }).data;
    if (data instanceof Uint8Array) {
      const rest = { ...(input as Record<string, unknown>) };
      delete rest.data;
      ws.send(encodeBinaryCall({ t: 'call', id, method, input: rest, binaryField: 'data' }, data));
    } else {
      ws.send(JSON.stringify({ t: 'call', id, method, input }));
    }
    const r = await result;
    if (!r.ok) throw StudioError.from(r.error);
    return r.value as MethodOutput<M>;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as (p: unknown) => void);
    this.listeners.set(event, set);
    void this.connect().catch(() => {});
    return () => set.delete(listener as (p: unknown) => void);
  }

  /** Called after the socket came back (the studio restarted): state may have changed meanwhile. */
  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /** Keep trying once a second while anyone listens for events, so a restarted studio is found. */
  private scheduleRetry(): void {
    if (this.retry || this.listeners.size === 0) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      this.connect().catch(() => this.scheduleRetry());
    }, 1000);
  }

  private connect(): Promise<WebSocket> {
    if (this.socket) return this.socket;
    // Without a token the studio refuses every socket: say so once instead of retrying forever.
    if (!new URL(this.url).searchParams.get('token')) {
      return Promise.reject(
        new StudioError('io', 'This page has no studio token', { hint: 'Open the address the studio printed, #token=… included.' }),
      );
    }
    this.socket = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(this.url);
      ws.binaryType = 'arraybuffer';
      ws.onopen = () => {
        resolve(ws);
        if (this.everConnected) for (const l of this.reconnectListeners) l();
        this.everConnected = true;
      };
      ws.onerror = () => {
        reject(
          new StudioError('io', 'Cannot reach the studio service', {
            hint: 'Is "npm run serve" still running? Open the address it printed, token included.',
          }),
        );
      };
      ws.onclose = () => {
        this.socket = null;
        for (const [, p] of this.pending) {
          p.resolve({ ok: false, error: { code: 'io', message: 'The connection to the studio service was lost' } });
        }
        this.pending.clear();
        this.scheduleRetry();
      };
      ws.onmessage = (ev) => this.receive(JSON.parse(String(ev.data)) as ServerMessage);
    });
    this.socket.catch(() => {
      this.socket = null;
    });
    return this.socket;
  }

  private receive(msg: ServerMessage): void {
    if (msg.t === 'result') {
      this.pending.get(msg.id)?.resolve(msg.result);
      this.pending.delete(msg.id);
    } else if (msg.t === 'event') {
      for (const l of this.listeners.get(msg.event) ?? []) l(msg.payload);
    }
  }
}
