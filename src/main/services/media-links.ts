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
 * Files main lets the renderer open (a checked video to play, a report to view) by an unguessable
 * link: the renderer never names a path, and only files main registered are served.
 */
export class MediaLinks {
  private readonly files = new Map<string, string>();

  link(file: string): string {
    const id = randomBytes(16).toString('base64url');
    this.files.set(id, path.resolve(file));
    return `${MEDIA_ROUTE}${id}${path.extname(file).toLowerCase()}`;
  }

  resolve(urlPath: string): string | null {
    if (!urlPath.startsWith(MEDIA_ROUTE)) return null;
    const id = urlPath.slice(MEDIA_ROUTE.length).replace(/\.[a-z0-9]+$/i, '');
    return this.files.get(id) ?? null;
  }

  /** Serve a registered file with HTTP range support (video seeking). */
  async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const file = this.resolve(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!file) return false;
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
      else createReadStream(file, { start, end }).pipe(res);
      return true;
    }
    res.writeHead(200, { ...base, 'content-length': size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
    return true;
  }
}
