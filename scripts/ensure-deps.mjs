/**
 * Make a fresh machine ready: Debian's ffmpeg and Chromium (when root on a Debian-like system) and
 * the npm packages. Plain Node, no dependencies, so it can run before `npm ci`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function has(cmd) {
  return spawnSync('sh', ['-c', 'command -v "$0"', cmd], { stdio: 'ignore' }).status === 0;
}

function sh(cmd, args, opts = {}) {
  console.log(`> ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status === 0;
}

export function ensureSystemPackages({ chromium }) {
  const want = [];
  if (!has('ffmpeg') || !has('ffprobe')) want.push('ffmpeg');
  if (chromium && !has('chromium') && !has('chromium-browser') && !has('google-chrome')) want.push('chromium');
  if (chromium && has('fc-list') && !/noto.*cjk/i.test(spawnSync('fc-list', { encoding: 'utf8' }).stdout ?? '')) {
    want.push('fonts-noto-cjk');
  }
  if (want.length === 0) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(`Missing: ${want.join(', ')}. Install them with your package manager (Debian/Ubuntu: sudo apt-get install ${want.join(' ')}; macOS: brew install ffmpeg).`);
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  return sh('apt-get', ['update', '-qq'], { env }) && sh('apt-get', ['install', '-y', '-qq', ...want], { env });
}

/** npm ci when node_modules is missing or older than the lockfile. */
export function ensureNodeModules(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  const fresh = existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return true;
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  console.log(`Installing the npm packages of ${pkg.name}…`);
  // --loglevel=error: npm would warn EBADENGINE for Electron's Node ≥ 22.12 wish, which serve mode does not share.
  return sh('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: root });
}
