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
import { FRAME_FEED_ROUTE } from '../shared/frame-feed';
import { decodeClientFrame, type ServerMessage } from '../shared/wire';
import type { FrameHub } from './services/checker/frame-hub';
import { MEDIA_ROUTE } from './services/media-links';
import { createStudio, recoverAtAppStart, type Studio } from './studio';
import { resolveStatic, sendRendererFile } from './static-files';
import { isFaceModelRoute, serveFaceModel } from './face-model-route';

export interface ServeOptions {
  port: number;
  host?: string;
  rendererDir: string;
  token?: string;
  env?: NodeJS.ProcessEnv;
  /** The checker's frame feed (FRAME_FEED_ROUTE), when a face analyzer page is to connect. */
  frameHub?: FrameHub;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  studio: Studio;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? randomBytes(18).toString('base64url');
  const studio = createStudio({ mode: 'serve', env: opts.env, log: (l) => console.error(l), rendererDir: opts.rendererDir });

  const server = http.createServer((req, res) => {
    void (async () => {
      if (isFaceModelRoute(req.url)) return serveFaceModel(studio.context, req, res);
      // A checked video or a report, by the unguessable link main gave the renderer.
      if (req.url?.startsWith(MEDIA_ROUTE) && (await studio.context.links.serve(req, res))) return;
      return serveStatic(opts.rendererDir, req, res);
    })();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === FRAME_FEED_ROUTE && opts.frameHub) {
      opts.frameHub.handleUpgrade(req, socket, head);
      return;
    }
    if (url.pathname !== '/ws' || !sameToken(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => attachClient(ws, studio));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${host}:${port}/#token=${token}`,
    port,
    token,
    studio,
    close: async () => {
      await studio.context.remotePrompter.close();
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

function attachClient(ws: WebSocket, studio: Studio): void {
  const send = (msg: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const unsubscribe = studio.bus.subscribe((event, payload) => send({ t: 'event', event, payload }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    let msg;
    try {
      const frame = isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString('utf8');
      msg = decodeClientFrame(frame);
    } catch {
      ws.close(1003, 'malformed frame');
      return;
    }
    if (msg.t !== 'call' || typeof msg.id !== 'number') return;
    void studio.dispatch(msg.method, msg.input).then((result) => send({ t: 'result', id: msg.id, result }));
  });
}

async function serveStatic(root: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const file = await resolveStatic(root, new URL(req.url ?? '/', 'http://localhost').pathname);
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
