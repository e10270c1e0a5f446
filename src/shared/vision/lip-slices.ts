/**
 * Skin over a slice of the lips (§1.2.5): the finer half of the "skin over the lips" test. The lip
 * ring is cut into LIPS_OCCLUDED.bins narrow slices along the mouth (lipColour's `bins`); each
 * slice's colour is compared with the same slice in this face's own recent clear frames with the
 * mouth about as open as now. A finger at a corner or across the lips turns one or more slices from
 * their own lip colour to the cheek's colour; speech, a smile or a wide-open mouth change a slice's
 * colour too, but far less, and mostly through how open the mouth is — hence the history is taken
 * from frames with a similar inner-lip gap.
 *
 * The colour is the pair (redness against the cheeks, luma as a share of the cheeks'): the cheek
 * itself is (0, 1). A slice's move towards skin is the projection of (now − its history median)
 * on (cheek − history median), as a share of that distance, with redness weighted so that the
 * lip-to-cheek distance is about as long in redness as in luma (lips are ~0.1 redder and ~0.3
 * darker than the cheeks on the shared clips).
 */
import { LIPS_OCCLUDED } from '../standards';
import type { LipColour, LipSector } from './analysis';

interface Remembered {
  contrast: Float64Array;
  luma: Float64Array;
  gap: number;
}

/** How far each slice moved from its own lip colour towards the cheeks' (1 = all the way), NaN when not judged. */
export function towardsSkin(now: readonly LipSector[], lipContrast: ArrayLike<number>, lipLuma: ArrayLike<number>): number[] {
  const w = LIPS_OCCLUDED.binRednessWeight;
  return now.map((k, i) => {
    const hc = Number(lipContrast[i]);
    const hl = Number(lipLuma[i]);
    const vc = (0 - hc) * w;
    const vl = 1 - hl;
    const d2 = vc * vc + vl * vl;
    // A slice that is hardly different from the cheek even when clear (a thin corner) says nothing.
    if (!(k.pixels >= LIPS_OCCLUDED.binMinPixels) || !(d2 >= LIPS_OCCLUDED.binMinLipToSkin ** 2) || !Number.isFinite(hc + hl)) return NaN;
    return ((k.contrast - hc) * w * vc + (k.luma - hl) * vl) / d2;
  });
}

/** The smallest move of binRun adjacent slices, the largest over the runs; -Infinity without a judged run. */
export function runMove(moved: readonly number[]): number {
  let best = -Infinity;
  for (let b = 0; b + LIPS_OCCLUDED.binRun <= moved.length; b++) {
    let low = Infinity;
    for (let k = b; k < b + LIPS_OCCLUDED.binRun; k++) low = Math.min(low, moved[k] as number);
    if (Number.isFinite(low)) best = Math.max(best, low);
  }
  return best;
}

function median(all: number[]): number {
  const values = all.filter(Number.isFinite).sort((a, b) => a - b);
  if (values.length === 0) return NaN;
  const n = values.length;
  return n % 2 ? (values[(n - 1) / 2] as number) : ((values[n / 2 - 1] as number) + (values[n / 2] as number)) / 2;
}

/**
 * The face's recent clear frames, slice by slice. One per primary face; `reset` when the face jumps
 * or is lost (the caller knows).
 */
export class LipSliceMemory {
  private frames: Remembered[] = [];

  reset(): void {
    this.frames = [];
  }

  /**
   * Whether skin covers some slices of the lips now; null when this face is not judged (too small a
   * mouth for slices to mean anything, or too few remembered frames with a similar lip gap).
   */
  covered(c: LipColour, lipGap: number, skip = 0): boolean | null {
    const m = this.move(c, lipGap, skip);
    return m === null ? null : m >= LIPS_OCCLUDED.binToSkin;
  }

  /**
   * The largest move towards the cheeks that binRun adjacent slices all made now (-Infinity when
   * no such run is judged); null when this face is not judged. `covered` compares it with
   * binToSkin; the accuracy harness prints it (the margin). `skip` leaves out that many of the most
   * recent frames (VisionRules asks the older ones for a second opinion).
   */
  move(c: LipColour, lipGap: number, skip = 0): number | null {
    if (!(c.eyePx >= LIPS_OCCLUDED.binMinEyePx) || c.bins?.length !== LIPS_OCCLUDED.bins) return null;
    const similar: Remembered[] = [];
    for (let i = this.frames.length - 1 - skip; i >= 0 && similar.length < LIPS_OCCLUDED.binMedianOf; i--) {
      const f = this.frames[i] as Remembered;
      if (Math.abs(f.gap - lipGap) <= LIPS_OCCLUDED.binSimilarGap) similar.push(f);
    }
    if (similar.length < LIPS_OCCLUDED.baselineMinFrames) return null;
    const n = LIPS_OCCLUDED.bins;
    const lipContrast = new Float64Array(n);
    const lipLuma = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      lipContrast[b] = median(similar.map((f) => f.contrast[b] as number));
      lipLuma[b] = median(similar.map((f) => f.luma[b] as number));
    }
    return runMove(towardsSkin(c.bins, lipContrast, lipLuma));
  }

  /** Forgets the `count` most recent frames (the caller found they were not the lips). */
  forget(count: number): void {
    this.frames.splice(-count);
  }

  /** Adds a frame the caller judged clear. Slices without pixels are remembered as unknown. */
  remember(c: LipColour, lipGap: number): void {
    if (c.bins?.length !== LIPS_OCCLUDED.bins) return;
    this.frames.push({
      contrast: Float64Array.from(c.bins, (k) => (k.pixels ? k.contrast : NaN)),
      luma: Float64Array.from(c.bins, (k) => (k.pixels ? k.luma : NaN)),
      gap: lipGap,
    });
    if (this.frames.length > LIPS_OCCLUDED.binHistoryFrames) this.frames.shift();
  }
}
