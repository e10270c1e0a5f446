import { createReadStream } from 'node:fs';
import type http from 'node:http';
import { FACE_MODEL_ROUTE } from '../shared/contract/vision';
import type { StudioContext } from './context';
import { faceModelOf } from './handlers/vision';

export { FACE_MODEL_ROUTE };

/** The query parameter that carries the serve token or a frame host's capability to FACE_MODEL_ROUTE. */
export const FACE_MODEL_KEY_PARAM = 'key';

/** Takes a URL path (already parsed by the caller's guard), never a raw request target. */
export function isFaceModelRoute(pathname: string): boolean {
  return pathname === FACE_MODEL_ROUTE;
}

/**
 * The face model file for FACE_MODEL_ROUTE, if it is on this computer; null otherwise. Never
 * downloads (that takes the token-checked 'vision.model' call): see FACE_MODEL_ROUTE.
 */
export async function faceModelFile(ctx: StudioContext): Promise<string | null> {
  try {
    return (await faceModelOf(ctx).local())?.path ?? null;
  } catch {
    return null;
  }
}

/**
 * The model bytes over HTTP (GET/HEAD), or 404 with what to do. The caller has checked the key
 * (serve mode's token or the frame host's capability): the route never answers a stranger.
 */
export function sendFaceModel(file: string | null, req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('The face model is not on this computer: set CAPTURE_STUDIO_FACE_MODEL to face_landmarker.task, or download it once from the Record screen.');
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
