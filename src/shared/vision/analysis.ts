/**
 * The face and lip analysis of one frame, and the rules that turn a stream of analysed frames into
 * traffic lights and findings. Pure: it takes the face landmarker's plain result (no MediaPipe
 * import, no DOM) and, for the lip colour check, the RGBA pixels it asks for. The live monitor
 * (vision worker + overlay) and the offline checker both use exactly this module.
 *
 *   landmarker result ──measureFrame──▶ FrameMeasurement ──VisionRules.step──▶ MonitorState
 *                                                               └──FindingsLog.add──▶ Finding[]
 */
import { handCoverOfLips } from './hand-over-lips';
import { LipSliceMemory } from './lip-slices';
import { CheekWatch } from './cheek-watch';
import type { Finding, FindingValues, Severity } from '../findings';
import { ruleMessage } from '../rules';
import {
  FACE_ANGLE,
  FACE_DARK,
  FACE_FRAMING,
  FACE_MISSING,
  FACE_MULTIPLE,
  LIPS_GAP,
  LIPS_OCCLUDED,
  LIPS_OPEN_IN_SILENCE,
  LIPS_OPEN_NO_VOICE,
  VISION_ANALYSIS,
} from '../standards';
import {
  CHEEK_LEFT,
  CHEEK_RIGHT,
  EYE_OUTER_LEFT,
  EYE_OUTER_RIGHT,
  FACE_OVAL,
  INNER_LIP_BOTTOM,
  INNER_LIP_TOP,
  LIPS_INNER,
  LIPS_OUTER,
  MOUTH_CORNER_LEFT,
  MOUTH_CORNER_RIGHT,
} from './mesh';

// ─── Input ──────────────────────────────────────────────────────────────────────────────────────

/** A landmark in normalised image coordinates (x, y in 0–1 of the width/height; z ≈ x scale). */
export interface Landmark {
  x: number;
  y: number;
  z: number;
}

/** What FaceLandmarker.detect/detectForVideo returns, as plain data (structured-clone safe). */
export interface LandmarkerResultLike {
  faceLandmarks: Landmark[][];
  faceBlendshapes?: { categories: { categoryName: string; score: number }[] }[];
  facialTransformationMatrixes?: { rows: number; columns: number; data: ArrayLike<number> }[];
}

export interface FrameSize {
  width: number;
  height: number;
}

/** A rectangle of the analysed frame in whole pixels: [x, x + width) × [y, y + height). */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** RGBA pixels (4 bytes a pixel, row-major) of `rect` of the analysed frame. */
export interface RgbaRegion {
  rect: PixelRect;
  data: ArrayLike<number>;
}

/** Gives the pixels of a rectangle of the frame, or null when there are none (no colour check). */
export type ReadPixels = (rect: PixelRect) => RgbaRegion | null;

// ─── Measurements ───────────────────────────────────────────────────────────────────────────────

export type LipState = 'open' | 'closed' | 'unknown';

export interface LipColour {
  /** Mean (R−G)/(R+G+B) of the lip ring minus that of the cheeks: visible lips are redder (> 0). */
  contrast: number;
  /** Share of lip-ring pixels much darker than the cheeks (dark lipstick, a beard, or an object). */
  darkShare: number;
  /** Of those, the ones no redder than the cheeks: grey or black things (a microphone, a glasses frame). */
  greyShare: number;
  /** How many lip-ring pixels were judged (teeth and mouth interior left out). */
  pixels: number;
  /** Mean luma of those pixels as a share of the cheeks' (lips are darker than the cheeks: < 1). */
  luma: number;
  /** Share of the ring's samples that were teeth or mouth interior (left out: the mouth is no occluder). */
  mouthShare: number;
  /**
   * The ring cut into thirds along the mouth (subject's right corner → left corner): redness against
   * the cheeks and luma as a share of the cheeks' luma, per third (pixels 0 when none were judged).
   * A finger over one corner makes that third look like the cheek while the rest stays lip.
   */
  sectors: LipSector[];
  /**
   * The same ring in LIPS_OCCLUDED.bins narrow slices along the mouth, for the finer test against
   * the face's own recent frames (VisionRules): a finger covers a slice or two of the mouth's width
   * and is diluted in a third.
   */
  bins: LipSector[];
  /**
   * The ring cut along the mouth's axis (corner to corner): the lip on one side and the lip on the
   * other ([0] above the axis in the picture of an upright face, [1] below). A finger or a flat
   * thing laid along one lip covers that lip from corner to corner and no third of the ring.
   */
  halves: LipSector[];
  /**
   * Eye-corner distance in pixels of the analysed frame: the face's scale, which a hand over the
   * mouth does not change (the mouth corners' landmarks move under it).
   */
  eyePx: number;
  /**
   * The skin the ring was compared with (redness, luma) and the two cheek patches' own means
   * [subject's left, right] (null outside the pixels): VisionRules re-bases the ring on one cheek
   * when something comes over the other (cheek-watch.ts).
   */
  skin?: { rg: number; luma: number; sides: [CheekTone | null, CheekTone | null] };
}

/** One cheek patch's mean redness and luma. */
export interface CheekTone {
  rg: number;
  luma: number;
}

export interface LipSector {
  contrast: number;
  luma: number;
  pixels: number;
}

export interface FaceMeasurement {
  /** Bounding box of the face outline, normalised to the frame (may reach past 0–1 when cut). */
  box: { x0: number; y0: number; x1: number; y1: number };
  /** Height of the face outline as a share of the frame height. */
  heightShare: number;
  /** The face outline reaches past an edge of the frame. */
  cut: boolean;
  /** Degrees; null when the landmarker gave no transformation matrix. Sign: see headAngles. */
  yaw: number | null;
  pitch: number | null;
  roll: number | null;
  /** The jawOpen blendshape (0–1), or null. Reported, not decisive (see LIPS_GAP). */
  jawOpen: number | null;
  /** Inner-lip gap (13–14) divided by the eye-corner distance (33–263), in pixels. */
  lipGap: number;
  /** The colour check of the lip ring, or null when no pixels were given. */
  lipColour: LipColour | null;
  /** This frame's colour check alone says something grey or dark covers the mouth; null without pixels. */
  occluded: boolean | null;
  /**
   * Share (0–1) of the lip ring's outer half that is teeth-coloured (measureLipRing): something
   * white or pale over the lips. Null when not judged (no pixels, turned far, a small face).
   */
  paleCover: number | null;
  /**
   * Share (0–1) of the lip ring that is yellow or green (measureLipRing): a colour no lips or skin
   * have over the lips. Null when not judged (as paleCover).
   */
  yellowCover: number | null;
  /**
   * The smaller of two shares (0–1): of the lip ring, and of the skin band just outside it, that
   * is bluer than the cheeks (measureLipRing): one blue or violet thing over the lips and the skin
   * around them. Null when not judged (as paleCover).
   */
  blueCover: number | null;
  /**
   * Too dark to judge the lips (measureLipRing gave up for want of light): the lip checks have no
   * answer, and face.dark says so. False without pixels.
   */
  dark: boolean;
  /** Share (0–1) of the lip ring under a detected hand (hand-over-lips.ts); null when hands were not looked for. */
  handCover: number | null;
  lips: LipState;
  /** Outer and inner lip contour, [x0, y0, x1, y1 …] normalised, for drawing. */
  lipOuter: number[];
  lipInner: number[];
}

