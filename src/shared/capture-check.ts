import { CAPTURE_FORMAT, FPS_TOLERANCE } from './standards';

export type CaptureWarning =
  | { id: 'capture.size'; section: string; width: number; height: number }
  | { id: 'capture.fps'; section: string; fps: number }
  | { id: 'capture.landscape'; section: string };

/**
 * Compare what a camera really delivers with §1.2.2 (1080×1920 portrait, 25 fps). Used live on the
 * Devices screen and, later, by the checker on files.
 */
export function checkCaptureFormat(actual: { width: number; height: number; frameRate: number }): CaptureWarning[] {
  const warnings: CaptureWarning[] = [];
  if (actual.width !== CAPTURE_FORMAT.width || actual.height !== CAPTURE_FORMAT.height) {
    warnings.push({ id: 'capture.size', section: CAPTURE_FORMAT.section, width: actual.width, height: actual.height });
  }
  if (actual.width > actual.height) warnings.push({ id: 'capture.landscape', section: '§1.1.2' });
  if (Math.abs(actual.frameRate - CAPTURE_FORMAT.fps) > CAPTURE_FORMAT.fps * FPS_TOLERANCE) {
    warnings.push({ id: 'capture.fps', section: CAPTURE_FORMAT.section, fps: actual.frameRate });
  }
  return warnings;
}
