import { FACE_MODEL_ROUTE, MEDIAPIPE_WASM_ROUTE } from '../../../../shared/contract/vision';
import { VISION_ANALYSIS } from '../../../../shared/standards';
import { pageToken } from '../../api/serve-token';
import { analysisSize as scaledSize } from './frame-scale';
import type { FromWorker, RgbaFrame, ToWorker } from './worker-protocol';
// The hand pass's models are app files, bundled from the registry package like the VAD model.
import handPackedAssetsUrl from '@mediapipe/hands/hands_solution_packed_assets.data?url&no-inline';
import handLandmarkModelUrl from '@mediapipe/hands/hand_landmark_full.tflite?url&no-inline';

export type VisionResult = Extract<FromWorker, { type: 'result' }>;

export class VisionInitError extends Error {
  constructor(
    readonly stage: 'wasm' | 'model' | 'landmarker' | 'worker',
    message: string,
  ) {
    super(message);
    this.name = 'VisionInitError';
  }
}

/** The scale that brings a frame to at most VISION_ANALYSIS.maxSide on its long side (never up). */
export function analysisSize(width: number, height: number, maxSide: number = VISION_ANALYSIS.maxSide): { width: number; height: number } {
  return scaledSize(width, height, maxSide);
}

/**
 * The model's address with this page's key: serve mode and the checker's frame host answer the
 * model route only to a page that holds its token (#token=… or the tab's session); Electron's app://
 * needs none (issue #11).
 */
function modelUrl(base: string): string {
  const url = new URL(FACE_MODEL_ROUTE, base);
  const token = pageToken(base);
  if (token) url.searchParams.set('key', token);
  return url.href;
}

/**
 * The UI side of the vision worker: start it, then one promise per frame. The caller keeps at most
 * one frame in flight (a busy worker means the next camera frame is skipped, never queued).
 */
export class VisionClient {
  private readonly pending = new Map<number, { resolve: (r: VisionResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    /** Whether the hand pass runs in this worker, and if not why (the colour tests still run). */
    readonly hands: { on: boolean; error?: string },
  ) {
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === 'result' || msg.type === 'frame-error') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === 'result') p?.resolve(msg);
        else p?.reject(new Error(msg.message));
      }
    };
  }

  static async create(opts: { runningMode: 'VIDEO' | 'IMAGE'; numFaces?: number; baseUrl?: string; delegate?: 'CPU' | 'GPU'; hands?: boolean }): Promise<VisionClient> {
    const base = opts.baseUrl ?? window.location.href;
    let worker: Worker;
    try {
      worker = new Worker(new URL('./vision.worker.ts', import.meta.url), { type: 'module', name: 'vision' });
    } catch (err) {
      throw new VisionInitError('worker', (err as Error).message);
    }
    const ready = new Promise<{ on: boolean; error?: string }>((resolve, reject) => {
      const onMessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'ready') resolve({ on: e.data.hands, ...(e.data.handsError ? { error: e.data.handsError } : {}) });
        else if (e.data.type === 'init-error') reject(new VisionInitError(e.data.stage, e.data.message));
        else return;
        worker.removeEventListener('message', onMessage);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (e) => reject(new VisionInitError('worker', e.message || 'the vision worker failed to start')), { once: true });
    });
    const init: ToWorker = {
      type: 'init',
      wasmBase: new URL(MEDIAPIPE_WASM_ROUTE, base).href,
      modelUrl: modelUrl(base),
      runningMode: opts.runningMode,
      numFaces: opts.numFaces ?? VISION_ANALYSIS.numFaces,
      ...(opts.hands === false ? {} : { handModel: { packedAssetsUrl: new URL(handPackedAssetsUrl, base).href, landmarkModelUrl: new URL(handLandmarkModelUrl, base).href } }),
      ...(opts.delegate ? { delegate: opts.delegate } : {}),
    };
    worker.postMessage(init);
    let hands: { on: boolean; error?: string };
    try {
      hands = await ready;
    } catch (err) {
      worker.terminate();
      throw err;
    }
    return new VisionClient(worker, hands);
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /**
   * Analyse one frame. An ImageBitmap or VideoFrame is transferred (the worker closes it), raw
   * RGBA moves its buffer. A VideoFrame is scaled to the analysis size in the worker.
   */
  analyse(image: ImageBitmap | VideoFrame | RgbaFrame, timestamp: number, raw = false): Promise<VisionResult> {
    if (this.closed) {
      if ('close' in image) image.close();
      return Promise.reject(new Error('the vision worker is closed'));
    }
    const id = this.nextId++;
    const msg: ToWorker = { type: 'frame', id, timestamp, image, raw };
    return new Promise<VisionResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(msg, 'close' in image ? [image] : [image.data.buffer]);
    });
  }

  /**
   * Close the landmarker (it flushes MediaPipe's usage telemetry then, which the worker refuses)
   * and stop the worker. Returns the outside URLs the worker refused to fetch.
   */
  async close(): Promise<string[]> {
    if (this.closed) return [];
    this.closed = true;
    const refused = await new Promise<string[]>((resolve) => {
      const t = setTimeout(() => resolve([]), 1000);
      this.worker.addEventListener('message', (e: MessageEvent<FromWorker>) => {
        if (e.data.type === 'closed') {
          clearTimeout(t);
          resolve(e.data.refused);
        }
      });
      this.worker.postMessage({ type: 'close' } satisfies ToWorker);
    });
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the vision worker was closed'));
    this.pending.clear();
    return refused;
  }
}
