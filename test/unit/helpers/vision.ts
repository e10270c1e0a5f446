/** Synthetic face meshes, landmarker results and pictures for the vision unit tests. */
import type { Landmark, LandmarkerResultLike, RgbaRegion } from '../../../src/shared/vision/analysis';
import { CHEEK_LEFT, CHEEK_RIGHT, EYE_OUTER_LEFT, EYE_OUTER_RIGHT, FACE_OVAL, INNER_LIP_BOTTOM, INNER_LIP_TOP, LIPS_INNER, LIPS_OUTER } from '../../../src/shared/vision/mesh';

const rad = (d: number) => (d * Math.PI) / 180;

/** R = Rz·Ry·Rx as a column-major 4×4, the layout of facialTransformationMatrixes. */
export function matrix(yawDeg: number, pitchDeg: number, rollDeg: number): number[] {
  const [x, y, z] = [rad(pitchDeg), rad(yawDeg), rad(rollDeg)];
  const Rx = [
    [1, 0, 0],
    [0, Math.cos(x), -Math.sin(x)],
    [0, Math.sin(x), Math.cos(x)],
  ];
  const Ry = [
    [Math.cos(y), 0, Math.sin(y)],
    [0, 1, 0],
    [-Math.sin(y), 0, Math.cos(y)],
  ];
  const Rz = [
    [Math.cos(z), -Math.sin(z), 0],
    [Math.sin(z), Math.cos(z), 0],
    [0, 0, 1],
  ];
  const mul = (a: number[][], b: number[][]) => a.map((row) => [0, 1, 2].map((j) => row.reduce((s, v, k) => s + v * (b[k]?.[j] ?? 0), 0)));
  const R = mul(mul(Rz, Ry), Rx);
  const out = new Array<number>(16).fill(0);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) out[j * 4 + i] = R[i]?.[j] ?? 0;
  out[15] = 1;
  return out;
}

/**
 * A synthetic face mesh: a face outline of the given box (normalised), eyes 0.3 of the face width
 * apart, and lips whose inner contour opens by `gap` × the eye distance. Enough for the analysis,
 * which reads only these landmarks.
 */
export function face(opts: { cx?: number; cy?: number; w?: number; h?: number; gap?: number; frame?: { width: number; height: number } } = {}): Landmark[] {
  const { cx = 0.5, cy = 0.5, w = 0.3, h = 0.4, gap = 0, frame = { width: 1000, height: 1000 } } = opts;
  const lms: Landmark[] = Array.from({ length: 478 }, () => ({ x: cx, y: cy, z: 0 }));
  FACE_OVAL.forEach((idx, k) => {
    const a = (k / FACE_OVAL.length) * 2 * Math.PI;
    lms[idx] = { x: cx + (w / 2) * Math.sin(a), y: cy - (h / 2) * Math.cos(a), z: 0 };
  });
  const eye = w * 0.6;
  lms[EYE_OUTER_RIGHT] = { x: cx - eye / 2, y: cy - h * 0.1, z: 0 };
  lms[EYE_OUTER_LEFT] = { x: cx + eye / 2, y: cy - h * 0.1, z: 0 };
  const my = cy + h * 0.25;
  const mw = w * 0.35;
  const eyePx = eye * frame.width;
  const gapNorm = (gap * eyePx) / frame.height;
  // Lips: an ellipse ring; the inner contour opens around the middle.
  LIPS_OUTER.forEach((idx, k) => {
    const a = (k / LIPS_OUTER.length) * 2 * Math.PI;
    lms[idx] = { x: cx - (mw / 2) * Math.cos(a), y: my + (h * 0.06 + gapNorm / 2) * Math.sin(a), z: 0 };
  });
  LIPS_INNER.forEach((idx, k) => {
    const a = (k / LIPS_INNER.length) * 2 * Math.PI;
    lms[idx] = { x: cx - (mw / 2.4) * Math.cos(a), y: my + (gapNorm / 2) * Math.sin(a), z: 0 };
  });
  lms[INNER_LIP_TOP] = { x: cx, y: my - gapNorm / 2, z: 0 };
  lms[INNER_LIP_BOTTOM] = { x: cx, y: my + gapNorm / 2, z: 0 };
  lms[CHEEK_RIGHT] = { x: cx - w * 0.3, y: cy + h * 0.05, z: 0 };
  lms[CHEEK_LEFT] = { x: cx + w * 0.3, y: cy + h * 0.05, z: 0 };
  return lms;
}

export function result(faces: Landmark[][], angles: [number, number, number][] = [], jaw: number[] = []): LandmarkerResultLike {
  return {
    faceLandmarks: faces,
    faceBlendshapes: faces.map((_, i) => ({ categories: [{ categoryName: 'jawOpen', score: jaw[i] ?? 0.01 }] })),
    facialTransformationMatrixes: faces.map((_, i) => ({ rows: 4, columns: 4, data: matrix(...(angles[i] ?? [0, 0, 0])) })),
  };
}

/** An RGBA picture: skin everywhere, and `mouth` painted inside the outer lip contour. */
export function picture(size: { width: number; height: number }, lms: Landmark[], mouth: [number, number, number], skin: [number, number, number] = [205, 160, 135]): RgbaRegion {
  const data = new Uint8ClampedArray(size.width * size.height * 4);
  const outer = LIPS_OUTER.map((i) => lms[i] as Landmark).map((p) => [p.x * size.width, p.y * size.height] as [number, number]);
  const inside = (x: number, y: number) => {
    let c = false;
    for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
      const [xi, yi] = outer[i] as [number, number];
      const [xj, yj] = outer[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };
  for (let y = 0; y < size.height; y++) {
    for (let x = 0; x < size.width; x++) {
      const o = (y * size.width + x) * 4;
      const [r, g, b] = inside(x + 0.5, y + 0.5) ? mouth : skin;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
  }
  return { rect: { x: 0, y: 0, width: size.width, height: size.height }, data };
}


/**
 * `picture` with a finger over the mouth corner on the left of the picture: skin-coloured pixels
 * over `share` of the lips' width nearest that corner (the lip colour of the rest unchanged).
 */
export function fingerOverCorner(
  size: { width: number; height: number },
  lms: Landmark[],
  lip: [number, number, number] = [190, 90, 95],
  share = 1 / 3,
): RgbaRegion {
  const region = picture(size, lms, lip);
  const data = region.data as Uint8ClampedArray;
  const right = (lms[61] as Landmark).x * size.width;
  const left = (lms[291] as Landmark).x * size.width;
  const x0 = Math.min(right, left) - 2;
  const x1 = Math.min(right, left) + Math.abs(left - right) * share;
  for (let y = 0; y < size.height; y++) {
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(size.width, Math.ceil(x1)); x++) {
      const o = (y * size.width + x) * 4;
      if (data[o] !== lip[0] || data[o + 1] !== lip[1]) continue;
      data[o] = 205;
      data[o + 1] = 160;
      data[o + 2] = 135;
    }
  }
  return region;
}
