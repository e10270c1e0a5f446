import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import QRCode from 'qrcode';
import { WebSocketServer } from 'ws';
import type { PrompterState } from '../../../shared/prompter';
import { decodeClientFrame, type ServerMessage } from '../../../shared/wire';
import { resolveStatic, sendRendererFile } from '../../static-files';

export interface RemotePrompterInfo {
  enabled: boolean;
  urls: string[];
  qrSvg: string | null;
}

/**
 * The prompter on the LAN for a tablet (§1.1.2 suggests an iPad). Off until the operator switches
 * it on; then a second listener on all interfaces serves only the prompter page and a read-only
 * socket that needs this session's token. Switching off closes it; switching on again makes a new
 * token, so an old link stops working.
 */
export class RemotePrompterServer {
  private server: http.Server | null = null;
  private wss: WebSocketServer | null = null;
  private token = '';
  private urls: string[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly rendererDir: () => string,
    private readonly getState: () => Promise<{ state: PrompterState; serverNow: number }>,
    private readonly subscribe: (fn: (s: { state: PrompterState; serverNow: number }) => void) => () => void,
    private readonly port = 0,
  ) {}

  async setEnabled(enabled: boolean): Promise<RemotePrompterInfo> {
    if (!enabled) {
      await this.close();
      return { enabled: false, urls: [], qrSvg: null };
    }
    if (!this.server) await this.open();
    const first = this.urls[0];
    return { enabled: true, urls: this.urls, qrSvg: first ? await QRCode.toString(first, { type: 'svg', margin: 1 }) : null };
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const c of this.wss?.clients ?? []) c.terminate();
    await new Promise<void>((r) => (this.wss ? this.wss.close(() => r()) : r()));
    if (this.server) {
      const s = this.server;
      await new Promise<void>((r) => s.close(() => r()));
      s.closeAllConnections();
    }
    this.server = null;
    this.wss = null;
  }

  private async open(): Promise<void> {
    this.token = randomBytes(12).toString('base64url');
    const server = http.createServer((req, res) => void this.serveStatic(req, res));
    const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
    server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const given = Buffer.from(url.searchParams.get('token') ?? '');
      const ok = url.pathname === '/ws' && given.length === this.token.length && timingSafeEqual(given, Buffer.from(this.token));
      if (!ok) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        const send = (m: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));
        ws.on('message', (data, isBinary) => {
          let msg;
          try {
            msg = decodeClientFrame(isBinary ? new Uint8Array(data as Buffer) : (data as Buffer).toString('utf8'));
          } catch {
            ws.close(1003, 'malformed frame');
            return;
          }
          if (msg.method === 'prompter.get') {
            void this.getState().then((value) => send({ t: 'result', id: msg.id, result: { ok: true, value } }));
          } else {
            send({ t: 'result', id: msg.id, result: { ok: false, error: { code: 'bad-argument', message: 'The remote prompter is read-only' } } });
          }
        });
      });
    });
    this.unsubscribe = this.subscribe((s) => {
      const text = JSON.stringify({ t: 'event', event: 'prompter.state', payload: s } satisfies ServerMessage);
      for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(text);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '0.0.0.0', () => resolve());
    });
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : this.port;
    this.urls = lanAddresses().map((ip) => `http://${ip}:${port}/prompter#token=${this.token}`);
    this.server = server;
    this.wss = wss;
  }

  /** Only the prompter page and its assets; the operator's studio is not reachable from the LAN. */
  private async serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const allowed = pathname === '/prompter' || pathname.startsWith('/assets/') || pathname === '/favicon.ico';
    const file = allowed && req.method === 'GET' ? await resolveStatic(this.rendererDir(), pathname) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    sendRendererFile(req, res, file);
  }
}

function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  }
  return out.length ? out : ['127.0.0.1'];
}
