import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/**
 * A Chromium or Chrome on this machine, for the headless face analysis of the checker and for the
 * browser tests: CHROMIUM_PATH, then the usual install places, then PATH. Null when none is found.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [
    env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ...(env.PATH ?? '').split(path.delimiter).flatMap((d) => (d ? ['chromium', 'chromium-browser', 'google-chrome'].map((n) => path.join(d, n)) : [])),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/** Flags for a headless Chromium here: no sandbox as root, no GPU, nothing that dials out. */
export const HEADLESS_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
