/**
 * The accuracy harness's face pass: every frame of a clip decoded by ffmpeg at the checker's
 * analysis size, sent to the checker's own analyzer page (headless Chromium, the vision worker) with
 * `raw: true`, so the landmarker's raw result comes back with the measurement. The raw landmarks
 * are cached per clip and mode (they only change with the model), and measureFrame — the pure
 * function the worker runs — is re-run on them in Node with the same pixels. Not used by the app.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeFrame, FRAME_ANALYZER_PAGE } from '../../src/shared/frame-feed';
import type { FrameMeasurement, Landmark, LandmarkerResultLike, ReadPixels } from '../../src/shared/vision/analysis';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../../src/main/services/chromium-path';
import { locateFfmpeg, probeMedia } from '../../src/main/services/ffmpeg';
import type { RgbaFrame } from '../../src/main/services/checker/face-analyzer';
import type { FrameHub } from '../../src/main/services/checker/frame-hub';
import { videoFrameTimes } from '../../src/main/services/checker/frame-times';
import { analysisSize, runVideoPass } from '../../src/main/services/checker/video-pass';
import { VISION_ANALYSIS } from '../../src/shared/standards';

export interface RawFrame {
  t: number;
  result: LandmarkerResultLike;
  /** The hand pass's hands near the mouth (frame coordinates); absent when it did not run. */
  hands?: Landmark[][];
}

interface RawResult {
  faceLandmarks: { x: number; y: number; z: number }[][];
  blendshapes: Record<string, number>[];
  matrices: number[][];
  hands?: Landmark[][];
}

export function toResultLike(r: RawResult): LandmarkerResultLike {
  return {
    faceLandmarks: r.faceLandmarks,
    faceBlendshapes: r.blendshapes.map((b) => ({ categories: Object.entries(b).map(([categoryName, score]) => ({ categoryName, score })) })),
    facialTransformationMatrixes: r.matrices.map((data) => ({ rows: 4, columns: 4, data })),
  };
}

/** A minimal frame hub that also returns the raw result (the checker's FrameHub drops it). */
class RawHub {
  readonly token = randomBytes(16).toString('base64url');
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  private page: WebSocket | null = null;
  private onConnected!: () => void;
  private onFailed!: (e: Error) => void;
  readonly connected = new Promise<void>((resolve, reject) => {
    this.onConnected = resolve;
    this.onFailed = reject;
  });
  private nextId = 1;
  private ts = 0;
  private readonly pending = new Map<number, (m: { raw?: RawResult; error?: string }) => void>();

  /** The frame host's key to the face model is the hub's token (frame-host.ts). */
  holdsToken(given: string | null): boolean {
    return given === this.token;
  }

  handleUpgrade(req: IncomingMessage, _url: URL, socket: Duplex, head: Buffer): void {
    if (new URL(req.url ?? '/', 'http://x').searchParams.get('token') !== this.token) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.page = ws;
      ws.on('message', (data) => {
        const msg = JSON.parse(data.toString()) as { id: number; raw?: RawResult; error?: string; ready?: boolean; failed?: string; hands?: { on: boolean; error?: string } };
        if (msg.failed) return this.onFailed(new Error(`analyzer page failed: ${msg.failed}`));
        if (msg.ready) {
          if (!msg.hands?.on) console.warn(`hand pass off: ${msg.hands?.error ?? 'not reported'}`);
          return this.onConnected();
        }
        this.pending.get(msg.id)?.(msg);
        this.pending.delete(msg.id);
      });
    });
  }

  measure(frame: RgbaFrame): Promise<RawResult> {
    const id = this.nextId++;
    this.ts = Math.max(this.ts + 1, Math.round(frame.t * 1000));
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.raw ? resolve(m.raw) : reject(new Error(m.error ?? 'no raw result'))));
      this.page!.send(encodeFrame({ id, width: frame.width, height: frame.height, timestampMs: this.ts, raw: true }, frame.rgba));
    });
  }

  close(): void {
    this.page?.close();
    this.wss.close();
  }
}

export interface Analyzer {
  raw(frame: RgbaFrame): Promise<{ result: LandmarkerResultLike; hands?: Landmark[][] }>;
  close(): Promise<void>;
}

