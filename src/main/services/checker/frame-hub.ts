import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeFrame } from '../../../shared/frame-feed';
import type { FrameMeasurement } from '../../../shared/vision/analysis';
import type { FaceAnalyzer, RgbaFrame } from './face-analyzer';

/**
 * Main's end of the frame feed: the analyzer page connects (with this hub's token) and measures
 * the frames main sends it. One page at a time; a frame waits for its answer, which gives
 * backpressure all the way to ffmpeg.
 */
export class FrameHub implements FaceAnalyzer {
  readonly token = randomBytes(16).toString('base64url');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private page: WebSocket | null = null;
  private connected: Promise<void>;
  private onConnected!: () => void;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: FrameMeasurement) => void; reject: (e: Error) => void }>();
  private timestampMs = 0;

  constructor() {
    this.connected = new Promise((r) => (this.onConnected = r));
  }

  /** For the HTTP server's 'upgrade' on FRAME_FEED_ROUTE. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const given = Buffer.from(new URL(req.url ?? '/', 'http://localhost').searchParams.get('token') ?? '');
    if (given.length !== this.token.length || !timingSafeEqual(given, Buffer.from(this.token))) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.page?.close();
      this.page = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { id: number; frame?: FrameMeasurement; error?: string; ready?: boolean };
        if (msg.ready) return this.onConnected();
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.frame) p?.resolve(msg.frame);
        else p?.reject(new Error(msg.error ?? 'the analyzer page failed'));
      });
      ws.on('close', () => {
        for (const [, p] of this.pending) p.reject(new Error('the analyzer page went away'));
        this.pending.clear();
      });
    });
  }

  /** Resolves once the page has its landmarker ready; rejects after `ms`. */
  ready(ms: number): Promise<void> {
    return Promise.race([
      this.connected,
      new Promise<void>((_, reject) => setTimeout(() => reject(new Error(`the face analyzer page did not start within ${ms / 1000} s`)), ms).unref()),
    ]);
  }

  measure(frame: RgbaFrame): Promise<FrameMeasurement> {
    const ws = this.page;
    if (!ws) return Promise.reject(new Error('no analyzer page is connected'));
    const id = this.nextId++;
    // VIDEO mode needs strictly increasing timestamps; media time gives them, nudged if equal.
    this.timestampMs = Math.max(this.timestampMs + 1, Math.round(frame.t * 1000));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      ws.send(encodeFrame({ id, width: frame.width, height: frame.height, timestampMs: this.timestampMs }, frame.rgba));
    });
  }

  async close(): Promise<void> {
    this.page?.close();
    await new Promise<void>((r) => this.wss.close(() => r()));
  }
}