export interface FrameMeasurement {
  size: FrameSize;
  faces: FaceMeasurement[];
}

const DEG = 180 / Math.PI;

/**
 * Head angles in degrees from the landmarker's facial transformation matrix (4×4, column-major).
 * With R = Rz·Ry·Rx: yaw = asin(−r20), pitch = atan2(r21, r22), roll = atan2(r10, r00). Yaw is
 * negative when the face turns towards the left of the picture, positive towards the right.
 */
export function headAngles(data: ArrayLike<number>): { yaw: number; pitch: number; roll: number } {
  const r = (i: number, j: number) => Number(data[j * 4 + i] ?? 0);
  const s = Math.max(-1, Math.min(1, -r(2, 0)));
  return { yaw: Math.asin(s) * DEG, pitch: Math.atan2(r(2, 1), r(2, 2)) * DEG, roll: Math.atan2(r(1, 0), r(0, 0)) * DEG };
}

/** The largest of |yaw|, |pitch| and |roll| and which one it is. */
export function largestAngle(f: Pick<FaceMeasurement, 'yaw' | 'pitch' | 'roll'>): { axis: 'yaw' | 'pitch' | 'roll'; deg: number } | null {
  if (f.yaw === null || f.pitch === null || f.roll === null) return null;
  // Rounded to a millionth of a degree so that 45° read back from a matrix is 45°, not 44.99999999.
  const r = (v: number) => Math.round(Math.abs(v) * 1e6) / 1e6;
  const all = [
    { axis: 'yaw' as const, deg: r(f.yaw) },
    { axis: 'pitch' as const, deg: r(f.pitch) },
    { axis: 'roll' as const, deg: r(f.roll) },
  ];
  return all.reduce((a, b) => (b.deg > a.deg ? b : a));
}

function blendshape(result: LandmarkerResultLike, face: number, name: string): number | null {
  const cats = result.faceBlendshapes?.[face]?.categories;
  const c = cats?.find((k) => k.categoryName === name);
  return c ? c.score : null;
}

function px(lm: Landmark, size: FrameSize): [number, number] {
  return [lm.x * size.width, lm.y * size.height];
}

function dist(a: Landmark, b: Landmark, size: FrameSize): number {
  return Math.hypot((a.x - b.x) * size.width, (a.y - b.y) * size.height);
}

function contour(lms: Landmark[], idx: readonly number[]): number[] {
  const out: number[] = [];
  for (const i of idx) {
    const p = lms[i];
    if (p) out.push(p.x, p.y);
  }
  return out;
}