export async function openRawAnalyzer(mode: 'IMAGE' | 'VIDEO'): Promise<Analyzer> {
  const rendererDir = path.resolve('out/renderer');
  if (!existsSync(path.join(rendererDir, FRAME_ANALYZER_PAGE.slice(1)))) throw new Error('Run "npx electron-vite build" first (out/renderer is missing).');
  const { startFrameHost } = await import('../../src/main/services/checker/frame-host');
  const hub = new RawHub();
  // The checker's own frame host (net's, issue #11): it only calls holdsToken and handleUpgrade.
  const server = await startFrameHost({ rendererDir, hub: hub as unknown as FrameHub, env: process.env });
  const { chromium } = await import('playwright-core');
  const exe = findChromium(process.env);
  if (!exe) throw new Error('No Chromium found (set CHROMIUM_PATH).');
  const browser = await chromium.launch({ executablePath: exe, args: HEADLESS_CHROMIUM_ARGS });
  const page = await browser.newPage();
  const base = server.base;
  await page.goto(`${base}${FRAME_ANALYZER_PAGE}#token=${hub.token}&mode=${mode}`);
  await Promise.race([hub.connected, new Promise((_, rej) => setTimeout(() => rej(new Error('analyzer page did not start')), 90_000))]);
  return {
    raw: async (f) => {
      const r = await hub.measure(f);
      return { result: toResultLike(r), ...(r.hands ? { hands: r.hands } : {}) };
    },
    close: async () => {
      hub.close();
      await browser.close();
      await server.close();
    },
  };
}

export interface DecodedClip {
  width: number;
  height: number;
  fps: number;
  times: number[];
}

/** Every frame of `file` at the analysis size, in order. */
export async function decodeFrames(file: string, onFrame: (f: RgbaFrame, i: number) => Promise<void> | void): Promise<DecodedClip> {
  const ff = await locateFfmpeg();
  const probe = await probeMedia(file, ff);
  const v = probe.video!;
  const fps = v.avgFrameRate.fps > 0 ? v.avgFrameRate.fps : v.rFrameRate.fps || 25;
  const times = await videoFrameTimes(ff, file);
  const size = analysisSize(v.displayWidth, v.displayHeight, VISION_ANALYSIS.maxSide);
  let i = 0;
  await runVideoPass(ff, file, { ...size, times, fps, onFrame: (f) => onFrame(f, i++) });
  return { ...size, fps, times };
}

const CACHE = process.env.ACCURACY_CACHE ?? path.join(process.env.TMPDIR ?? '/tmp', 'capture-studio-accuracy');

/** The raw landmarker results of every frame of `file`, from the cache or measured now. */
export async function rawLandmarks(file: string, key: string, mode: 'IMAGE' | 'VIDEO', open: () => Promise<Analyzer>): Promise<RawFrame[]> {
  mkdirSync(CACHE, { recursive: true });
  // "-H3": the hand pass in a crop cut to the frame at handMinConfidence (round 6); "-H" had the uncut square.
  const cached = path.join(CACHE, `${key}-${mode}-H3.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as RawFrame[];
  const a = await open();
  const out: RawFrame[] = [];
  try {
    await decodeFrames(file, async (f) => {
      out.push({ t: f.t, ...(await a.raw(f)) });
    });
  } finally {
    await a.close();
  }
  writeFileSync(cached, JSON.stringify(out));
  return out;
}

/**
 * Every frame's measurement as the worker makes it (measureFrame on the raw landmarks with the
 * frame's own pixels), re-made in Node so that analysis.ts can be changed without re-running the
 * landmarker. `measure` defaults to the current measureFrame.
 */
export async function replayMeasurements(
  file: string,
  raw: RawFrame[],
  measure: (r: LandmarkerResultLike, size: { width: number; height: number }, read: ReadPixels, hands?: Landmark[][]) => FrameMeasurement,
): Promise<{ t: number; frame: FrameMeasurement }[]> {
  const out: { t: number; frame: FrameMeasurement }[] = [];
  await decodeFrames(file, (f, i) => {
    const r = raw[i];
    if (!r) return;
    const read: ReadPixels = () => ({ rect: { x: 0, y: 0, width: f.width, height: f.height }, data: f.rgba });
    out.push({ t: r.t, frame: measure(r.result, { width: f.width, height: f.height }, read, r.hands) });
  });
  return out;
}
