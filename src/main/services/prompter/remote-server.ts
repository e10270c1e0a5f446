import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import os from 'node:os';
import QRCode from 'qrcode';
import { WebSocketServer } from 'ws';
import type { PrompterState } from '../../../shared/prompter';
import { decodeClientFrame, type ServerMessage } from '../../../shared/wire';
import { Allowed, guardRequest, guardSocket, guardUpgrade, LOOPBACK_NAMES, OnceLog, parseTarget, refuse, refuseUpgrade, utf8 } from '../../net-guard';
import { resolveStatic, sendRendererFile } from '../../static-files';

/** The prompter only reads: its calls are a few hundred bytes. */
export const REMOTE_MAX_FRAME_BYTES = 64 * 1024;

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
  private listenPort = 0;
  private readonly log: OnceLog;
  /** The Host names a tablet may use: this computer's LAN addresses and loopback, with our port. */
  private readonly allowed = new Allowed(() => [...lanAddresses(), ...LOOPBACK_NAMES], () => this.listenPort);

  constructor(
    private readonly rendererDir: () => string,
    private readonly getState: () => Promise<{ state: PrompterState; serverNow: number }>,
    private readonly subscribe: (fn: (s: { state: PrompterState; serverNow: number }) => void) => () => void,
    private readonly port = 0,
    log: (line: string) => void = (l) => console.error(l),
    /** Where to listen; all interfaces by default (a tablet on the LAN). Tests use 127.0.0.1. */
    private readonly bindHost = '0.0.0.0',
  ) {
    this.log = new OnceLog(log);
  }

  /** The port while switched on (tests), else 0. */
  get boundPort(): number {
    return this.server ? this.listenPort : 0;
  }

  /** This session's token (tests). */
  get sessionToken(): string {
    return this.token;
  }

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
    const label = 'LAN prompter';
    const server = http.createServer(guardRequest((req, res) => this.serveStatic(req, res), this.log, label));
    server.on('clientError', (err, socket) => {
      this.log.note(`${label}: client error`, err.message);
      socket.destroy();
    });
    const wss = new WebSocketServer({ noServer: true, maxPayload: REMOTE_MAX_FRAME_BYTES });
    server.on(
      'upgrade',
      guardUpgrade(
        (req, socket, head) => {
          const why = this.allowed.check(req);
          if (why) return refuseUpgrade(socket, 403, why, this.log, label);
          const url = parseTarget(req.url);
          if (!url || url.pathname !== '/ws') return refuseUpgrade(socket, 404, `no socket at ${req.url?.slice(0, 80) ?? ''}`, this.log, label);
          const given = Buffer.from(url.searchParams.get('token') ?? '');
          if (given.length !== this.token.length || !timingSafeEqual(given, Buffer.from(this.token))) {
            return refuseUpgrade(socket, 401, 'wrong or missing token', this.log, label);
          }
          wss.handleUpgrade(req, socket, head, (ws) => {
            const send = (m: ServerMessage) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(m));
            guardSocket(
              ws,
              async (data, isBinary) => {
                // The tablet only sends small JSON calls; binary or invalid text is a bad frame (1003).
                const text = isBinary ? null : utf8(data);
                if (text === null) throw new Error('the prompter takes text frames only');
                const msg = decodeClientFrame(text);
                if (msg.method === 'prompter.get') {
                  send({ t: 'result', id: msg.id, result: { ok: true, value: await this.getState() } });
                } else {
                  send({ t: 'result', id: msg.id, result: { ok: false, error: { code: 'bad-argument', message: 'The remote prompter is read-only' } } });
                }
              },
              this.log,
              label,
            );
          });
        },
        this.log,
        label,
      ),
    );
    this.unsubscribe = this.subscribe((s) => {
      const text = JSON.stringify({ t: 'event', event: 'prompter.state', payload: s } satisfies ServerMessage);
      for (const c of wss.clients) if (c.readyState === c.OPEN) c.send(text);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.bindHost, () => resolve());
    });
    server.on('error', (err) => this.log.note('LAN prompter: server error', err.message));
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : this.port;
    this.listenPort = port;
    this.urls = lanAddresses().map((ip) => `http://${ip}:${port}/prompter#token=${this.token}`);
    this.server = server;
    this.wss = wss;
  }

  /** Only the prompter page and its assets; the operator's studio is not reachable from the LAN. */
  private async serveStatic(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const why = this.allowed.check(req);
    if (why) return refuse(res, 403, why, this.log, 'LAN prompter');
    const url = parseTarget(req.url);
    if (!url) return refuse(res, 400, 'not a request path we can read', this.log, 'LAN prompter');
    const pathname = url.pathname;
    const allowed = pathname === '/prompter' || pathname.startsWith('/assets/') || pathname === '/favicon.ico';
    const file = allowed && (req.method === 'GET' || req.method === 'HEAD') ? await resolveStatic(this.rendererDir(), pathname) : null;
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
