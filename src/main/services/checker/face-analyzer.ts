import type { FrameMeasurement } from '../../../shared/vision/analysis';

export interface RgbaFrame {
  t: number;
  rgba: Uint8Array;
  width: number;
  height: number;
}

/**
 * Measures faces in decoded frames with the same vision code as the live monitor. The checker only
 * needs this narrow interface; the implementation runs the vision worker in headless Chromium.
 */
export interface FaceAnalyzer {
  measure(frame: RgbaFrame): Promise<FrameMeasurement>;
  close(): Promise<void>;
}
