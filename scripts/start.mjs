#!/usr/bin/env node
/**
 * `npm start`: install what is missing, build, then open the desktop app. Where the Electron
 * binary is absent (it is downloaded from outside the npm registry, which some networks block),
 * say so and run the same studio in serve mode for a browser instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemPackages } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceServe = args.includes('--serve');

if (!ensureNodeModules(root)) process.exit(1);
ensureSystemPackages({ chromium: false }); // the studio says so in its window if ffmpeg is still missing

function electronBinary() {
  try {
    const p = createRequire(path.join(root, 'package.json'))('electron');
    return typeof p === 'string' ? p : null;
  } catch (err) {
    return { error: err instanceof Error ? err.message.split('\n')[0] : String(err) };
  }
}

let electron = forceServe ? null : electronBinary();
if (electron && typeof electron === 'object') {
  // One try at the download the npm install skipped (npm 11 runs no install scripts by default).
  spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { stdio: 'inherit' });
  electron = electronBinary();
}

if (!forceServe && typeof electron === 'string') {
  if (spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceServe) {
    const why = electron && typeof electron === 'object' ? electron.error : 'not installed';
    console.log(`\nThe Electron binary is not available (${why}).`);
    console.log('Starting the studio in serve mode instead: open the address below in Chromium or Chrome.\n');
  }
  const child = spawn('npm', ['run', 'serve', '--', ...args.filter((a) => a !== '--serve')], { cwd: root, stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
