/**
 * The MediaPipe Tasks hand landmarker bundle (hand_landmarker.task), made on this computer from
 * the registry package @mediapipe/hands (pinned exactly in package.json): its palm detector
 * (palm_detection_full, packed in hands_solution_packed_assets.data) and hand landmark model
 * (hand_landmark_full.tflite) are the models the Tasks bundle holds, minus the input metadata
 * Tasks requires. The official bundle is only on a CDN, which the studio never reaches.
 *
 * Both models take RGB in [0, 1] (checked: with [-1, 1] neither finds emma's hand in
 * faces/emma.jpg, with [0, 1] both do, presence 0.91).
 */
import { imageInputMetadata, ModelFormatError, withTfliteMetadata } from './tflite-metadata';
import { storedZip } from './stored-zip';

/**
 * Where palm_detection_full.tflite sits in hands_solution_packed_assets.data of
 * @mediapipe/hands 0.4.1675469240 (hands_solution_packed_assets_loader.js lists the files).
 */
export const PALM_MODEL_SPAN = { start: 11, end: 2_341_291 } as const;

/** Pixel values 0–255 become (x − 0) / 255. */
const MEAN = 0;
const STD = 255;

function isTflite(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(4, 8)) === 'TFL3';
}

/**
 * hand_landmarker.task bytes from the package's two files. Throws ModelFormatError (with what is
 * wrong) when they are not the expected models, e.g. another version of the package.
 */
export function handLandmarkerBundle(packedAssets: Uint8Array, handLandmarkModel: Uint8Array): Uint8Array {
  if (packedAssets.length < PALM_MODEL_SPAN.end) throw new ModelFormatError(`hands_solution_packed_assets.data is ${packedAssets.length} bytes, too short for the palm model`);
  const palm = packedAssets.subarray(PALM_MODEL_SPAN.start, PALM_MODEL_SPAN.end);
  if (!isTflite(palm)) throw new ModelFormatError('no palm detection model where @mediapipe/hands 0.4.1675469240 keeps it');
  if (!isTflite(handLandmarkModel)) throw new ModelFormatError('hand_landmark_full.tflite is not a TFLite model');
  return storedZip([
    { name: 'hand_detector.tflite', data: withTfliteMetadata(palm, imageInputMetadata('palm_detection_full', MEAN, STD)) },
    { name: 'hand_landmarks_detector.tflite', data: withTfliteMetadata(handLandmarkModel, imageInputMetadata('hand_landmark_full', MEAN, STD)) },
  ]);
}
