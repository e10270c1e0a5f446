/**
 * The vision worker: MediaPipe's FaceLandmarker (CPU delegate) off the UI thread. Frames arrive
 * as transferred ImageBitmaps (or raw RGBA for offline analysis); each answer is the frame's
 * measurement from src/shared/vision/analysis.ts, the same code the offline checker runs.
 */
import { FaceLandmarker, FilesetResolver, type FaceLandmarkerResult } from '@mediapipe/tasks-vision';
import { measureFrame, type Landmark, type PixelRect, type ReadPixels, type RgbaRegion } from '../../../../shared/vision/analysis';
import { VISION_ANALYSIS } from '../../../../shared/standards';
import { analysisSize, SCALABLE_FORMATS, scaleFrameToRgba, type PlaneFormat } from './frame-scale';
import { HandPass } from './hand-pass';
import type { FromWorker, RawResult, RgbaFrame, ToWorker } from './worker-protocol';

interface WorkerScope {
  postMessage(msg: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  fetch: typeof fetch;
  location: { href: string; origin: string };
}
const scope = self as unknown as WorkerScope;

// Nothing leaves the machine: MediaPipe posts usage telemetry to a Google endpoint. The CSP
// (connect-src 'self') and Electron's webRequest filter refuse it too; this stops it before the
// request exists, wherever the worker runs (dev server, a browser without the CSP header).
const sameOriginFetch = scope.fetch.bind(scope);
const refused: string[] = [];
scope.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), scope.location.href);
  if (url.origin !== scope.location.origin) {
    if (refused.length < 20) refused.push(url.href);
    return Promise.reject(new TypeError(`refused: ${url.origin} (the studio makes no outside requests)`));
  }
  return sameOriginFetch(input, init);
}) as typeof fetch;

let landmarker: FaceLandmarker | null = null;
let handPass: HandPass | null = null;
let mode: 'VIDEO' | 'IMAGE' = 'VIDEO';
let lastTimestamp = -Infinity;
let canvas: OffscreenCanvas | null = null;
let ctx2d: OffscreenCanvasRenderingContext2D | null = null;
/** The camera frame's planes, reused (3 MB for 1080×1920 I420; a new one a frame was garbage). */
let planes = new Uint8Array(0);
/** Frames are analysed one after another, in arrival order (they share `planes` and VIDEO time). */
let chain: Promise<void> = Promise.resolve();

