import type { FrameMeasurement } from '../../../../shared/vision/analysis';
import type { HandModelUrls } from './hand-pass';

/** Raw RGBA pixels (4 bytes a pixel), e.g. small frames decoded by ffmpeg for the offline checker. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

export type ToWorker =
  | {
      type: 'init';
      /** Absolute URL of the folder with vision_wasm_module_internal.{js,wasm}. */
      wasmBase: string;
      /** Absolute URL of face_landmarker.task. */
      modelUrl: string;
      /** VIDEO for a stream (tracking between frames, monotonic timestamps), IMAGE for unrelated stills. */
      runningMode: 'VIDEO' | 'IMAGE';
      numFaces: number;
      /** The landmarker's delegate (default CPU). GPU: the checker, where a real GPU was found. */
      delegate?: 'CPU' | 'GPU';
      /** The hand pass's model files (hand-pass.ts); without them no hand test, the colour tests only. */
      handModel?: HandModelUrls;
    }
  | {
      type: 'frame';
      id: number;
      /** Milliseconds; in VIDEO mode made strictly increasing by the worker. */
      timestamp: number;
      /**
       * Transferred, not copied; the worker closes it. A VideoFrame (a live camera frame, no pixel
       * work on the UI thread) is scaled to VISION_ANALYSIS.maxSide in the worker; an ImageBitmap
       * or RGBA frame is analysed at its own size.
       */
      image: ImageBitmap | VideoFrame | RgbaFrame;
      /** Also return the landmarker's raw result (landmarks, blendshapes): harness and tests only. */
      raw?: boolean;
    }
  | { type: 'close' };

export interface RawResult {
  faceLandmarks: { x: number; y: number; z: number }[][];
  blendshapes: Record<string, number>[];
  matrices: number[][];
  /** Hands near the primary face's mouth, in the frame's coordinates; absent without the hand pass. */
  hands?: { x: number; y: number; z: number }[][];
}

export type FromWorker =
  /** hands: the hand pass runs; handsError: why it does not (the colour tests still run). */
  | { type: 'ready'; ms: number; hands: boolean; handsError?: string }
  | { type: 'init-error'; stage: 'wasm' | 'model' | 'landmarker'; message: string }
  | {
      type: 'result';
      id: number;
      timestamp: number;
      /** Time in detectForVideo/detect alone, and for the whole frame (incl. scaling and measurement). */
      detectMs: number;
      /** Scaling a VideoFrame to the analysis size (0 for other images). */
      scaleMs: number;
      /** The hand pass (crop and HandLandmarker), 0 without it. */
      handMs: number;
      totalMs: number;
      frame: FrameMeasurement;
      raw?: RawResult;
    }
  | { type: 'frame-error'; id: number; message: string }
  /** refused: outside URLs the worker refused to fetch (MediaPipe's telemetry) during its life. */
  | { type: 'closed'; refused: string[] };
