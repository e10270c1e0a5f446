/**
 * The real checker's face analyzer (headless Chromium running MediaPipe on the shared face model)
 * for a test file: opened once before its tests, closed after. The renderer must be built first
 * (`npx electron-vite build`; CAPTURE_STUDIO_OUT names another build folder).
 */
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openFaceAnalyzer } from '../../../src/main/services/checker/chromium-face-analyzer';
import type { FaceAnalyzer } from '../../../src/main/services/checker/face-analyzer';
import { repoRoot } from './media';

/** Registers the open/close hooks in the calling scope; the returned getter gives the analyzer inside a test. */
export function useFaceAnalyzer(): () => FaceAnalyzer {
  process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(repoRoot, '../shared/models/face_landmarker.task');
  let faces: FaceAnalyzer | undefined;
  beforeAll(async () => {
    faces = await openFaceAnalyzer({ rendererDir: path.join(repoRoot, process.env.CAPTURE_STUDIO_OUT ?? 'out', 'renderer') });
  }, 120_000);
  afterAll(async () => {
    await faces?.close();
  });
  return () => {
    if (!faces) throw new Error('The face analyzer did not open (see the beforeAll error above).');
    return faces;
  };
}
