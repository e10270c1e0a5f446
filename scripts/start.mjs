#!/usr/bin/env node
/**
 * `npm start`: install what is missing, build, then open the desktop app. Where the Electron
 * binary is absent (it is downloaded from outside the npm registry, which some networks block, and
 * Electron 45's downloader needs Node ≥ 22.12), say so in one line and run the same studio in serve
 * mode for a browser instead. No stack traces: the download's own output is kept out of sight and
 * its failure becomes that one line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemPackages } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceServe = args.includes('--serve');
/** Electron 45 and @electron/get ask for Node ≥ 22.12; serve mode runs on Node ≥ 20.10. */
const ELECTRON_NODE = [22, 12];
/** The one try at the Electron download may not hang the start. */
const DOWNLOAD_TIMEOUT_MS = 120_000;

if (!ensureNodeModules(root)) process.exit(1);
ensureSystemPackages({ chromium: false }); // the studio says so in its window if ffmpeg is still missing

function nodeFitsElectron() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > ELECTRON_NODE[0] || (major === ELECTRON_NODE[0] && minor >= ELECTRON_NODE[1]);
}

/**
 * The Electron binary's path, or null. Read from the package's path.txt rather than
 * require('electron'): that starts a download of its own and prints its stack traces.
 */
function electronBinary() {
  const pkg = path.join(root, 'node_modules/electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = readFileSync(pathFile, 'utf8').trim();
  const full = path.join(override ?? path.join(pkg, 'dist'), exe);
  return existsSync(full) ? full : null;
}

/** Why the desktop app cannot open, in one sentence; null when it can. */
function electronProblem() {
  if (electronBinary()) return null;
  if (!nodeFitsElectron()) {
    return `the desktop app (Electron 45) needs Node ${ELECTRON_NODE.join('.')} or newer, this is Node ${process.versions.node}`;
  }
  // One quiet try at the download the npm install skipped (npm 11 runs no install scripts by default).
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules/electron/install.js')], {
    cwd: root,
    stdio: 'ignore',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  if (electronBinary()) return null;
  return r.error?.code === 'ETIMEDOUT'
    ? 'its binary download timed out (set ELECTRON_MIRROR to a reachable mirror)'
    : 'its binary could not be downloaded (set ELECTRON_MIRROR to a reachable mirror)';
}

const problem = forceServe ? 'serve' : electronProblem();
const build = (level) => spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', level], { cwd: root, stdio: 'inherit' });

if (problem === null) {
  if (build('warn').status !== 0) process.exit(1);
  const child = spawn(/** @type {string} */ (electronBinary()), [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceServe) console.log(`Electron is not available: ${problem}. Starting serve mode; open the address below in Chromium or Chrome.`);
  if (build('error').status !== 0) process.exit(1);
  const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join(root, 'src/main/serve.ts'), ...args.filter((a) => a !== '--serve')], { cwd: root, stdio: 'inherit' });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
