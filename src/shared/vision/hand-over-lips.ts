/**
 * How much of the lips a detected hand covers (§1.2.5 "no occlusion of the lips"): the hand as
 * MediaPipe's 21 hand landmarks, drawn as its palm polygon plus a capsule along every bone as wide
 * as a finger; the lips as the ring between the outer and inner lip contours of the face mesh
 * (so an open mouth, teeth and tongue are never lips). The answer is the share of the ring's
 * sample points under the hand. Colour plays no part: a dark, a pale or a gloved hand is a hand.
 */
import { LIPS_OCCLUDED } from '../standards';
import type { FrameSize, Landmark } from './analysis';

/** Hand landmarks: 0 wrist; 1–4 thumb; 5–8 index; 9–12 middle; 13–16 ring; 17–20 little finger. */
const HAND_BONES: readonly (readonly [number, number])[] = [
  [0, 1], [1, 2], [2, 3], [3, 4],
  [5, 6], [6, 7], [7, 8],
  [9, 10], [10, 11], [11, 12],
  [13, 14], [14, 15], [15, 16],
  [17, 18], [18, 19], [19, 20],
];
const PALM = [0, 1, 5, 9, 13, 17] as const;
/** Knuckles of index–middle, middle–ring, ring–little: their spacing is a finger's width. */
const KNUCKLE_PAIRS = [[5, 9], [9, 13], [13, 17]] as const;
export const HAND_LANDMARK_COUNT = 21;

type P = [number, number];

function inPolygon(p: P, poly: readonly P[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distToSegment(p: P, a: P, b: P): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Points of the lip ring (inside the outer contour, outside the inner one), in pixels. */
export function lipRingSamples(outer: readonly P[], inner: readonly P[]): P[] {
  if (outer.length < 3) return [];
  const xs = outer.map((p) => p[0]);
  const ys = outer.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const step = (x1 - x0) / LIPS_OCCLUDED.handRingSteps;
  if (!(step > 0)) return [];
  const out: P[] = [];
  for (let y = y0 + step / 2; y < y1; y += step) {
    for (let x = x0 + step / 2; x < x1; x += step) {
      const p: P = [x, y];
      if (inPolygon(p, outer) && !(inner.length >= 3 && inPolygon(p, inner))) out.push(p);
    }
  }
  return out;
}

/** Whether a point lies on the hand: in its palm or within a finger's half-width of a bone. */
function onHand(p: P, palm: readonly P[], bones: readonly [P, P][], halfWidth: number): boolean {
  if (inPolygon(p, palm)) return true;
  return bones.some(([a, b]) => distToSegment(p, a, b) <= halfWidth);
}

/**
 * The largest share (0–1) of the lip ring under any one hand; 0 with no hand. `lipOuter` and
 * `lipInner` are the face's contours as [x0, y0, x1, y1 …] normalised to the frame, hands are the
 * hand landmarker's landmarks normalised to the same frame.
 */
export function handCoverOfLips(hands: readonly (readonly Landmark[])[], lipOuter: readonly number[], lipInner: readonly number[], size: FrameSize): number {
  const toPx = (flat: readonly number[]): P[] => {
    const pts: P[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) pts.push([flat[i]! * size.width, flat[i + 1]! * size.height]);
    return pts;
  };
  const ring = lipRingSamples(toPx(lipOuter), toPx(lipInner));
  if (ring.length === 0) return 0;
  let best = 0;
  for (const hand of hands) {
    if (hand.length < HAND_LANDMARK_COUNT) continue;
    const pt = (i: number): P => [hand[i]!.x * size.width, hand[i]!.y * size.height];
    const spacing = KNUCKLE_PAIRS.reduce((s, [a, b]) => s + Math.hypot(pt(a)[0] - pt(b)[0], pt(a)[1] - pt(b)[1]), 0) / KNUCKLE_PAIRS.length;
    const halfWidth = LIPS_OCCLUDED.handFingerHalfWidth * spacing;
    const palm = PALM.map(pt);
    const bones = HAND_BONES.map(([a, b]): [P, P] => [pt(a), pt(b)]);
    const covered = ring.filter((p) => onHand(p, palm, bones, halfWidth)).length;
    best = Math.max(best, covered / ring.length);
  }
  return best;
}
