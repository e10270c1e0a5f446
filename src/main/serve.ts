/**
 * Serve mode: the studio without Electron. The same services as the desktop app, plus the built
 * renderer, on 127.0.0.1; the WebSocket that carries the contract needs the per-run token printed
 * with the URL. Usage: tsx src/main/serve.ts [--port N] [--renderer DIR]
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocketServer, type WebSocket } from 'ws';
import { decodeClientFrame, type ServerMessage } from '../shared/wire';
import { FACE_MODEL_KEY_PARAM, faceModelFile, isFaceModelRoute, sendFaceModel } from './face-model-route';
import { Allowed, guardRequest, guardSocket, guardUpgrade, LOOPBACK_NAMES, OnceLog, parseTarget, refuse, refuseUpgrade } from './net-guard';
import { MEDIA_ROUTE } from './services/media-links';
import { createStudio, recoverAtAppStart, type Studio } from './studio';
import { resolveStatic, sendRendererFile } from './static-files';

export interface ServeOptions {
  port: number;
  host?: string;
  rendererDir: string;
  token?: string;
  env?: NodeJS.ProcessEnv;
  /** Where refused requests and closed sockets are logged (once per kind); default stderr. */
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  studio: Studio;
  close(): Promise<void>;
}

/** A recording chunk is about a second of ≥ 20 Mbit/s video; 64 MiB leaves room and bounds memory. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(18).toString('base64url');
  const logLine = opts.log ?? ((l: string) => console.error(l));
  const studio = createStudio({ mode: 'serve', env: opts.env, log: logLine, rendererDir: opts.rendererDir });
  const log = new OnceLog(logLine);
  let port = opts.port;
  // The names a page may use for this studio: loopback, and the host it was told to listen on.
  const names = host === '0.0.0.0' || host === '::' ? [...LOOPBACK_NAMES] : [...new Set([...LOOPBACK_NAMES, host])];
  const allowed = new Allowed(() => names, () => port);

  const server = http.createServer(
    guardRequest(
      async (req, res) => {
        const why = allowed.check(req);
        if (why) return refuse(res, 403, why, log, 'serve');
        const url = parseTarget(req.url);
        if (!url) return refuse(res, 400, 'not a request path we can read', log, 'serve');
        if (isFaceModelRoute(url.pathname)) {
          if (!sameToken(url.searchParams.get(FACE_MODEL_KEY_PARAM), token)) return refuse(res, 401, 'the face model needs the studio token', log, 'serve');
          return sendFaceModel(await faceModelFile(studio.context), req, res);
        }
        // A checked video or a report, by the unguessable link main gave the renderer.
        if (url.pathname.startsWith(MEDIA_ROUTE)) {
          if (await studio.context.links.serve(url.pathname, req, res)) return;
          return refuse(res, 404, 'no such media link (links end with their job or after a while)', log, 'serve');
        }
        return serveStatic(opts.rendererDir, url.pathname, req, res);
      },
      log,
      'serve',
    ),
  );
  server.on('clientError', (err, socket) => {
    log.note('serve: client error', err.message);
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on(
    'upgrade',
    guardUpgrade(
      (req, socket, head) => {
        const why = allowed.check(req);
        if (why) return refuseUpgrade(socket, 403, why, log, 'serve');
        const url = parseTarget(req.url);
        if (!url || url.pathname !== '/ws') return refuseUpgrade(socket, 404, `no socket at ${req.url?.slice(0, 80) ?? ''}`, log, 'serve');
        if (!sameToken(url.searchParams.get('token'), token)) return refuseUpgrade(socket, 401, 'wrong or missing token', log, 'serve');
        wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, studio, log));
      },
      log,
      'serve',
    ),
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  server.on('error', (err) => log.note('serve: server error', err.message));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${host}:${port}/#token=${token}`,
    port,
    token,
    studio,
    close: async () => {
      await studio.context.remotePrompter.close();
      studio.context.links.clear();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function sameToken(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function attachClient(ws: WebSocket, studio: Studio, log: OnceLog): void {
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = studio.bus.subscribe((event, payload) => send({ t: 'event', event, payload }));
  ws.on('close', unsubscribe);
  guardSocket(
    ws,
    async (data, isBinary) => {
      // Throws on anything but a call object, including invalid UTF-8 in a text frame: guardSocket closes with 1003.
      const msg = decodeClientFrame(isBinary ? new Uint8Array(data) : new TextDecoder('utf-8', { fatal: true }).decode(data));
      send({ t: 'result', id: msg.id, result: await studio.dispatch(msg.method, msg.input) });
    },
    log,
    'serve /ws',
  );
}

async function serveStatic(root: string, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = await resolveStatic(root, pathname);
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  sendRendererFile(req, res, file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, renderer: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number 0–65535, got "${values.port}"`);
    process.exit(2);
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = path.resolve(values.renderer ?? path.join(here, '../../out/renderer'));
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The built studio is missing (${rendererDir}/index.html). Run "npm run build" first, or use "npm run serve".`);
    process.exit(2);
  }
  // The last line of defence only: every request, upgrade and frame path is guarded on its own
  // (net-guard.ts); a rejection that still slips through is logged instead of ending a take.
  process.on('unhandledRejection', (reason) => console.error(`unexpected rejection (logged, not fatal): ${(reason as Error)?.stack ?? String(reason)}`));
  const running = await startServer({ port, rendererDir, token: process.env.CAPTURE_STUDIO_TOKEN });
  // Once per app start (not in startServer: the checker's face host starts servers of its own).
  void recoverAtAppStart(running.studio);
  console.log(`Capture Studio is running. Open this address in Chromium or Chrome:\n\n  ${running.url}\n\nPress Ctrl-C to stop.`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
