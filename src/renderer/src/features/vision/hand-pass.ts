/**
 * The vision worker's hand pass: MediaPipe's HandLandmarker on a square at the primary face's
 * mouth (LIPS_OCCLUDED.handCropEyes eye-corner distances wide, handCropBelow of them lower: the
 * palm of a hand over the mouth is below it), its hands mapped back to the whole
 * frame for hand-over-lips.ts. The bundle is made here from the registry's @mediapipe/hands files
 * (hand-model/hand-bundle.ts); without them the studio still runs, the colour tests alone.
 */
import { HandLandmarker, type FilesetResolver } from '@mediapipe/tasks-vision';
import { LIPS_OCCLUDED, VISION_ANALYSIS } from '../../../../shared/standards';
import { primaryFaceIndex, type Landmark, type LandmarkerResultLike } from '../../../../shared/vision/analysis';
import { handLandmarkerBundle } from '../../../../shared/vision/hand-model/hand-bundle';
import { EYE_OUTER_LEFT, EYE_OUTER_RIGHT, INNER_LIP_BOTTOM, INNER_LIP_TOP } from '../../../../shared/vision/mesh';

type Fileset = Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;

/** The largest side the crop is scaled to: the palm detector looks at 192 px, the landmarks at 224. */
const CROP_MAX_SIDE = 256;

export interface HandModelUrls {
  /** @mediapipe/hands' hands_solution_packed_assets.data (holds the palm detector). */
  packedAssetsUrl: string;
  /** @mediapipe/hands' hand_landmark_full.tflite. */
  landmarkModelUrl: string;
}

async function bytesOf(fetchFn: typeof fetch, url: string): Promise<Uint8Array> {
  const res = await fetchFn(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * IMAGE mode always, also for the live monitor: each crop is looked at on its own. VIDEO mode would
 * carry last frame's hand into this one in crop coordinates, but the crop moves and resizes with
 * the mouth (and is skipped without a face); with two hands allowed the palm detector runs on most
 * frames anyway, so tracking saves little.
 */
export class HandPass {
  private constructor(private readonly landmarker: HandLandmarker) {}

  static async create(fileset: Fileset, urls: HandModelUrls, fetchFn: typeof fetch): Promise<HandPass> {
    const [packed, landmark] = await Promise.all([bytesOf(fetchFn, urls.packedAssetsUrl), bytesOf(fetchFn, urls.landmarkModelUrl)]);
    // Each task runs in its own wasm module, made by the loader script's ModuleFactory, which the
    // first task (the face landmarker) used up: an ES module runs once per URL, so the hand pass
    // loads the same loader under its own address ("ModuleFactory not set" otherwise).
    const own = { ...fileset, wasmLoaderPath: `${fileset.wasmLoaderPath}${fileset.wasmLoaderPath.includes('?') ? '&' : '?'}task=hands` };
    const landmarker = await HandLandmarker.createFromOptions(own, {
      baseOptions: { modelAssetBuffer: handLandmarkerBundle(packed, landmark), delegate: 'CPU' },
      runningMode: 'IMAGE',
      numHands: VISION_ANALYSIS.numHands,
    });
    return new HandPass(landmarker);
  }

  /**
   * Hands near the primary face's mouth, in the frame's normalised coordinates; [] when there is
   * no face (no lips to cover), the face is too small for the test, or there is no hand.
   */
  async near(input: ImageData | ImageBitmap, result: LandmarkerResultLike): Promise<Landmark[][]> {
    const W = input.width;
    const H = input.height;
    // The face the rules judge (analysis.ts primaryFace), so its handCover is the one that counts.
    const face = result.faceLandmarks[primaryFaceIndex(result)];
    const top = face?.[INNER_LIP_TOP];
    const bottom = face?.[INNER_LIP_BOTTOM];
    const l = face?.[EYE_OUTER_LEFT];
    const r = face?.[EYE_OUTER_RIGHT];
    if (!top || !bottom || !l || !r) return [];
    const eye = Math.hypot((l.x - r.x) * W, (l.y - r.y) * H);
    // Too small a face for the hand test (measureFrame ignores its hands): spare the detector.
    if (!(eye >= LIPS_OCCLUDED.handMinEyePx)) return [];
    const side = Math.round(LIPS_OCCLUDED.handCropEyes * eye);
    const x0 = Math.round(((top.x + bottom.x) / 2) * W - side / 2);
    const y0 = Math.round(((top.y + bottom.y) / 2) * H + LIPS_OCCLUDED.handCropBelow * eye - side / 2);
    // Nothing to look at: a broken face, a crop that misses the picture altogether, or one over
    // twice the frame (an extreme close-up, where a hand at the mouth fills the frame anyway and
    // the colour tests judge it).
    if (!Number.isFinite(side) || !Number.isFinite(x0) || !Number.isFinite(y0) || side < 8 || side > 2 * Math.max(W, H)) return [];
    if (x0 >= W || y0 >= H || x0 + side <= 0 || y0 + side <= 0) return [];
    const out = Math.min(side, CROP_MAX_SIDE);
    // Outside the frame the crop is transparent black: the palm detector sees no hand there.
    const crop = await createImageBitmap(input, x0, y0, side, side, { resizeWidth: out, resizeHeight: out, resizeQuality: 'medium' });
    try {
      const hands: HandLandmarkerResultLike = this.landmarker.detect(crop);
      return hands.landmarks.map((hand) => hand.map((p) => ({ x: (x0 + p.x * side) / W, y: (y0 + p.y * side) / H, z: p.z })));
    } finally {
      crop.close();
    }
  }

  close(): void {
    this.landmarker.close();
  }
}

interface HandLandmarkerResultLike {
  landmarks: { x: number; y: number; z: number }[][];
}
