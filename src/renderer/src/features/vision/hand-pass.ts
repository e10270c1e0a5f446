/**
 * The vision worker's hand pass: MediaPipe's HandLandmarker on a square at the primary face's
 * mouth (LIPS_OCCLUDED.handCropEyes eye-corner distances wide, handCropBelow of them lower: the
 * palm of a hand over the mouth is below it), its hands mapped back to the whole
 * frame for hand-over-lips.ts. The bundle is made here from the registry's @mediapipe/hands files
 * (hand-model/hand-bundle.ts); without them the studio still runs, the colour tests alone.
 */
import { HandLandmarker, type FilesetResolver } from '@mediapipe/tasks-vision';
import { LIPS_OCCLUDED, VISION_ANALYSIS } from '../../../../shared/standards';
import type { Landmark, LandmarkerResultLike } from '../../../../shared/vision/analysis';
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

export class HandPass {
  private lastTimestamp = -Infinity;

  private constructor(
    private readonly landmarker: HandLandmarker,
    private readonly mode: 'VIDEO' | 'IMAGE',
  ) {}

  static async create(fileset: Fileset, urls: HandModelUrls, mode: 'VIDEO' | 'IMAGE', fetchFn: typeof fetch): Promise<HandPass> {
    const [packed, landmark] = await Promise.all([bytesOf(fetchFn, urls.packedAssetsUrl), bytesOf(fetchFn, urls.landmarkModelUrl)]);
    // Each task runs in its own wasm module, made by the loader script's ModuleFactory, which the
    // first task (the face landmarker) used up: an ES module runs once per URL, so the hand pass
    // loads the same loader under its own address ("ModuleFactory not set" otherwise).
    const own = { ...fileset, wasmLoaderPath: `${fileset.wasmLoaderPath}${fileset.wasmLoaderPath.includes('?') ? '&' : '?'}task=hands` };
    const landmarker = await HandLandmarker.createFromOptions(own, {
      baseOptions: { modelAssetBuffer: handLandmarkerBundle(packed, landmark), delegate: 'CPU' },
      runningMode: mode,
      numHands: VISION_ANALYSIS.numHands,
    });
    return new HandPass(landmarker, mode);
  }

  /**
   * Hands near the largest face's mouth, in the frame's normalised coordinates; [] when there is no
   * face (no lips to cover) or no hand.
   */
  async near(input: ImageData | ImageBitmap, result: LandmarkerResultLike, timestamp: number): Promise<Landmark[][]> {
    const W = input.width;
    const H = input.height;
    let face: Landmark[] | null = null;
    let faceWidth = 0;
    for (const lms of result.faceLandmarks) {
      const xs = lms.map((p) => p.x);
      const w = Math.max(...xs) - Math.min(...xs);
      if (w > faceWidth) [face, faceWidth] = [lms, w];
    }
    const top = face?.[INNER_LIP_TOP];
    const bottom = face?.[INNER_LIP_BOTTOM];
    const l = face?.[EYE_OUTER_LEFT];
    const r = face?.[EYE_OUTER_RIGHT];
    if (!top || !bottom || !l || !r) return [];
    const eye = Math.hypot((l.x - r.x) * W, (l.y - r.y) * H);
    const side = Math.round(LIPS_OCCLUDED.handCropEyes * eye);
    if (side < 8) return [];
    const x0 = Math.round(((top.x + bottom.x) / 2) * W - side / 2);
    const y0 = Math.round(((top.y + bottom.y) / 2) * H + LIPS_OCCLUDED.handCropBelow * eye - side / 2);
    const out = Math.min(side, CROP_MAX_SIDE);
    // Outside the frame the crop is transparent black: the palm detector sees no hand there.
    const crop = await createImageBitmap(input, x0, y0, side, side, { resizeWidth: out, resizeHeight: out, resizeQuality: 'medium' });
    try {
      let hands: HandLandmarkerResultLike;
      if (this.mode === 'VIDEO') {
        const t = Math.max(timestamp, this.lastTimestamp + 1);
        this.lastTimestamp = t;
        hands = this.landmarker.detectForVideo(crop, t);
      } else {
        hands = this.landmarker.detect(crop);
      }
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
