/**
 * The small server the face analysis page runs on (issue #11 item 3): the built renderer's static
 * files, the face model and the frame feed, on 127.0.0.1 — and nothing else. No studio, no shoot
 * store and no recovery live here, so a check run beside a take being recorded (in the app or by
 * the CLI on the same home) cannot touch that take.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { FRAME_FEED_ROUTE } from '../../../shared/frame-feed';
import { FACE_MODEL_KEY_PARAM, isFaceModelRoute, sendFaceModel } from '../../face-model-route';
import { Allowed, guardRequest, guardUpgrade, LOOPBACK_NAMES, OnceLog, parseTarget, refuse, refuseUpgrade } from '../../net-guard';
import { resolveStatic, sendRendererFile } from '../../static-files';
import { FaceModel } from '../face-model';
import { resolveStudioHome } from '../studio-home';
import type { FrameHub } from './frame-hub';

export interface FrameHost {
  /** http://127.0.0.1:PORT (no trailing slash). */
  base: string;
  port: number;
  close(): Promise<void>;
}

export async function startFrameHost(opts: {
  rendererDir: string;
  hub: FrameHub;
  env: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): Promise<FrameHost> {
  const log = new OnceLog(opts.log ?? ((l) => console.error(l)));
  // Only reads where the model is (the variable or the cache); never downloads, never writes.
  const model = new FaceModel({ env: opts.env, homeRoot: resolveStudioHome(opts.env).root });
  let port = 0;
  const allowed = new Allowed(() => LOOPBACK_NAMES, () => port);
  const label = 'frame host';

  const server = http.createServer(
    guardRequest(
      async (req, res) => {
        const why = allowed.check(req);
        if (why) return refuse(res, 403, why, log, label);
        const url = parseTarget(req.url);
        if (!url) return refuse(res, 400, 'not a request path we can read', log, label);
        if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET and HEAD', log, label, { allow: 'GET, HEAD' });
        if (isFaceModelRoute(url.pathname)) {
          // The page's key is the hub's token, given to it in its address: a capability link.
          if (!opts.hub.holdsToken(url.searchParams.get(FACE_MODEL_KEY_PARAM))) return refuse(res, 401, 'the face model needs this host’s key', log, label);
          const file = await model
            .local()
            .then((m) => m?.path ?? null)
            .catch(() => null);
          return sendFaceModel(file, req, res);
        }
        const file = await resolveStatic(opts.rendererDir, url.pathname);
        if (!file || !existsSync(file)) return refuse(res, 404, 'not found', log, label);
        sendRendererFile(req, res, file);
      },
      log,
      label,
    ),
  );
  server.on('clientError', (err, socket) => {
    log.note(`${label}: client error`, err.message);
    socket.destroy();
  });
  server.on(
    'upgrade',
    guardUpgrade(
      (req, socket, head) => {
        const why = allowed.check(req);
        if (why) return refuseUpgrade(socket, 403, why, log, label);
        const url = parseTarget(req.url);
        if (!url || url.pathname !== FRAME_FEED_ROUTE) return refuseUpgrade(socket, 404, `no socket at ${req.url?.slice(0, 80) ?? ''}`, log, label);
        opts.hub.handleUpgrade(req, url, socket, head);
      },
      log,
      label,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', (err) => log.note(`${label}: server error`, err.message));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
