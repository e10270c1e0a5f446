import { createReadStream, promises as fs } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.task': 'application/octet-stream',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a URL path to a file inside `root`, or null. Client-side routes (no extension) get the app's
 * index.html; anything that would resolve outside the root is refused.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = path.resolve(root);
  const candidate = path.resolve(base, '.' + path.posix.normalize('/' + decoded));
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  try {
    const stat = await fs.stat(candidate);
    if (stat.isFile()) return candidate;
  } catch {
    /* fall through to the SPA route below */
  }
  return path.extname(decoded) === '' ? path.join(base, 'index.html') : null;
}

/** A file of the built renderer, with the app's CSP and no sniffing, to any server of the studio. */
export function sendRendererFile(req: http.IncomingMessage, res: http.ServerResponse, file: string): void {
  res.writeHead(200, {
    'content-type': contentType(file),
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}
