import type { FrameMeasurement } from '../../../shared/vision/analysis';

export interface RgbaFrame {
  t: number;
  rgba: Uint8Array;
  width: number;
  height: number;
}

/** Where a face pass spent its time (issue #15): totals in ms over `frames` answered frames. */
export interface FaceTimings {
  frames: number;
  /** Main sends a frame → main has its answer (transport both ways + queueing + worker). */
  roundTripMs: number;
  /** Inside the worker: the whole frame (scaling, landmarker, measurement incl. the lip-colour pass). */
  workerMs: number;
  /** Inside the worker: the landmarker's detect()/detectForVideo() alone. */
  detectMs: number;
  /** The hand pass's share of workerMs (0 from a page without one). */
  handMs: number;
}

/** Which delegate ran the landmarker (issue #15: the GPU only where real and verified against the CPU). */
export interface DelegateInfo {
  delegate: 'CPU' | 'GPU';
  /** WebGL2's renderer string in the analyzer page; null without WebGL2. */
  renderer: string | null;
  realGpu: boolean;
  reason: string;
  verifiedFrames: number | null;
  /** Largest CPU/GPU differences on the verified frames. */
  largest: { lipGap: number | null; angleDeg: number | null; boxEdge: number | null } | null;
}

/**
 * Measures faces in decoded frames with the same vision code as the live monitor. The checker only
 * needs this narrow interface; the implementation runs the vision worker in headless Chromium.
 */
export interface FaceAnalyzer {
  measure(frame: RgbaFrame): Promise<FrameMeasurement>;
  close(): Promise<void>;
  /**
   * Frames the analyzer can work on at once (its pool of vision workers); the checker keeps this
   * many in flight. Absent: one at a time.
   */
  readonly concurrency?: number;
  /** Time spent so far, for the benchmark's breakdown. */
  timings?(): FaceTimings;
  /** The delegate chosen (null until the page has chosen). */
  delegate?(): DelegateInfo | null;
  /** Whether the page's hand pass runs (null until the page has said). */
  handPass?(): { on: boolean; error?: string } | null;
}
