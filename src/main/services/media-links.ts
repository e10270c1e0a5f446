import { randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

export const MEDIA_ROUTE = '/media/';

const TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
  '.webm': 'video/webm',
  '.html': 'text/html; charset=utf-8',
};

/**
 * How long a link lives after its last use: long enough to review a report, short enough that a
 * link copied out of the studio stops working the same day (issue #11). Links also end with their
 * owner (revokeOwner) and with the studio process.
 */
export const MEDIA_LINK_IDLE_MS = 2 * 60 * 60 * 1000;

/**
 * Files main lets the renderer open (a checked video to play, a report to view) by an unguessable
 * link: the renderer never names a path, and only files main registered are served, by GET/HEAD,
 * while the link lives.
 */
export class MediaLinks {
  private readonly files = new Map<string, { file: string; owner: string | null; lastUse: number }>();

  constructor(
    private readonly idleMs = MEDIA_LINK_IDLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A link to `file`; `owner` (a job or session id) lets revokeOwner end it with its job. */
  link(file: string, owner: string | null = null): string {
    const id = randomBytes(16).toString('base64url');
    this.files.set(id, { file: path.resolve(file), owner, lastUse: this.now() });
    return `${MEDIA_ROUTE}${id}${path.extname(file).toLowerCase()}`;
  }

  /** End every link of this owner (its job or session is over). */
  revokeOwner(owner: string): void {
    for (const [id, l] of this.files) if (l.owner === owner) this.files.delete(id);
  }

  clear(): void {
    this.files.clear();
  }

  resolve(urlPath: string): string | null {
    if (!urlPath.startsWith(MEDIA_ROUTE)) return null;
    const id = urlPath.slice(MEDIA_ROUTE.length).replace(/\.[a-z0-9]+$/i, '');
    const entry = this.files.get(id);
    if (!entry) return null;
    if (this.now() - entry.lastUse > this.idleMs) {
      this.files.delete(id);
      return null;
    }
    entry.lastUse = this.now();
    return entry.file;
  }

  /**
   * Serve a registered file with HTTP range support (video seeking). False when `pathname` is no
   * live link (the caller answers 404); other methods than GET/HEAD get 405.
   */
  async serve(pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const file = this.resolve(pathname);
    if (!file) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Only GET and HEAD\n');
      return true;
    }
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      res.writeHead(404).end();
      return true;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    const base = { 'content-type': type, 'accept-ranges': 'bytes', 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(size - 1, Number(range[2])) : size - 1;
      if (start > end || start >= size) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return true;
      }
      res.writeHead(206, { ...base, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
      if (req.method === 'HEAD') res.end();
      else pipeFile(createReadStream(file, { start, end }), res);
      return true;
    }
    res.writeHead(200, { ...base, 'content-length': size });
    if (req.method === 'HEAD') res.end();
    else pipeFile(createReadStream(file), res);
    return true;
  }
}

/** A read error mid-stream (the file removed, a bad disk) ends that response, not the process. */
function pipeFile(stream: ReturnType<typeof createReadStream>, res: http.ServerResponse): void {
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
