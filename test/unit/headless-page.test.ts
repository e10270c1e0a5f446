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

describe('headless analyzer page outliving its studio', () => {
  it('a studio that ends without closing it (killed, crashed) leaves no Chromium behind', async () => {
    const { spawn } = await import('node:child_process');
    const path = await import('node:path');
    const { repoRoot } = await import('./helpers/media');
    const script = `import { openHeadlessPage } from ${JSON.stringify(path.join(repoRoot, 'src/main/services/checker/headless-page.ts'))};
const p = await openHeadlessPage('about:blank', process.env);
console.log(p.pid);
setTimeout(() => process.kill(process.pid, 'SIGKILL'), 1500);`;
    const studio = spawn(path.join(repoRoot, 'node_modules/.bin/tsx'), ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    studio.stdout.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise((r) => studio.once('exit', r));
    const pid = Number(out.trim().split('\n')[0]);
    expect(pid).toBeGreaterThan(0);
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    const left = alive(pid);
    if (left) process.kill(-pid, 'SIGKILL'); // ours: do not leave it running even when the test fails
    expect(left).toBe(false);
  }, 120_000);
});