async function init(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  const t0 = performance.now();
  let stage: 'wasm' | 'model' | 'landmarker' = 'wasm';
  try {
    // useModule = true: the ES-module loader (this is a module worker, importScripts is refused).
    const fileset = await FilesetResolver.forVisionTasks(msg.wasmBase, true);
    stage = 'model';
    const res = await sameOriginFetch(msg.modelUrl);
    if (!res.ok) throw new Error(`${msg.modelUrl}: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim());
    const model = new Uint8Array(await res.arrayBuffer());
    stage = 'landmarker';
    landmarker?.close();
    landmarker = await FaceLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: model, delegate: msg.delegate ?? 'CPU' },
      runningMode: msg.runningMode,
      numFaces: msg.numFaces,
      outputFaceBlendshapes: true,
      outputFacialTransformationMatrixes: true,
    });
    mode = msg.runningMode;
    lastTimestamp = -Infinity;
    // The hand pass is an addition: if its models are missing or refused, say why and go on.
    handPass?.close();
    handPass = null;
    let handsError: string | undefined;
    if (msg.handModel) {
      try {
        // scope.fetch: the same-origin guard above applies to the model files too.
        handPass = await HandPass.create(fileset, msg.handModel, scope.fetch);
      } catch (err) {
        handsError = (err as Error)?.message ?? String(err);
      }
    } else handsError = 'no hand model given';
    scope.postMessage({ type: 'ready', ms: performance.now() - t0, hands: handPass !== null, ...(handsError ? { handsError } : {}) });
  } catch (err) {
    scope.postMessage({ type: 'init-error', stage, message: (err as Error)?.message ?? String(err) });
  }
}

function isRgba(image: ImageBitmap | VideoFrame | RgbaFrame): image is RgbaFrame {
  return (image as RgbaFrame).data !== undefined;
}

/**
 * A camera VideoFrame at the analysis size: its planes copied out and scaled in one pass
 * (frame-scale.ts) when the layout is a common one, else through createImageBitmap. Closes it.
 */
async function fromVideoFrame(frame: VideoFrame): Promise<ImageBitmap | RgbaFrame> {
  try {
    const size = analysisSize(frame.displayWidth, frame.displayHeight, VISION_ANALYSIS.maxSide);
    const rect = frame.visibleRect;
    if (frame.format && SCALABLE_FORMATS.includes(frame.format) && rect) {
      const bytes = frame.allocationSize();
      if (planes.byteLength < bytes) planes = new Uint8Array(bytes);
      const data = planes.subarray(0, bytes);
      const layout = await frame.copyTo(data);
      const rgba = scaleFrameToRgba(
        {
          format: frame.format as PlaneFormat,
          width: rect.width,
          height: rect.height,
          data,
          layout,
          matrix: frame.colorSpace?.matrix ?? null,
          fullRange: frame.colorSpace?.fullRange ?? null,
        },
        size.width,
        size.height,
      );
      return { width: size.width, height: size.height, data: rgba };
    }
    return await createImageBitmap(frame, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'low' });
  } finally {
    frame.close();
  }
}

/** Pixels of a rectangle of an ImageBitmap, through a small reusable 2D canvas. */
function bitmapReader(bitmap: ImageBitmap): ReadPixels {
  return (rect: PixelRect): RgbaRegion | null => {
    if (rect.width <= 0 || rect.height <= 0) return null;
    if (!canvas || canvas.width < rect.width || canvas.height < rect.height) {
      canvas = new OffscreenCanvas(Math.max(rect.width, canvas?.width ?? 0), Math.max(rect.height, canvas?.height ?? 0));
      ctx2d = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!ctx2d) return null;
    ctx2d.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
    return { rect, data: ctx2d.getImageData(0, 0, rect.width, rect.height).data };
  };
}

function rawOf(r: FaceLandmarkerResult): RawResult {
  return {
    faceLandmarks: r.faceLandmarks.map((f) => f.map((p) => ({ x: p.x, y: p.y, z: p.z }))),
    blendshapes: r.faceBlendshapes.map((b) => Object.fromEntries(b.categories.map((c) => [c.categoryName, c.score]))),
    matrices: r.facialTransformationMatrixes.map((m) => Array.from(m.data)),
  };
}

async function analyse(msg: Extract<ToWorker, { type: 'frame' }>): Promise<void> {
  let image: ImageBitmap | RgbaFrame | null = null;
  try {
    if (!landmarker) throw new Error('the landmarker is not ready');
    const s0 = performance.now();
    image = msg.image instanceof VideoFrame ? await fromVideoFrame(msg.image) : msg.image;
    const scaleMs = performance.now() - s0;
    const t0 = performance.now();
    const input = isRgba(image) ? new ImageData(image.data, image.width, image.height) : image;
    let result: FaceLandmarkerResult;
    let timestamp = msg.timestamp;
    if (mode === 'VIDEO') {
      // detectForVideo needs strictly increasing timestamps.
      timestamp = Math.max(msg.timestamp, lastTimestamp + 1);
      lastTimestamp = timestamp;
      result = landmarker.detectForVideo(input, timestamp);
    } else {
      result = landmarker.detect(input);
    }
    const detectMs = performance.now() - t0;
    const size = { width: image.width, height: image.height };
    const frameImage = image;
    const read: ReadPixels = isRgba(frameImage)
      ? () => ({ rect: { x: 0, y: 0, width: frameImage.width, height: frameImage.height }, data: frameImage.data })
      : bitmapReader(frameImage);
    const h0 = performance.now();
    // A failed hand pass loses the hand test for this frame (handCover null), never the frame.
    let hands: Landmark[][] | undefined;
    try {
      hands = handPass ? await handPass.near(input, result) : undefined;
    } catch {
      hands = undefined;
    }
    const handMs = performance.now() - h0;
    const frame = measureFrame(result, size, read, hands);
    scope.postMessage({
      type: 'result',
      id: msg.id,
      timestamp,
      detectMs,
      scaleMs,
      handMs,
      totalMs: performance.now() - s0,
      frame,
      ...(msg.raw ? { raw: { ...rawOf(result), ...(hands ? { hands } : {}) } } : {}),
    });
  } catch (err) {
    scope.postMessage({ type: 'frame-error', id: msg.id, message: (err as Error)?.message ?? String(err) });
  } finally {
    if (image && !isRgba(image)) image.close();
    else if (!image && msg.image instanceof VideoFrame) msg.image.close();
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'init') void init(msg);
  else if (msg.type === 'frame') chain = chain.then(() => analyse(msg));
  else if (msg.type === 'close') {
    // close() flushes MediaPipe's usage log: the refused request shows up here.
    landmarker?.close();
    landmarker = null;
    handPass?.close();
    handPass = null;
    setTimeout(() => scope.postMessage({ type: 'closed', refused: [...refused] }), 50);
  }
};
