import { FACE_MODEL_ENV, FaceModel } from '../face-model';
import { resolveStudioHome } from '../studio-home';

/**
 * Before a check opens the face analysis: is the face model on this computer? Null when it is;
 * else one sentence that says how to install it (issue #14: never an internal call name).
 */
export async function faceModelMissing(env: NodeJS.ProcessEnv): Promise<string | null> {
  const model = new FaceModel({ env, homeRoot: resolveStudioHome(env).root });
  try {
    if (await model.local()) return null;
  } catch (err) {
    return (err as Error).message;
  }
  return `The face model is not installed: copy face_landmarker.task into ${model.cacheFile.replace(/face_landmarker\.task$/, '')} (the studio's models folder) or set ${FACE_MODEL_ENV} to its path; the studio's Record screen can also download it once.`;
}
