/**
 * The vision worker's hand pass: MediaPipe's HandLandmarker on the part of the frame around the
 * primary face's mouth (hand-crop.ts), its hands mapped back to the whole frame for
 * hand-over-lips.ts. The bundle is made here from the registry's @mediapipe/hands files
 * (hand-model/hand-bundle.ts); without them the studio still runs, the colour tests alone.
 */
import { HandLandmarker, type FilesetResolver } from '@mediapipe/tasks-vision';
import { LIPS_OCCLUDED, VISION_ANALYSIS } from '../../../../shared/standards';
import { primaryFaceIndex, type Landmark, type LandmarkerResultLike } from '../../../../shared/vision/analysis';
import { cropToFrame, handCropFor } from '../../../../shared/vision/hand-crop';
import { handLandmarkerBundle } from '../../../../shared/vision/hand-model/hand-bundle';

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
      minHandDetectionConfidence: LIPS_OCCLUDED.handMinConfidence,
      minHandPresenceConfidence: LIPS_OCCLUDED.handMinConfidence,
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
    const crop = handCropFor(result.faceLandmarks[primaryFaceIndex(result)], W, H, CROP_MAX_SIDE);
    if (!crop) return [];
    const bitmap = await createImageBitmap(input, crop.x, crop.y, crop.width, crop.height, {
      resizeWidth: crop.outWidth,
      resizeHeight: crop.outHeight,
      resizeQuality: 'medium',
    });
    try {
      // The palm detector letterboxes a crop that is not square (a close-up cut to the frame).
      const hands: HandLandmarkerResultLike = this.landmarker.detect(bitmap);
      return hands.landmarks.map((hand) => hand.map((p) => cropToFrame(p, crop, W, H)));
    } finally {
      bitmap.close();
    }
  }

  close(): void {
    this.landmarker.close();
  }
}

interface HandLandmarkerResultLike {
  landmarks: { x: number; y: number; z: number }[][];
}
