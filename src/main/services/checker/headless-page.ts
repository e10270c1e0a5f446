import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StudioError } from '../../../shared/errors';
import { findChromium, HEADLESS_CHROMIUM_ARGS } from '../chromium-path';

export interface HeadlessPage {
  /** The browser's process (and process group) id. */
  readonly pid: number | undefined;
  /** Its throw-away profile folder, removed on close. */
  readonly profileDir: string;
  close(): Promise<void>;
  /** The last lines Chromium wrote to stderr (why it did not start or left). */
  describeFailure(): Promise<string>;
  /** Settles when the browser process has exited (a failed start must not wait for a timeout). */
  exited: Promise<void>;
}

/**
 * The analyzer page in a headless Chromium started on its own, with no DevTools client attached.
 * Measured (issue #15): driven through Playwright, every frame the page received was also sent to
 * the DevTools client as a base64 Network.webSocketFrameReceived event — Chromium's browser process
 * encoded ~1.2 MB a frame and the studio's main thread parsed it and collected the garbage (node
 * --cpu-prof: GC 5.9 s of a 216-frame check). The page needs no remote control: it reports over
 * its own socket.
 */
export async function openHeadlessPage(url: string, env: NodeJS.ProcessEnv, args: readonly string[] = HEADLESS_CHROMIUM_ARGS): Promise<HeadlessPage> {
  const executable = findChromium(env);
  if (!executable) {
    throw new StudioError('not-found', 'No Chromium or Chrome found for the face analysis', {
      hint: 'Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH',
    });
  }
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cs-analyzer-'));
  // Its own process group: closing ends the browser and every helper it started, and nothing else.
  // --remote-debugging-pipe on fds 3/4 that nobody speaks on: no DevTools session (no mirrored
  // frames), but Chromium exits when the pipe closes — so it dies with the studio however the studio
  // ends (a found orphan: a detached browser outlived the process that started it).
  const child = spawn(executable, ['--headless', ...args, `--user-data-dir=${profile}`, '--no-default-browser-check', '--mute-audio', '--remote-debugging-pipe', url], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: true,
  });
  const tail: string[] = [];
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (s: string) => {
    tail.push(...s.split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 5));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (err) => tail.push(err.message));
  return {
    pid: child.pid,
    profileDir: profile,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
        const killLater = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 3000);
        await exited;
        clearTimeout(killLater);
        // Its helpers (zygote, utility processes) leave a moment after the browser: wait for the
        // group to empty, then end what is left of it (our own group only).
        for (let i = 0; i < 40 && groupAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 50));
        if (groupAlive(child.pid)) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
      }
      rmSync(profile, { recursive: true, force: true });
    },
    exited,
    describeFailure: async () => (child.exitCode !== null ? `Chromium exited (${child.exitCode}): ` : '') + tail.join(' ').slice(0, 400),
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
