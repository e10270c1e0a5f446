import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { FramePacker } from '../../../shared/frame-feed';
import { guardSocket, jsonObject, OnceLog, refuseUpgrade, utf8 } from '../../net-guard';
import type { FrameMeasurement } from '../../../shared/vision/analysis';
import type { DelegateInfo, FaceAnalyzer, FaceTimings, RgbaFrame } from './face-analyzer';

/** The most vision workers a page may say it runs (each holds a landmarker, ~100 MB). */
export const MAX_PAGE_WORKERS = 8;

/**
 * Main's end of the frame feed: the analyzer page connects (with this hub's token) and measures
 * the frames main sends it. One page at a time, with a pool of vision workers: up to
 * `concurrency` frames are in flight (the checker's FacePipeline waits beyond that), which gives
 * backpressure all the way to ffmpeg.
 */
export class FrameHub implements FaceAnalyzer {
  readonly token = randomBytes(16).toString('base64url');
  /** The page sends only answers (a face's landmarks at most), never pixels. */
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4 * 1024 * 1024 });
  private page: WebSocket | null = null;
  private connected: Promise<void>;
  private onConnected!: () => void;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: FrameMeasurement) => void; reject: (e: Error) => void; sentAt: number }>();
  private timestampMs = 0;
  private workers = 1;
  private chosen: DelegateInfo | null = null;
  private hands: { on: boolean; error?: string } | null = null;
  private failed: string | null = null;
  private onFailed!: (e: Error) => void;
  private readonly failedStart: Promise<never>;
  private readonly spent: FaceTimings = { frames: 0, roundTripMs: 0, workerMs: 0, detectMs: 0, handMs: 0 };
  private readonly log: OnceLog;
  /** Message buffers reused once ws has written them (no ~1 MB allocation a frame). */
  private readonly packer = new FramePacker();

  constructor(log: (line: string) => void = (l) => console.error(l)) {
    this.connected = new Promise((r) => (this.onConnected = r));
    this.failedStart = new Promise<never>((_, reject) => (this.onFailed = reject));
    this.failedStart.catch(() => {});
    this.log = new OnceLog(log);
  }

  /** Whether `given` is this hub's token (also the frame host's key to the face model). */
  holdsToken(given: string | null): boolean {
    const g = Buffer.from(given ?? '');
    return g.length === this.token.length && timingSafeEqual(g, Buffer.from(this.token));
  }

  /** For the HTTP server's 'upgrade' on FRAME_FEED_ROUTE (Host and Origin already checked by it). */
  handleUpgrade(req: IncomingMessage, url: URL, socket: Duplex, head: Buffer): void {
    if (!this.holdsToken(url.searchParams.get('token'))) return refuseUpgrade(socket, 401, 'wrong or missing token', this.log, 'frame feed');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.page?.close();
      this.page = ws;
      guardSocket(ws, (data, isBinary) => this.onAnswer(data, isBinary), this.log, 'frame feed');
      ws.on('close', (code, reason) => {
        if (this.page !== ws) return;
        // Why the page left, for the log (a crashed renderer is 1006, a closed one 1001).
        if (this.pending.size) this.log.note('frame feed: page closed', `${code} ${reason.toString('utf8').slice(0, 120)} with ${this.pending.size} frame(s) in flight`);
        for (const [, p] of this.pending) p.reject(new Error('the analyzer page went away'));
        this.pending.clear();
      });
    });
  }

  /** The page's answers are small JSON objects; anything else is a bad frame (guardSocket closes 1003). */
  private onAnswer(data: Buffer, isBinary: boolean): void {
    const text = isBinary ? null : utf8(data);
    const msg = text === null ? null : jsonObject(text);
    if (!msg) throw new Error('the frame feed takes JSON object answers only');
    if (typeof msg.failed === 'string') {
      // The page could not start its workers (no model, no wasm …): its own words, for the error.
      this.failed = msg.failed.slice(0, 300);
      return this.onFailed(new Error(this.failed));
    }
    if (msg.ready === true) {
      // The page says how many workers it started (1 from an older page that does not say).
      const n = msg.workers;
      this.workers = Number.isSafeInteger(n) && (n as number) >= 1 ? Math.min(MAX_PAGE_WORKERS, n as number) : 1;
      // Whether its hand pass runs (an older page does not say: unknown).
      const h = msg.hands as { on?: unknown; error?: unknown } | undefined;
      this.hands = h && typeof h === 'object' && typeof h.on === 'boolean' ? { on: h.on, ...(typeof h.error === 'string' ? { error: h.error.slice(0, 300) } : {}) } : null;
      return this.onConnected();
    }
    if (msg.delegate && typeof msg.delegate === 'object') {
      // Which delegate the page chose and why (GPU only on a real GPU that agreed with the CPU).
      this.chosen = delegateInfo(msg.delegate as Record<string, unknown>);
      return;
    }
    if (!Number.isSafeInteger(msg.id)) throw new Error('an answer needs the frame id');
    const p = this.pending.get(msg.id as number);
    if (!p) return;
    this.pending.delete(msg.id as number);
    const frame = msg.frame as FrameMeasurement | undefined;
    if (frame && typeof frame === 'object' && Array.isArray(frame.faces)) {
      this.spent.frames++;
      this.spent.roundTripMs += performance.now() - p.sentAt;
      if (typeof msg.workerMs === 'number' && Number.isFinite(msg.workerMs)) this.spent.workerMs += msg.workerMs;
      if (typeof msg.detectMs === 'number' && Number.isFinite(msg.detectMs)) this.spent.detectMs += msg.detectMs;
      if (typeof msg.handMs === 'number' && Number.isFinite(msg.handMs)) this.spent.handMs += msg.handMs;
      p.resolve(frame);
    }
    else p.reject(new Error(typeof msg.error === 'string' ? msg.error.slice(0, 300) : 'the analyzer page failed'));
  }

  /** Resolves once the page has its landmarker ready; rejects after `ms`. */
  ready(ms: number): Promise<void> {
    return Promise.race([
      this.connected,
      this.failedStart,
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`the face analyzer page did not start within ${ms / 1000} s`)), ms).unref()),
    ]);
  }

  /** What the page said when it could not start, if it did. */
  failure(): string | null {
    return this.failed;
  }

  /** Vision workers the page runs: frames the checker may keep in flight. */
  get concurrency(): number {
    return this.workers;
  }

  /** Whether the page's hand pass runs, and if not why; null until the page said. */
  handPass(): { on: boolean; error?: string } | null {
    return this.hands;
  }

  /** The page's choice of the landmarker's delegate, once it has made it. */
  delegate(): DelegateInfo | null {
    return this.chosen;
  }

  timings(): FaceTimings {
    return { ...this.spent };
  }

  measure(frame: RgbaFrame): Promise<FrameMeasurement> {
    const ws = this.page;
    if (!ws) return Promise.reject(new Error('no analyzer page is connected'));
    const id = this.nextId++;
    // VIDEO mode needs strictly increasing timestamps; media time gives them, nudged if equal.
    this.timestampMs = Math.max(this.timestampMs + 1, Math.round(frame.t * 1000));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, sentAt: performance.now() });
      // The pixels are copied here: the frame's own buffer is free once this returns. The message's
      // buffer goes back to the packer only from ws's callback, once the socket has written it.
      const message = this.packer.pack({ id, width: frame.width, height: frame.height, timestampMs: this.timestampMs }, frame.rgba);
      ws.send(message, (err) => {
        if (!err) this.packer.giveBack(message);
      });
    });
  }

  async close(): Promise<void> {
    this.page?.terminate();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }
}

/** The page's word on its delegate, kept to plain, bounded values (the page is not trusted blindly). */
function delegateInfo(d: Record<string, unknown>): DelegateInfo {
  const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : null);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const largest = d.largest && typeof d.largest === 'object' ? (d.largest as Record<string, unknown>) : null;
  return {
    delegate: d.delegate === 'GPU' ? 'GPU' : 'CPU',
    renderer: text(d.renderer),
    realGpu: d.realGpu === true,
    reason: text(d.reason) ?? '',
    verifiedFrames: num(d.verifiedFrames),
    largest: largest ? { lipGap: num(largest.lipGap), angleDeg: num(largest.angleDeg), boxEdge: num(largest.boxEdge) } : null,
  };
}
