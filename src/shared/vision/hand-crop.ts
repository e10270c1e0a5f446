/**
 * Where the hand pass looks (LIPS_OCCLUDED.handCrop*): a square handCropEyes eye-corner distances
 * wide, centred handCropBelow of them below the mouth, cut to the frame. Cutting matters on a
 * close-up: the square is then larger than the picture, and scaling the whole square to the
 * detector's input would shrink the hand with empty border (on a 512-px close-up with the eye
 * corners 180 px apart the picture filled under half of it, and a square over twice the frame was
 * not looked at at all: held-out E's real hands over d3's and d14's lips were never seen).
 */
import { LIPS_OCCLUDED } from '../standards';
import type { Landmark } from './analysis';
import { EYE_OUTER_LEFT, EYE_OUTER_RIGHT, INNER_LIP_BOTTOM, INNER_LIP_TOP } from './mesh';

export interface HandCrop {
  /** The part of the frame looked at, in pixels (integers, inside the frame). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The size it is scaled to: its longer side at most maxSide, the aspect ratio kept. */
  outWidth: number;
  outHeight: number;
}

/** Under this many pixels a side holds no hand worth a detector's look. */
const MIN_SIDE = 8;

/**
 * The crop for `face` (its mesh landmarks, normalised to a `frameWidth` × `frameHeight` frame), or
 * null when there is nothing to look at: no usable face, a face too small for the hand test
 * (handMinEyePx), or a square that misses the picture.
 */
export function handCropFor(face: readonly Landmark[] | undefined, frameWidth: number, frameHeight: number, maxSide: number): HandCrop | null {
  const top = face?.[INNER_LIP_TOP];
  const bottom = face?.[INNER_LIP_BOTTOM];
  const l = face?.[EYE_OUTER_LEFT];
  const r = face?.[EYE_OUTER_RIGHT];
  if (!top || !bottom || !l || !r) return null;
  if (!(frameWidth >= MIN_SIDE && frameHeight >= MIN_SIDE && maxSide >= MIN_SIDE)) return null;
  const eye = Math.hypot((l.x - r.x) * frameWidth, (l.y - r.y) * frameHeight);
  // Too small a face for the hand test (measureFrame ignores its hands): spare the detector.
  if (!(eye >= LIPS_OCCLUDED.handMinEyePx)) return null;
  const side = LIPS_OCCLUDED.handCropEyes * eye;
  const cx = ((top.x + bottom.x) / 2) * frameWidth;
  const cy = ((top.y + bottom.y) / 2) * frameHeight + LIPS_OCCLUDED.handCropBelow * eye;
  const x0 = Math.max(0, Math.round(cx - side / 2));
  const y0 = Math.max(0, Math.round(cy - side / 2));
  const x1 = Math.min(Math.floor(frameWidth), Math.round(cx + side / 2));
  const y1 = Math.min(Math.floor(frameHeight), Math.round(cy + side / 2));
  // NaN from a broken landmark fails these comparisons too.
  if (!(x1 - x0 >= MIN_SIDE && y1 - y0 >= MIN_SIDE)) return null;
  const width = x1 - x0;
  const height = y1 - y0;
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return {
    x: x0,
    y: y0,
    width,
    height,
    outWidth: Math.max(1, Math.round(width * scale)),
    outHeight: Math.max(1, Math.round(height * scale)),
  };
}

/** A hand landmark from the crop's normalised coordinates to the frame's. */
export function cropToFrame(p: Landmark, crop: HandCrop, frameWidth: number, frameHeight: number): Landmark {
  return { x: (crop.x + p.x * crop.width) / frameWidth, y: (crop.y + p.y * crop.height) / frameHeight, z: p.z };
}
