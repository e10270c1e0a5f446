import { z } from 'zod';
import { IdSchema } from '../api-schemas';
import { FindingSchema } from '../findings';

/**
 * Where the renderer fetches the face model and MediaPipe's wasm files from the app itself (serve
 * mode's HTTP server and Electron's app:// protocol alike); never a CDN.
 *
 * Over HTTP (serve mode, the checker's frame host) the model route needs a key, `?key=`: the serve
 * token, or the frame host's capability given to its page — the file behind the route is whatever
 * CAPTURE_STUDIO_FACE_MODEL names, so a stranger must not read it (issue #11). The route only serves
 * a model that is already on this computer; downloading needs the token-checked 'vision.model'
 * call, so a stranger's page cannot make the studio download anything.
 */
export const FACE_MODEL_ROUTE = '/models/face_landmarker.task';
export const MEDIAPIPE_WASM_ROUTE = '/mediapipe/wasm';

export const FaceModelInfoSchema = z.object({
  /** Where the model was found: the CAPTURE_STUDIO_FACE_MODEL file, the model cache, or a download just now. */
  source: z.enum(['env', 'cache', 'download']),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  /** The path the renderer fetches the bytes from (FACE_MODEL_ROUTE). */
  url: z.string(),
});
export type FaceModelInfo = z.infer<typeof FaceModelInfoSchema>;

/** A take may log a breach a frame for hours in the worst case; batches keep each call small. */
export const MAX_FINDINGS_PER_CALL = 2000;

/** The live face and lip monitor: its model, and the findings it logged during a take. */
export const visionMethods = {
  /** Make sure the face model is on this computer (downloads it once, with progress events). */
  'vision.model': { input: z.object({}).strict(), output: FaceModelInfoSchema },
  /**
   * Findings of a take (sent at Stop, or in batches with final: false). Main adds them to the take's
   * take.json once the take is saved (after its delivery MP4 is made), so they survive the
   * recorder's own saves. Findings already stored with the same rule and start are not repeated.
   */
  'vision.findings': {
    input: z
      .object({
        shootId: IdSchema,
        takeId: IdSchema,
        findings: z.array(FindingSchema).max(MAX_FINDINGS_PER_CALL),
        final: z.boolean().default(true),
      })
      .strict(),
    output: z.object({ stored: z.enum(['take', 'pending']), count: z.number().int().nonnegative() }),
  },
} as const;

export const visionEvents = {
  /** Download progress of the face model; total is null when the server does not say. */
  'vision.model-progress': z.object({ received: z.number().nonnegative(), total: z.number().nullable() }),
} as const;
