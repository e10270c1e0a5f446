/**
 * Every Electron window gets the one security constant (src/main/window-security.ts), and the app
 * icon exists at the sizes the windows, packages and favicon use. Electron itself cannot run here,
 * so the windows are checked in their source: each `new BrowserWindow(` passes secureWebPreferences.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURE_WEB_PREFERENCES, secureWebPreferences } from '../../src/main/window-security';
import { repoRoot } from './helpers/media';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

describe('window security', () => {
  it('the constant is isolated, sandboxed and Node-free', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, webSecurity: true, webviewTag: false });
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });

  it('a caller cannot switch a security key off through the extras', () => {
    const sneaky = { preload: '/p.cjs', sandbox: false, nodeIntegration: true, contextIsolation: false } as unknown as { preload: string };
    expect(secureWebPreferences(sneaky)).toMatchObject({ preload: '/p.cjs', sandbox: true, nodeIntegration: false, contextIsolation: true });
  });

  it('every BrowserWindow in src is made with secureWebPreferences and the app icon where it is shown', () => {
    const made = sources(path.join(repoRoot, 'src')).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [...text.matchAll(/new BrowserWindow\(\{([\s\S]*?)\}\);/g)].map((m) => ({ file: path.relative(repoRoot, file), options: m[1]! }));
    });
    expect(made.length).toBeGreaterThanOrEqual(3);
    for (const w of made) {
      expect(w.options, w.file).toMatch(/webPreferences: secureWebPreferences\(/);
      // A window people see has a title; the hidden analyzer window has neither title nor icon.
      if (/title:/.test(w.options)) expect(w.options, w.file).toMatch(/icon: appIcon/);
    }
  });
});

describe('app icon (resources/)', () => {
  it.each([16, 32, 48, 64, 128, 256, 512])('icon-%i.png is a %i px square RGBA PNG', (size) => {
    const png = readFileSync(path.join(repoRoot, 'resources', `icon-${size}.png`));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width, height, bit depth, colour type (6 = RGBA, so the rounded corners are transparent).
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([size, size, 8, 6]);
  });

  it('the renderer page links the icon as its favicon', () => {
    expect(readFileSync(path.join(repoRoot, 'src/renderer/index.html'), 'utf8')).toMatch(/<link rel="icon"[^>]*href="\.\.\/\.\.\/resources\/icon-32\.png"/);
  });
});