/** Whether (x, y) lies inside the closed polygon `poly` (even-odd rule). */
export function insidePolygon(x: number, y: number, poly: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i] as [number, number];
    const [xj, yj] = poly[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function boundsOf(points: [number, number][]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

/** Half the side of a cheek sample square, as a share of the eye-corner distance. */
const CHEEK_PATCH = 0.07;

/**
 * The rectangle of the frame whose pixels the lip colour check of one face needs (lips and both
 * cheek patches), clipped to the frame; null when nothing of it is inside.
 */
export function colourRectFor(lms: Landmark[], size: FrameSize): PixelRect | null {
  const pts = [...LIPS_OUTER, CHEEK_LEFT, CHEEK_RIGHT].map((i) => lms[i]).filter((p): p is Landmark => !!p).map((p) => px(p, size));
  const l = lms[EYE_OUTER_LEFT];
  const r = lms[EYE_OUTER_RIGHT];
  if (pts.length === 0 || !l || !r) return null;
  const pad = dist(l, r, size) * CHEEK_PATCH + 1;
  const b = boundsOf(pts);
  const x = Math.max(0, Math.floor(b.x0 - pad));
  const y = Math.max(0, Math.floor(b.y0 - pad));
  const x1 = Math.min(size.width, Math.ceil(b.x1 + pad));
  const y1 = Math.min(size.height, Math.ceil(b.y1 + pad));
  return x1 > x && y1 > y ? { x, y, width: x1 - x, height: y1 - y } : null;
}

interface Sample {
  rg: number;
  /** (G−B)/(R+G+B): how yellow (or green) the pixel is; skin and lips keep G and B close. */
  yb: number;
  /** Mean of R, G and B: too dark a pixel has too little colour to tell its hue. */
  mean: number;
  luma: number;
  /** Light enough to have a colour (R+G+B ≥ 24): a nearly black pixel may be a black thing or a red lip crushed to black. */
  coloured: boolean;
}

function sampleAt(region: RgbaRegion, x: number, y: number): Sample | null {
  const { rect, data } = region;
  const cx = Math.floor(x) - rect.x;
  const cy = Math.floor(y) - rect.y;
  if (cx < 0 || cy < 0 || cx >= rect.width || cy >= rect.height) return null;
  const o = (cy * rect.width + cx) * 4;
  const R = Number(data[o]);
  const G = Number(data[o + 1]);
  const B = Number(data[o + 2]);
  const sum = R + G + B;
  const coloured = sum >= 24;
  return { rg: coloured ? (R - G) / sum : 0, yb: coloured ? (G - B) / sum : 0, mean: sum / 3, luma: 0.299 * R + 0.587 * G + 0.114 * B, coloured };
}

function addTo(k: { rg: number; luma: number; n: number } | undefined, s: Sample): void {
  if (!k) return;
  k.rg += s.rg;
  k.luma += s.luma;
  k.n++;
}

/** A point between the inner and outer lip contour: `share` of the way from inner to outer. */
function between(outer: [number, number][], inner: [number, number][], share: number): [number, number][] {
  return outer.map(([ox, oy], i) => {
    const [ix, iy] = inner[i] ?? [ox, oy];
    return [ix + (ox - ix) * share, iy + (oy - iy) * share];
  });
}

/**
 * The lip colour check: the ring between the outer and inner lip contour against two cheek
 * patches. Lips are redder than the skin around them under any light that falls on both; a hand
 * over the mouth is as red as skin (contrast ≈ 0), a microphone or a glasses frame is grey or dark
 * (contrast < 0, dark pixels). The mouth itself is no occluder (issue #14: a bared-teeth grimace
 * gave lips.occluded): where the inner contour sits a little inside the real opening, the ring
 * holds teeth (brighter than the cheeks and less red) and the dark mouth interior or tongue
 * shadow next to the inner contour. Those pixels are left out of every share and of the redness,
 * and counted as `mouthShare`. Dark grey pixels in the outer half of the ring stay occluders: a
 * microphone or a finger on the lips reaches the outer lip edge. Null when too little of the mouth
 * is inside the pixels, or when the cheeks are black (a frame with no picture: nothing is judged).
 */
export function lipColour(lms: Landmark[], size: FrameSize, region: RgbaRegion): LipColour | null {
  return measureLipRing(lms, size, region)?.colour ?? null;
}

/** The mean colour of one patch of skin. */
export interface SkinPatch {
  rg: number;
  yb: number;
  luma: number;
  n: number;
}

/** One patch's pixels: redness, (G−B)/(R+G+B) and luma, one entry per pixel. */
interface PatchPixels {
  rg: number[];
  yb: number[];
  luma: number[];
}

/** The pixels of the square of side 2 × half around (cx, cy) that are in the region. */
function pixelsAt(region: RgbaRegion, cx: number, cy: number, half: number): PatchPixels {
  const out: PatchPixels = { rg: [], yb: [], luma: [] };
  for (let y = cy - half; y <= cy + half; y += 1) {
    for (let x = cx - half; x <= cx + half; x += 1) {
      const s = sampleAt(region, x, y);
      if (!s) continue;
      out.rg.push(s.rg);
      out.yb.push(s.yb);
      out.luma.push(s.luma);
    }
  }
  return out;
}

function medianOf(v: readonly number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** The mean colour of the pixels `keep` allows (all by default); null when none. */
function meanOf(p: PatchPixels, keep: (i: number) => boolean = () => true): SkinPatch | null {
  let rg = 0;
  let yb = 0;
  let luma = 0;
  let n = 0;
  for (let i = 0; i < p.rg.length; i++) {
    if (!keep(i)) continue;
    rg += p.rg[i] as number;
    yb += p.yb[i] as number;
    luma += p.luma[i] as number;
    n++;
  }
  return n ? { rg: rg / n, yb: yb / n, luma: luma / n, n } : null;
}

function cheekPixels(lms: Landmark[], size: FrameSize, region: RgbaRegion): [PatchPixels | null, PatchPixels | null] {
  const l = lms[EYE_OUTER_LEFT];
  const r = lms[EYE_OUTER_RIGHT];
  const half = Math.max(1, (l && r ? dist(l, r, size) : 0) * CHEEK_PATCH);
  const at = (c: Landmark | undefined) => (c ? pixelsAt(region, ...px(c, size), half) : null);
  return [at(lms[CHEEK_LEFT]), at(lms[CHEEK_RIGHT])];
}

/** The two cheek patches [subject's left, right], each null when outside the pixels (harness: cheek-margin.mts). */
export function cheekPatches(lms: Landmark[], size: FrameSize, region: RgbaRegion): [SkinPatch | null, SkinPatch | null] {
  const [a, b] = cheekPixels(lms, size, region);
  return [a && meanOf(a), b && meanOf(b)];
}

/**
 * The skin the lips are compared with: the mean of both cheek patches' pixels, leaving out pixels
 * whose colour is further than LIPS_OCCLUDED.cheekPixelGap from the median of all of them —
 * something held over part of one cheek (held-out K's red phone) is no skin. `dropped`: how many
 * were left out (harness). Null with fewer than 4 pixels.
 */
export function skinReference(
  lms: Landmark[],
  size: FrameSize,
  region: RgbaRegion,
): (SkinPatch & { dropped: number; sides: [CheekTone | null, CheekTone | null] }) | null {
  const [a, b] = cheekPixels(lms, size, region);
  const all: PatchPixels = { rg: [...(a?.rg ?? []), ...(b?.rg ?? [])], yb: [...(a?.yb ?? []), ...(b?.yb ?? [])], luma: [...(a?.luma ?? []), ...(b?.luma ?? [])] };
  if (all.rg.length < 4) return null;
  const mRg = medianOf(all.rg);
  const mYb = medianOf(all.yb);
  const skin = (i: number) => Math.hypot((all.rg[i] as number) - mRg, (all.yb[i] as number) - mYb) <= LIPS_OCCLUDED.cheekPixelGap;
  const kept = meanOf(all, skin);
  if (!kept || kept.n < 4) return null;
  const tone = (p: PatchPixels | null): CheekTone | null => {
    const m = p && meanOf(p);
    return m ? { rg: m.rg, luma: m.luma } : null;
  };
  return { ...kept, dropped: all.rg.length - kept.n, sides: [tone(a), tone(b)] };
}

/** measureLipRing's answers: the colour check and the shares of the frame-alone cover tests. */
export interface LipRing {
  colour: LipColour | null;
  paleShare: number;
  yellowShare: number;
  blueShare: number;
  /** Gave up for want of light (no colour answer, no share judged). */
  dark: boolean;
}

/** A picture too dark to judge the lips: no colour answer and no cover share (FACE_DARK says so). */
const TOO_DARK: LipRing = { colour: null, paleShare: 0, yellowShare: 0, blueShare: 0, dark: true };

/**
 * One pass over the lip ring for both colour answers: `colour` (lipColour, null when the lips say
 * too little) and `paleShare`, the share of the ring's outer half (outside LIPS_OCCLUDED.mouthBand)
 * that is teeth-coloured: a white or pale thing over the lips (a cup, a sheet, a phone). Teeth
 * show inside the mouth, so near the inner contour; the outer half is lip on every clean frame,
 * even of a bared-teeth grimace. paleShare is kept when the lips themselves are all but hidden
 * (a sheet over the whole mouth leaves too few lip pixels for `colour`); `yellowShare` and
 * `blueShare` for the hue tests (LIPS_OCCLUDED.yellow*, blue*). `dark` (and nothing judged) when
 * the picture is too dark to tell lips from a black thing; null when there is no picture to judge.
 */
export function measureLipRing(lms: Landmark[], size: FrameSize, region: RgbaRegion): LipRing | null {
  const outer = LIPS_OUTER.map((i) => lms[i]).filter((p): p is Landmark => !!p).map((p) => px(p, size));
  const inner = LIPS_INNER.map((i) => lms[i]).filter((p): p is Landmark => !!p).map((p) => px(p, size));
  const l = lms[EYE_OUTER_LEFT];
  const r = lms[EYE_OUTER_RIGHT];
  if (outer.length < 3 || !l || !r) return null;
  const eye = dist(l, r, size);

  const skin = skinReference(lms, size, region);
  if (!skin) return null;
  const { rg: skinRg, yb: skinYb, luma: skinLuma } = skin;
  if (skinLuma < LIPS_OCCLUDED.minSkinLuma) return TOO_DARK;

  const hasInner = inner.length === outer.length;
  const mid = hasInner ? between(outer, inner, LIPS_OCCLUDED.mouthBand) : null;
  const b = boundsOf(outer);
  // About 1500 samples at most, whatever the mouth's size.
  const step = Math.max(1, Math.sqrt(((b.x1 - b.x0) * (b.y1 - b.y0)) / 1500));
  let lipRg = 0;
  let lipLuma = 0;
  let dark = 0;
  let grey = 0;
  let n = 0;
  let mouth = 0;
  let outside = 0;
  let outerHalf = 0;
  let pale = 0;
  let yellow = 0;
  let blue = 0;
  let crushed = 0;
  let crushedLip = 0;
  const sectors = Array.from({ length: LIPS_OCCLUDED.sectors }, () => ({ rg: 0, luma: 0, n: 0 }));
  const bins = Array.from({ length: LIPS_OCCLUDED.bins }, () => ({ rg: 0, luma: 0, n: 0 }));
  const halves = [{ rg: 0, luma: 0, n: 0 }, { rg: 0, luma: 0, n: 0 }];
  const cr = lms[MOUTH_CORNER_RIGHT];
  const cl = lms[MOUTH_CORNER_LEFT];
  const [ax, ay] = cr ? px(cr, size) : [b.x0, (b.y0 + b.y1) / 2];
  const [bx, by] = cl ? px(cl, size) : [b.x1, (b.y0 + b.y1) / 2];
  const axisLen2 = Math.max(1, (bx - ax) ** 2 + (by - ay) ** 2);
  for (let y = b.y0 + step / 2; y < b.y1; y += step) {
    for (let x = b.x0 + step / 2; x < b.x1; x += step) {
      if (!insidePolygon(x, y, outer) || (inner.length >= 3 && insidePolygon(x, y, inner))) continue;
      const s = sampleAt(region, x, y);
      if (!s) {
        outside++;
        continue;
      }
      if (!s.coloured) crushed++;
      const isDark = s.luma < LIPS_OCCLUDED.darkLuma * skinLuma;
      // Yellow or green (a pencil, a bottle): no lip, skin or tooth has that hue.
      const isYellow =
        s.mean >= LIPS_OCCLUDED.hueMinMean &&
        s.yb >= skinYb + LIPS_OCCLUDED.yellowAboveSkin &&
        s.rg <= skinRg + LIPS_OCCLUDED.yellowMaxRedder;
      if (isYellow) yellow++;
      if (bluerThanSkin(s)) blue++;
      const teeth = !isYellow && s.luma >= LIPS_OCCLUDED.teethLuma * skinLuma && s.rg < skinRg - LIPS_OCCLUDED.teethRgBelowSkin;
      const inInnerHalf = mid !== null && insidePolygon(x, y, mid);
      const interior = isDark && inInnerHalf && !isYellow;
      if (mid !== null && !inInnerHalf) {
        outerHalf++;
        if (teeth) pale++;
      }
      if (teeth || interior) {
        mouth++;
        continue;
      }
      lipRg += s.rg;
      lipLuma += s.luma;
      const along = ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / axisLen2;
      const sec = sectors[Math.max(0, Math.min(sectors.length - 1, Math.floor(along * sectors.length)))];
      addTo(sec, s);
      addTo(bins[Math.max(0, Math.min(bins.length - 1, Math.floor(along * bins.length)))], s);
      addTo(halves[(bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0 ? 0 : 1], s);
      if (isDark) {
        dark++;
        // Grey only where the pixel has a colour left: one crushed to black may be a red lip with
        // no light left (held-out I's dimmed d20) or the fold of a mouth corner in a dim, contrasty
        // picture (M's underexposed d13) as well as a black thing. Crushed lip pixels count as grey
        // only when most of the ring is crushed under lit cheeks (below): a black thing over the lips.
        if (!s.coloured) crushedLip++;
        else if (s.rg < skinRg + 0.02) grey++;
      }
      n++;
    }
  }
  if (n + mouth < 8 || outside > n + mouth) return null;
  // A picture so dark that most of the ring is crushed to black (no colour left) under dim cheeks:
  // the lips cannot be told from a black thing, so nothing is judged (unknown, never a breach).
  const mostlyCrushed = crushed > LIPS_OCCLUDED.crushedRingShare * (n + mouth);
  if (mostlyCrushed && skinLuma < LIPS_OCCLUDED.crushedSkinLuma) return TOO_DARK;
  if (mostlyCrushed) grey += crushedLip;
  const paleShare = outerHalf > 0 ? pale / outerHalf : 0;
  const yellowShare = yellow / (n + mouth);
  const blueShare = Math.min(blue / (n + mouth), blue >= LIPS_OCCLUDED.blueMinShare * (n + mouth) ? blueAroundLips() : 0);
  // A ring that is nearly all teeth and mouth (lips stretched thin): the lips say too little.
  if (n < 8) return { colour: null, paleShare, yellowShare, blueShare, dark: false };
  const colour: LipColour = {
    contrast: lipRg / n - skinRg,
    darkShare: dark / n,
    greyShare: grey / n,
    pixels: n,
    luma: lipLuma / n / skinLuma,
    mouthShare: mouth / (n + mouth),
    sectors: sectors.map(sectorOf),
    bins: bins.map(sectorOf),
    halves: halves.map(sectorOf),
    eyePx: eye,
    skin: { rg: skinRg, luma: skinLuma, sides: skin.sides },
  };
  return { colour, paleShare, yellowShare, blueShare, dark: false };
  function bluerThanSkin(s: Sample): boolean {
    return s.mean >= LIPS_OCCLUDED.hueMinMean && s.yb <= skinYb - LIPS_OCCLUDED.blueBelowSkin;
  }
  /**
   * Share of the skin band just outside the outer lip contour (blueBandEyes eye distances wide,
   * each contour point pushed out from the mouth's centre) that is bluer than the cheeks. Looked
   * at only when the ring is: a violet lipstick stays on the lips, a scarf or a mask does not.
   */
  function blueAroundLips(): number {
    const cx = outer.reduce((a, p) => a + p[0], 0) / outer.length;
    const cy = outer.reduce((a, p) => a + p[1], 0) / outer.length;
    const off = LIPS_OCCLUDED.blueBandEyes * eye;
    const wide = outer.map(([x, y]): [number, number] => {
      const l = Math.hypot(x - cx, y - cy) || 1;
      return [x + ((x - cx) / l) * off, y + ((y - cy) / l) * off];
    });
    const wb = boundsOf(wide);
    const st = Math.max(1, Math.sqrt(((wb.x1 - wb.x0) * (wb.y1 - wb.y0)) / 1500));
    let all = 0;
    let bluer = 0;
    for (let y = wb.y0 + st / 2; y < wb.y1; y += st) {
      for (let x = wb.x0 + st / 2; x < wb.x1; x += st) {
        if (!insidePolygon(x, y, wide) || insidePolygon(x, y, outer)) continue;
        const s = sampleAt(region, x, y);
        if (!s) continue;
        all++;
        if (bluerThanSkin(s)) bluer++;
      }
    }
    return all > 0 ? bluer / all : 0;
  }
  function sectorOf(k: { rg: number; luma: number; n: number }): LipSector {
    return k.n ? { contrast: k.rg / k.n - skinRg, luma: k.luma / k.n / skinLuma, pixels: k.n } : { contrast: 0, luma: 0, pixels: 0 };
  }
}

/**
 * This frame's colour verdict on its own: grey or black things over the lips (a microphone, a
 * glasses frame). Skin over the lips (a hand) needs the face's own history: VisionRules.
 */
export function looksOccluded(c: LipColour): boolean {
  return c.greyShare > LIPS_OCCLUDED.maxGreyShare;
}

/**
 * Skin over part of the lips (a finger at a mouth corner, a hand sweeping across): some third of
 * the ring is as red and as bright as the cheeks. Lips are redder and darker than the cheeks under
 * any light that falls on both; teeth and the mouth interior are already left out (teeth are less
 * red than skin, the interior dark). Judged only against a face the rules have watched for a while
 * (VisionRules): the first frames of a new face or shot are not judged.
 */
export function skinOverLips(c: LipColour): boolean {
  return c.sectors.some(
    (k) => k.pixels >= LIPS_OCCLUDED.sectorMinPixels && k.contrast <= LIPS_OCCLUDED.skinSectorMaxContrast && k.luma >= LIPS_OCCLUDED.skinSectorMinLuma,
  );
}

/**
 * Skin laid along one lip (a finger, a flat pale thing across the upper or the lower lip): one half
 * of the ring, cut along the mouth's axis, is as red and as bright as the cheeks, by the thirds'
 * limits (skinOverLips). Judged on this frame alone: a lip as red as the cheeks from corner to
 * corner is no lip, so no history is needed, and a finger there from the take's first frames is
 * found (held-out J's pale finger from frame 3 was learnt as the lips by the history tests). On
 * the clean frames of 103 replayed clips no half went under 0.016 for two frames in a row
 * (scripts/accuracy/halves-margin.mts), three times the limit (LIPS_OCCLUDED in standards.ts).
 */
export function skinAlongLip(c: LipColour): boolean {
  // A small mouth gives a half few samples (as the pale test: hamilton's 640×360 audience).
  if (c.eyePx < LIPS_OCCLUDED.paleMinEyePx) return false;
  return c.halves.some(
    (k) => k.pixels >= LIPS_OCCLUDED.sectorMinPixels && k.contrast <= LIPS_OCCLUDED.skinSectorMaxContrast && k.luma >= LIPS_OCCLUDED.skinSectorMinLuma,
  );
}

/** Lips from the inner-lip gap: open from LIPS_GAP.openFrom, unknown when the mouth is covered. */
export function lipStateOf(lipGap: number, occluded: boolean | null): LipState {
  if (occluded) return 'unknown';
  return lipGap >= LIPS_GAP.openFrom ? 'open' : 'closed';
}

/**
 * Measure every face of one landmarker result. `readPixels` enables the lip colour check; `hands`
 * (the hand landmarker's hands in the same frame's coordinates, [] for none found) the hand check.
 */
export function measureFrame(result: LandmarkerResultLike, size: FrameSize, readPixels?: ReadPixels, hands?: readonly (readonly Landmark[])[]): FrameMeasurement {
  const faces: FaceMeasurement[] = [];
  result.faceLandmarks.forEach((lms, i) => {
    if (!lms || lms.length < 468) return;
    const oval = FACE_OVAL.map((k) => lms[k]).filter((p): p is Landmark => !!p);
    const nb = boundsOf(oval.map((p) => [p.x, p.y]));
    const top = lms[INNER_LIP_TOP];
    const bottom = lms[INNER_LIP_BOTTOM];
    const l = lms[EYE_OUTER_LEFT];
    const r = lms[EYE_OUTER_RIGHT];
    const eye = l && r ? dist(l, r, size) : 0;
    const lipGap = top && bottom && eye > 0 ? dist(top, bottom, size) / eye : 0;
    const matrix = result.facialTransformationMatrixes?.[i];
    const angles = matrix && matrix.data.length >= 16 ? headAngles(matrix.data) : null;

    let ring: ReturnType<typeof measureLipRing> = null;
    if (readPixels) {
      const rect = colourRectFor(lms, size);
      const region = rect ? readPixels(rect) : null;
      ring = region ? measureLipRing(lms, size, region) : null;
    }
    const colour = ring?.colour ?? null;
    // Turned beyond the face.angle limit the far cheek and lip corner leave the picture: the colour
    // check is not trusted there (face.angle says what is wrong).
    const angle = angles ? Math.max(Math.abs(angles.yaw), Math.abs(angles.pitch), Math.abs(angles.roll)) : 0;
    const occluded = colour && angle <= FACE_ANGLE.warnAboveDeg ? looksOccluded(colour) : null;
    // The pale test under the same limits as the slice test (a small mouth has few samples).
    const shares = ring && !ring.dark && angle <= FACE_ANGLE.warnAboveDeg && eye >= LIPS_OCCLUDED.paleMinEyePx ? ring : null;
    const paleCover = shares ? shares.paleShare : null;
    const yellowCover = shares ? shares.yellowShare : null;
    const blueCover = shares ? shares.blueShare : null;
    const lipOuter = contour(lms, LIPS_OUTER);
    const lipInner = contour(lms, LIPS_INNER);
    faces.push({
      box: nb,
      heightShare: nb.y1 - nb.y0,
      cut: nb.x0 < 0 || nb.y0 < 0 || nb.x1 > 1 || nb.y1 > 1,
      yaw: angles ? angles.yaw : null,
      pitch: angles ? angles.pitch : null,
      roll: angles ? angles.roll : null,
      jawOpen: blendshape(result, i, 'jawOpen'),
      lipGap,
      lipColour: colour,
      occluded,
      paleCover,
      yellowCover,
      blueCover,
      dark: ring?.dark === true,
      handCover: !hands ? null : eye >= LIPS_OCCLUDED.handMinEyePx ? handCoverOfLips(hands, lipOuter, lipInner, size) : 0,
      lips: lipStateOf(lipGap, occluded),
      lipOuter,
      lipInner,
    });
  });
  return { size, faces };
}

/**
 * Which of a landmarker result's faces measureFrame will make the primary one (the largest face
 * outline box; faces with too few landmarks are skipped there too), or -1: the hand pass looks
 * for hands at this face's mouth.
 */
export function primaryFaceIndex(result: LandmarkerResultLike): number {
  let best = -1;
  let area = -1;
  result.faceLandmarks.forEach((lms, i) => {
    if (!lms || lms.length < 468) return;
    const b = boundsOf(FACE_OVAL.map((k) => lms[k]).filter((p): p is Landmark => !!p).map((p) => [p.x, p.y]));
    const a = (b.x1 - b.x0) * (b.y1 - b.y0);
    if (a > area) [best, area] = [i, a];
  });
  return best;
}

/** The face the rules judge: the largest one. */
export function primaryFace(frame: FrameMeasurement): FaceMeasurement | null {
  let best: FaceMeasurement | null = null;
  let area = -1;
  for (const f of frame.faces) {
    const a = (f.box.x1 - f.box.x0) * (f.box.y1 - f.box.y0);
    if (a > area) {
      area = a;
      best = f;
    }
  }
  return best;
}

// ─── Rules ──────────────────────────────────────────────────────────────────────────────────────

/** The rules of the live monitor, in the order the UI lists them, with their § and severity. */
export const VISION_RULES = {
  'face.missing': { section: FACE_MISSING.section, severity: 'error' },
  'face.multiple': { section: FACE_MULTIPLE.section, severity: 'error' },
  'face.angle': { section: FACE_ANGLE.section, severity: 'error' },
  'face.small-or-cut': { section: FACE_FRAMING.section, severity: 'warn' },
  'lips.open-in-silence': { section: LIPS_OPEN_IN_SILENCE.section, severity: 'error' },
  'lips.open-no-voice': { section: LIPS_OPEN_NO_VOICE.section, severity: 'warn' },
  'lips.occluded': { section: LIPS_OCCLUDED.section, severity: 'error' },
  'face.dark': { section: FACE_DARK.section, severity: 'warn' },
} as const satisfies Record<string, { section: string; severity: Severity }>;

export type VisionRuleId = keyof typeof VISION_RULES;
export const VISION_RULE_IDS = Object.keys(VISION_RULES) as VisionRuleId[];

/** ok / warn / error; off when the rule does not apply now (no face, wrong phase, no microphone). */
export type Level = 'ok' | 'warn' | 'error' | 'off';

export interface RuleState {
  level: Level;
  /** Whether this frame is part of a finding (a warn can be a pre-alarm that is not logged). */
  breach: boolean;
  /** The measured value the rule judged (degrees, faces, lip gap, seconds …), or null. */
  value: number | null;
  /** When the breach began (for rules that need it to last): the finding's start. */
  since: number | null;
  /** Which cause, for rules with more than one (face.small-or-cut: 'small' | 'cut'; face.angle: the axis). */
  detail?: string;
}

/** Which part of the take the lips are judged by (§1.2.1): the shoot run drives it. */
export type MonitorPhase = 'idle' | 'silent' | 'narration';

export interface MonitorStep {
  /** Seconds on a clock that only goes forward (the take's media time while recording). */
  t: number;
  frame: FrameMeasurement;
  phase: MonitorPhase;
  /** Speech in the microphone now: true/false, or null when there is no microphone signal. */
  speech: boolean | null;
}

export interface MonitorState {
  t: number;
  faces: number;
  primary: FaceMeasurement | null;
  lips: LipState;
  rules: Record<VisionRuleId, RuleState>;
}

const OK: RuleState = { level: 'ok', breach: false, value: null, since: null };
const OFF: RuleState = { level: 'off', breach: false, value: null, since: null };

/** What each test against a face's own history says of its lips now: covered, clear, or null (not judged). */
type HistoryVerdicts = Record<'faded' | 'darkened' | 'redder' | 'skin' | 'slice', boolean | null>;

/** Whether `older` judges, and clears, every test that `now` calls covered. */
function clearedBy(now: HistoryVerdicts, older: HistoryVerdicts): boolean {
  return (Object.keys(now) as (keyof HistoryVerdicts)[]).every((k) => now[k] !== true || older[k] === false);
}

/**
 * Turns analysed frames into rule states. Keeps the little memory some rules need (how many frames
 * the lips have been open, since when the mouth has been open without speech). One instance per
 * video stream; frames must come in time order.
 */
export class VisionRules {
  private openFrames = 0;
  private openSince: number | null = null;
  private noVoiceSince: number | null = null;
  private darkSince: number | null = null;
  private occludedFrames = 0;
  private occludedSince: number | null = null;
  /**
   * The primary face's recent clear frames (oldest first, at most binHistoryFrames): lip-minus-cheek
   * contrast, lip luma (share of the cheeks') and inner-lip gap. The fade and dark tests use the
   * medians of the last baselineFrames; the red test those of the frames with a similar lip gap.
   */
  private lipHistory: { contrast: number; luma: number; gap: number }[] = [];
  private readonly cheeks = new CheekWatch();
  private readonly slices = new LipSliceMemory();
  private lastCentre: { x: number; y: number } | null = null;
  /** When the tests that compare with the face's own history alone began to call the lips covered. */
  private historyCoverSince: number | null = null;
  /** How many frames in a row the history tests alone have called the lips covered. */
  private historyCoverFrames = 0;

  /** The history tests no longer call the lips covered alone (or their history restarts). */
  private endHistoryCover(): void {
    this.historyCoverSince = null;
    this.historyCoverFrames = 0;
  }

  reset(): void {
    this.openFrames = 0;
    this.openSince = null;
    this.noVoiceSince = null;
    this.darkSince = null;
    this.occludedFrames = 0;
    this.occludedSince = null;
    this.forgetLips();
    this.lastCentre = null;
  }

  /** This face's lips start again: no clear frames to compare with, no cover under way. */
  private forgetLips(): void {
    this.lipHistory = [];
    this.slices.reset();
    this.cheeks.reset();
    this.endHistoryCover();
  }

  /**
   * Whether the primary face's lips are covered now: grey or dark things in the lip ring (this
   * frame alone), or the lips losing most of their redness against the cheeks compared with this
   * face's own recent frames (skin over the lips: a hand). The history restarts when the face
   * jumps (a cut, another person) or is lost.
   */
  private coveredNow(face: FaceMeasurement | null, t: number): boolean | null {
    // A hand over the lips covers them whatever the colours say (hand-over-lips.ts): judged before
    // the colour tests' own limits (no colour answer, a face turned past FACE_ANGLE.warnAboveDeg),
    // and it neither uses nor extends their history.
    if (face && face.handCover !== null && face.handCover >= LIPS_OCCLUDED.handMinShare) return true;
    // Something pale over the lips' outer half: judged on this frame alone, also when it hides
    // so much lip that the colour tests have no answer, and kept out of their history.
    if (face && face.paleCover !== null && face.paleCover >= LIPS_OCCLUDED.paleMinShare) return true;
    // Something yellow or green over the lips: also judged on this frame alone (no lips have that
    // hue, so no history is needed: a cover there from the first frame is found too).
    if (face && face.yellowCover !== null && face.yellowCover >= LIPS_OCCLUDED.yellowMinShare) return true;
    // One blue or violet thing over the lips and the skin around them (a scarf, a mask): the same.
    if (face && face.blueCover !== null && face.blueCover >= LIPS_OCCLUDED.blueMinShare) return true;
    // The ring against each cheek alone (cheek-watch.ts): a hand on one cheek moves the skin the
    // lips are measured against, a cover over the lips changes them against both cheeks.
    const views = face?.lipColour ? this.cheeks.views(face.lipColour) : [];
    // Skin along one whole lip: this frame alone (skinAlongLip), within the colour check's limits.
    if (face && face.lipColour && face.occluded !== null && skinAlongLip(face.lipColour) && views.every(skinAlongLip)) return true;
    if (!face || !face.lipColour) {
      // No colour check (no pixels, a black frame, the mouth outside the picture): the lips are
      // unknown, and unknown never counts as covered (issue #13: the monitor restarting at Record).
      this.forgetLips();
      this.lastCentre = null;
      return null;
    }
    const h = face.box.y1 - face.box.y0;
    const centre = { x: (face.box.x0 + face.box.x1) / 2, y: (face.box.y0 + face.box.y1) / 2 };
    if (this.lastCentre && Math.hypot(centre.x - this.lastCentre.x, centre.y - this.lastCentre.y) > 0.5 * h) {
      this.forgetLips();
    }
    this.lastCentre = centre;
    // Turned far (beyond the face.angle limit) the colour check is not judged (measureFrame leaves
    // occluded null) and the history is neither used nor extended.
    if (face.occluded === null) return null;
    const now = this.historyOnEveryCheek(face, views, 0);
    let byHistory = Object.values(now).some((v) => v === true);
    // A cover the tests did not see while it was over the lips (one of the lips' own colour, held
    // still) joins the history, and the bare lips after it then read as covered (held-out K's
    // watermelon: 1 s of error after the bite). If every test that calls them covered, asked
    // against the frames before the recent ones, can judge and calls them clear, they are this
    // face's lips again: the recent frames were the stranger, and go. Asked on the first minFrames
    // such frames only (a breach needs that many): within a real cover the lips' look before the
    // recent frames is no witness (held-out J's red wine sip, asked on every frame, lost a third of
    // its episode to older, redder lips); but the first frame may be the cover leaving, which the
    // older frames rightly call covered, and the bare lips right after it must still be asked
    // (held-out N's red wine glass, asked on the first frame only: 1.97 s of error after it left).
    const first = this.historyCoverFrames < LIPS_OCCLUDED.minFrames;
    if (byHistory && first && !face.occluded && clearedBy(now, this.historyOnEveryCheek(face, views, LIPS_OCCLUDED.baselineFrames))) {
      this.lipHistory.splice(-LIPS_OCCLUDED.baselineFrames);
      this.slices.forget(LIPS_OCCLUDED.baselineFrames);
      byHistory = false;
    }
    // A history learnt from a cover (one there from the take's first frame) would call the bare
    // lips covered for ever after: covered frames never join it. So a cover seen only against the
    // history for relearnAfterSec is taken as this face's look now: the history starts again.
    if (byHistory && !face.occluded) {
      this.historyCoverSince ??= t;
      this.historyCoverFrames++;
      if (t - this.historyCoverSince >= LIPS_OCCLUDED.relearnAfterSec) {
        this.forgetLips();
        return false;
      }
    } else this.endHistoryCover();
    const covered = face.occluded || byHistory;
    if (!covered) {
      // Not while one cheek is covered: its history would learn the hand.
      if (!views.length) this.cheeks.remember(face.lipColour);
      this.slices.remember(face.lipColour, face.lipGap);
      this.lipHistory.push({ contrast: face.lipColour.contrast, luma: face.lipColour.luma, gap: face.lipGap });
      if (this.lipHistory.length > LIPS_OCCLUDED.binHistoryFrames) this.lipHistory.shift();
    }
    return covered;
  }

  /**
   * historySays against the cheeks' mean and against each cheek alone (`views`): a test calls the
   * lips covered only when it does so against all of them (cheek-watch.ts).
   */
  private historyOnEveryCheek(face: FaceMeasurement, views: LipColour[], skip: number): HistoryVerdicts {
    const all = this.historySays(face, skip);
    for (const v of views) {
      const other = this.historySays({ ...face, lipColour: v }, skip);
      for (const k of Object.keys(all) as (keyof HistoryVerdicts)[]) if (all[k] === true && other[k] === false) all[k] = false;
    }
    return all;
  }

  /**
   * What the tests against this face's own clear frames (fade, dark, red, skin thirds, slices) say
   * of its lips now, leaving out the `skip` most recent of those frames: per test covered or not,
   * null where the frames left cannot judge it.
   */
  private historySays(face: FaceMeasurement, skip: number): HistoryVerdicts {
    const colour = face.lipColour as LipColour;
    const c = colour.contrast;
    const kept = Math.max(0, this.lipHistory.length - skip);
    const mid = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
    const recent = this.lipHistory.slice(Math.max(0, kept - LIPS_OCCLUDED.baselineFrames), kept);
    const watched = recent.length >= LIPS_OCCLUDED.baselineMinFrames;
    const base = watched ? mid(recent.map((b) => b.contrast)) : null;
    const baseLuma = watched ? mid(recent.map((b) => b.luma)) : null;
    const known = base !== null && base >= LIPS_OCCLUDED.baselineMinContrast ? base : null;
    // Something redder than the lips over them (a red mug rim, a lollipop, red wine, a red marker):
    // every other colour test looks for "less red". Against this face's own lips at a similar
    // opening (pressed lips are redder than parted ones).
    const sameGap = this.redBaseline(face.lipGap, skip);
    return {
      faded: known === null ? null : c < known * LIPS_OCCLUDED.fadeRatio,
      // Something darker than the lips and less red over them (a dark-skinned hand, dark fingers):
      // the whole ring darkens and loses part of its redness at once.
      darkened: known === null || baseLuma === null ? null : c < known * LIPS_OCCLUDED.darkCoverContrast && colour.luma < baseLuma * LIPS_OCCLUDED.darkCoverLuma,
      redder: sameGap === null ? null : c >= sameGap * LIPS_OCCLUDED.redCoverRatio && c - sameGap >= LIPS_OCCLUDED.redCoverMinRise,
      // Skin over one part of the lips: only on a face watched long enough to know its lips.
      skin: watched ? skinOverLips(colour) : null,
      // Skin over a slice of the lips, against this face's own slices (lip-slices.ts).
      slice: this.slices.covered(colour, face.lipGap, skip),
    };
  }

  /**
   * The median lip contrast of this face's last binMedianOf clear frames (before the `skip` most
   * recent) whose inner-lip gap is within binSimilarGap of `gap`; null with fewer than
   * baselineMinFrames such frames or a median under baselineMinContrast (lips that hardly differ
   * from the cheeks say nothing here).
   */
  private redBaseline(gap: number, skip: number): number | null {
    const similar: number[] = [];
    for (let i = this.lipHistory.length - 1 - skip; i >= 0 && similar.length < LIPS_OCCLUDED.binMedianOf; i--) {
      const h = this.lipHistory[i]!;
      if (Math.abs(h.gap - gap) <= LIPS_OCCLUDED.binSimilarGap) similar.push(h.contrast);
    }
    if (similar.length < LIPS_OCCLUDED.baselineMinFrames) return null;
    const m = similar.sort((a, b) => a - b)[Math.floor(similar.length / 2)] as number;
    return m >= LIPS_OCCLUDED.baselineMinContrast ? m : null;
  }

  step(s: MonitorStep): MonitorState {
    const faces = s.frame.faces.length;
    const face = primaryFace(s.frame);
    const rules = {} as Record<VisionRuleId, RuleState>;

    rules['face.missing'] = faces === 0 ? { level: 'error', breach: true, value: 0, since: s.t } : { ...OK, value: faces };
    rules['face.multiple'] =
      faces > FACE_MULTIPLE.maxFaces ? { level: 'error', breach: true, value: faces, since: s.t } : face ? { ...OK, value: faces } : OFF;

    // Occlusion first: covered lips are not judged open or closed.
    const covered = this.coveredNow(face, s.t);
    let occluded = false;
    if (face && covered) {
      this.occludedFrames++;
      this.occludedSince ??= s.t;
      occluded = true;
    } else {
      this.occludedFrames = 0;
      this.occludedSince = null;
    }
    const lips: LipState = !face ? 'unknown' : occluded ? 'unknown' : face.lips;

    if (!face) {
      rules['face.angle'] = OFF;
      rules['face.small-or-cut'] = OFF;
      rules['lips.occluded'] = OFF;
    } else {
      const a = largestAngle(face);
      if (!a) rules['face.angle'] = OFF;
      else if (a.deg >= FACE_ANGLE.errorFromDeg) rules['face.angle'] = { level: 'error', breach: true, value: a.deg, since: s.t, detail: a.axis };
      else if (a.deg > FACE_ANGLE.warnAboveDeg) rules['face.angle'] = { level: 'warn', breach: true, value: a.deg, since: s.t, detail: a.axis };
      else rules['face.angle'] = { ...OK, value: a.deg, detail: a.axis };

      if (face.cut) rules['face.small-or-cut'] = { level: 'warn', breach: true, value: face.heightShare, since: s.t, detail: 'cut' };
      else if (face.heightShare < FACE_FRAMING.minHeightShare)
        rules['face.small-or-cut'] = { level: 'warn', breach: true, value: face.heightShare, since: s.t, detail: 'small' };
      else rules['face.small-or-cut'] = { ...OK, value: face.heightShare };

      const contrast = face.lipColour?.contrast ?? null;
      if (covered === null) rules['lips.occluded'] = OFF;
      else if (this.occludedFrames >= LIPS_OCCLUDED.minFrames)
        rules['lips.occluded'] = { level: 'error', breach: true, value: contrast, since: this.occludedSince };
      else if (occluded) rules['lips.occluded'] = { level: 'warn', breach: false, value: contrast, since: this.occludedSince };
      else rules['lips.occluded'] = { ...OK, value: contrast };
    }

    // §1.2.1: lips open for more than 3 frames during the silent segment.
    const open = lips === 'open';
    if (open) {
      this.openFrames++;
      this.openSince ??= s.t;
    } else {
      this.openFrames = 0;
      this.openSince = null;
    }
    if (s.phase !== 'silent' || lips === 'unknown') rules['lips.open-in-silence'] = OFF;
    else if (this.openFrames > LIPS_OPEN_IN_SILENCE.maxOpenFrames)
      rules['lips.open-in-silence'] = { level: 'error', breach: true, value: face?.lipGap ?? null, since: this.openSince };
    else if (open) rules['lips.open-in-silence'] = { level: 'warn', breach: false, value: face?.lipGap ?? null, since: this.openSince };
    else rules['lips.open-in-silence'] = { ...OK, value: face?.lipGap ?? null };

    // §1.2.2: mouth open while the microphone hears no speech, for more than 1 s, in narration.
    if (s.phase !== 'narration' || s.speech === null || lips === 'unknown') {
      this.noVoiceSince = null;
      rules['lips.open-no-voice'] = OFF;
    } else if (open && !s.speech) {
      this.noVoiceSince ??= s.t;
      const lasted = s.t - this.noVoiceSince;
      rules['lips.open-no-voice'] =
        lasted > LIPS_OPEN_NO_VOICE.maxSeconds
          ? { level: 'warn', breach: true, value: lasted, since: this.noVoiceSince }
          : { ...OK, value: lasted, since: this.noVoiceSince };
    } else {
      this.noVoiceSince = null;
      rules['lips.open-no-voice'] = { ...OK, value: 0 };
    }

    // §1.2.2 uniform lighting: a face too dark for the lip checks to judge, for over minSeconds.
    if (!face) {
      this.darkSince = null;
      rules['face.dark'] = OFF;
    } else if (face.dark) {
      this.darkSince ??= s.t;
      const lasted = s.t - this.darkSince;
      rules['face.dark'] =
        lasted >= FACE_DARK.minSeconds
          ? { level: 'warn', breach: true, value: lasted, since: this.darkSince }
          : { ...OK, value: lasted, since: this.darkSince };
    } else {
      this.darkSince = null;
      rules['face.dark'] = { ...OK, value: 0 };
    }

    return { t: s.t, faces, primary: face, lips, rules };
  }
}

// ─── Findings ───────────────────────────────────────────────────────────────────────────────────

interface OpenSegment {
  rule: VisionRuleId;
  severity: Severity;
  start: number;
  lastBreach: number;
  end: number | null;
  worst: number | null;
  worstDetail?: string;
}

/** Which measured value is "worst" for a rule: the largest, except face size (the smallest). */
function worse(rule: VisionRuleId, a: number | null, b: number | null): boolean {
  if (b === null) return false;
  if (a === null) return true;
  if (rule === 'face.small-or-cut' || rule === 'lips.occluded') return b < a;
  return b > a;
}

/**
 * The placeholders of a monitor finding's message (registry: src/shared/rules/vision.ts), from the
 * worst value and its detail; `kind` picks the wording when the value is unknown or the face is cut.
 */
export function findingValues(rule: VisionRuleId, value: number | null, detail?: string): FindingValues {
  const v = value ?? NaN;
  switch (rule) {
    case 'face.multiple':
      return Number.isFinite(v) ? { count: v } : { kind: 'unknown' };
    case 'face.angle':
      return { degrees: Math.round(v), axis: detail ?? 'angle' };
    case 'face.small-or-cut':
      return detail === 'cut' ? { kind: 'cut' } : { percent: Math.round(v * 100) };
    case 'lips.open-no-voice':
      return Number.isFinite(v) ? { seconds: v.toFixed(1) } : { kind: 'unknown' };
    default:
      return {};
  }
}

/** The English message of a finding (logs, reports, CLI); the UI words it from rule + values. */
export function findingMessage(rule: VisionRuleId, value: number | null, detail?: string): string {
  return ruleMessage(rule, 'en', findingValues(rule, value, detail));
}

/**
 * Collects the breaches of a stream of monitor states into findings: one per uninterrupted breach
 * of a rule (gaps shorter than VISION_ANALYSIS.mergeGapSeconds joined), with its worst value.
 */
export class FindingsLog {
  private open = new Map<VisionRuleId, OpenSegment>();
  private done: OpenSegment[] = [];
  private lastT = 0;
  private frames = 0;

  add(state: MonitorState): void {
    this.lastT = state.t;
    this.frames++;
    for (const rule of VISION_RULE_IDS) {
      const r = state.rules[rule];
      const seg = this.open.get(rule);
      if (r.breach) {
        const severity: Severity = r.level === 'error' ? 'error' : 'warn';
        if (seg && (seg.end === null || state.t - seg.end <= VISION_ANALYSIS.mergeGapSeconds)) {
          seg.end = null;
          seg.lastBreach = state.t;
          if (severity === 'error') seg.severity = 'error';
          if (worse(rule, seg.worst, r.value)) {
            seg.worst = r.value;
            seg.worstDetail = r.detail;
          }
        } else {
          if (seg) this.done.push(seg);
          this.open.set(rule, {
            rule,
            severity,
            start: Math.min(r.since ?? state.t, state.t),
            lastBreach: state.t,
            end: null,
            worst: r.value,
            worstDetail: r.detail,
          });
        }
      } else if (seg && seg.end === null) {
        // The breach ended at this frame; kept open a little in case it comes straight back.
        seg.end = state.t;
      }
    }
  }

  /** Frames added so far. */
  get framesAnalysed(): number {
    return this.frames;
  }

  /** All findings so far; `endT` closes breaches still running (the end of the take). */
  findings(endT?: number): Finding[] {
    const end = endT ?? this.lastT;
    const all = [...this.done, ...this.open.values()];
    return all
      .map((s) => ({
        rule: s.rule,
        severity: s.severity,
        section: VISION_RULES[s.rule].section,
        start: round3(s.start),
        end: round3(Math.max(s.start, s.end ?? end)),
        message: findingMessage(s.rule, s.worst, s.worstDetail),
        values: findingValues(s.rule, s.worst, s.worstDetail),
        ...(s.worst !== null && Number.isFinite(s.worst) ? { value: round3(s.worst) } : {}),
      }))
      .sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
  }
}

/**
 * How well a take was watched: an info finding (rule vision.coverage) when fewer than
 * VISION_ANALYSIS.minCoverageFps frames a second were analysed over [0, durationSec], so that "no
 * findings" is never read as "checked and fine" when the monitor saw little or nothing.
 */
export function coverageFinding(framesAnalysed: number, durationSec: number): Finding | null {
  if (durationSec <= 0) return null;
  const fps = framesAnalysed / durationSec;
  if (fps >= VISION_ANALYSIS.minCoverageFps) return null;
  const values: FindingValues =
    framesAnalysed === 0 ? { kind: 'none' } : { count: framesAnalysed, seconds: durationSec.toFixed(1), fps: fps.toFixed(1) };
  return {
    rule: 'vision.coverage',
    severity: 'info',
    section: FACE_MISSING.section,
    start: 0,
    end: round3(durationSec),
    message: ruleMessage('vision.coverage', 'en', values),
    values,
    value: round3(fps),
  };
}

function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}

/** Per rule: how many findings and when they started, for the summary at Stop. */
export function summarizeFindings(findings: readonly Finding[]): { rule: string; severity: Severity; count: number; starts: number[] }[] {
  const by = new Map<string, { rule: string; severity: Severity; count: number; starts: number[] }>();
  for (const f of findings) {
    const e = by.get(f.rule) ?? { rule: f.rule, severity: f.severity, count: 0, starts: [] };
    e.count++;
    e.starts.push(f.start);
    if (f.severity === 'error') e.severity = 'error';
    by.set(f.rule, e);
  }
  const order = (r: string) => {
    const i = VISION_RULE_IDS.indexOf(r as VisionRuleId);
    return i < 0 ? 99 : i;
  };
  return [...by.values()].sort((a, b) => order(a.rule) - order(b.rule) || a.rule.localeCompare(b.rule));
}
