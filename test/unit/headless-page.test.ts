/**
 * Issue #15: the analyzer page's Chromium runs with no DevTools client (every frame was mirrored to
 * Playwright as a base64 event). The browser is ours to end: close() ends its whole process group
 * and removes its profile; nothing else is touched.
 */
import { existsSync } from 'node:fs';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { openHeadlessPage } from '../../src/main/services/checker/headless-page';

function alive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('headless analyzer page', () => {
  it('loads the address it is given, and close() ends every process of it and removes its profile', async () => {
    let served!: () => void;
    const loaded = new Promise<void>((r) => (served = r));
    const server = http.createServer((req, res) => {
      if (req.url === '/page') served();
      res.end('<!doctype html><title>x</title>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const page = await openHeadlessPage(`http://127.0.0.1:${port}/page`, process.env);
    try {
      await loaded;
      expect(page.pid).toBeGreaterThan(0);
      expect(alive(page.pid!)).toBe(true);
      expect(existsSync(page.profileDir)).toBe(true);
    } finally {
      await page.close();
      server.closeAllConnections();
      server.close();
    }
    // SIGKILL'd leftovers may take a moment to be reaped.
    for (let i = 0; i < 20 && alive(page.pid!); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(page.pid!)).toBe(false);
    expect(existsSync(page.profileDir)).toBe(false);
    await page.close(); // twice is harmless
  }, 120_000);
});
