/**
 * The guards every listener of the studio uses (serve mode, the LAN prompter, the face analysis
 * frame host): nothing a client sends may end the process (issue #11). Each request, upgrade and
 * frame handler runs inside these helpers; bad input gets a 4xx or closes that one socket, and is
 * logged once. Host and Origin are checked so that a page on another origin, or a DNS-rebinding
 * name that resolves to 127.0.0.1, cannot reach the studio (SECURITY.md).
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** Longer request targets are refused before parsing: no route of ours needs more. */
export const MAX_URL_CHARS = 4096;

/** WebSocket close codes (RFC 6455 §7.4.1). */
export const CLOSE = { unsupported: 1003, invalidPayload: 1007, policy: 1008, tooBig: 1009 } as const;

/** The path and query of a request target, or null when it is not one we can read. Never throws. */
export function parseTarget(raw: string | undefined): URL | null {
  if (!raw || raw.length > MAX_URL_CHARS || !raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    const url = new URL(raw, 'http://localhost');
    return url.host === 'localhost' ? url : null;
  } catch {
    return null;
  }
}

/**
 * Who may talk to one listener: the Host names it answers to (with its port) and the Origins whose
 * pages may call it. Loopback: 127.0.0.1, localhost and [::1]; the LAN prompter adds its LAN
 * addresses.
 */
export class Allowed {
  private readonly hosts = new Set<string>();
  private readonly origins = new Set<string>();

  constructor(
    private readonly names: () => readonly string[],
    private readonly port: () => number,
  ) {}

  private refresh(): void {
    const port = this.port();
    this.hosts.clear();
    this.origins.clear();
    for (const name of this.names()) {
      const host = name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
      this.hosts.add(`${host}:${port}`.toLowerCase());
      this.origins.add(`http://${host}:${port}`.toLowerCase());
    }
  }

  /** Null when allowed; else why not (for the log line). */
  check(req: http.IncomingMessage): string | null {
    this.refresh();
    const host = (req.headers.host ?? '').toLowerCase();
    if (!this.hosts.has(host)) return `Host ${JSON.stringify(short(req.headers.host ?? ''))} is not this studio`;
    const origin = req.headers.origin;
    if (origin !== undefined && !this.origins.has(origin.toLowerCase())) return `Origin ${JSON.stringify(short(origin))} is not this studio`;
    return null;
  }
}

export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '::1'] as const;

/**
 * One line per kind of trouble, not one per packet: a client that sends garbage in a loop must not
 * fill the log. The first of each kind is logged; then one line per minute with the count.
 */
export class OnceLog {
  private readonly seen = new Map<string, { at: number; suppressed: number }>();

  constructor(private readonly log: (line: string) => void) {}

  note(kind: string, detail: string): void {
    const now = Date.now();
    const s = this.seen.get(kind);
    if (s && now - s.at < 60_000) {
      s.suppressed++;
      return;
    }
    const more = s?.suppressed ? ` (${s.suppressed} more since the last line)` : '';
    this.seen.set(kind, { at: now, suppressed: 0 });
    if (this.seen.size > 200) this.seen.delete(this.seen.keys().next().value as string);
    this.log(`${kind}: ${short(detail, 200)}${more}`);
  }
}

/** An HTTP handler run so that neither a throw nor a rejection escapes: the client gets a 500. */
export function guardRequest(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void,
  log: OnceLog,
  label: string,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  return (req, res) => {
    req.on('error', () => res.destroy());
    res.on('error', () => res.destroy());
    const fail = (err: unknown) => {
      log.note(`${label}: request failed`, `${req.method} ${short(req.url ?? '')}: ${(err as Error)?.message ?? String(err)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal error');
      else res.destroy();
    };
    try {
      const p = handler(req, res);
      if (p) p.catch(fail);
    } catch (err) {
      fail(err);
    }
  };
}

/** Answer a refused request with a status and a short reason, logging it once per kind. */
export function refuse(res: http.ServerResponse, status: number, reason: string, log: OnceLog, label: string, headers: Record<string, string> = {}): void {
  log.note(`${label}: ${status}`, reason);
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end(`${reason}\n`);
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' };

/** Refuse an upgrade on the raw socket (no WebSocket yet), logged once per kind. */
export function refuseUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404, reason: string, log: OnceLog, label: string): void {
  log.note(`${label}: upgrade ${status}`, reason);
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

/** An upgrade handler whose throws close that socket instead of reaching the process. */
export function guardUpgrade(
  handler: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void,
  log: OnceLog,
  label: string,
): (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    // Before 'ws' takes the socket over, an ECONNRESET here would otherwise be unhandled.
    socket.on('error', (err) => log.note(`${label}: socket error`, err.message));
    try {
      handler(req, socket, head);
    } catch (err) {
      log.note(`${label}: upgrade failed`, (err as Error)?.message ?? String(err));
      socket.destroy();
    }
  };
}

/**
 * Every WebSocket of the studio: an 'error' listener (ws closes the socket itself with 1009 for an
 * oversize frame and 1007 for invalid UTF-8, and emits 'error' — unhandled, that ended the process),
 * and a message handler whose throws and rejections close only this socket with 1003.
 */
export function guardSocket(
  ws: WebSocket,
  onMessage: (data: Buffer, isBinary: boolean) => Promise<void> | void,
  log: OnceLog,
  label: string,
): void {
  ws.on('error', (err: Error & { code?: string }) => {
    log.note(`${label}: socket closed`, `${err.code ?? 'error'}: ${err.message}`);
  });
  ws.on('message', (data, isBinary) => {
    const bad = (err: unknown) => {
      log.note(`${label}: bad frame`, (err as Error)?.message ?? String(err));
      if (ws.readyState === ws.OPEN) ws.close(CLOSE.unsupported, 'malformed frame');
    };
    try {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
      const p = onMessage(buf, isBinary);
      if (p) p.catch(bad);
    } catch (err) {
      bad(err);
    }
  });
}

/** A text frame's JSON as a plain object, or null (null, arrays, strings, numbers are refused). */
export function jsonObject(text: string): Record<string, unknown> | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** The UTF-8 text of a frame, or null when it is not valid UTF-8 (fatal decoding, no U+FFFD). */
export function utf8(buf: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return null;
  }
}

function short(s: string, max = 120): string {
  // Control characters from a client never reach the log as such (no forged log lines).
  const clean = [...s].map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? ' ' : c)).join('');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
