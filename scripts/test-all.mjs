#!/usr/bin/env node
/**
 * `npm test`: every suite in order — build, lint, typecheck, unit (Vitest), e2e (Playwright) — then
 * one plain closing line "N passed, N failed" that sums them (CI reads that line). Lint, typecheck
 * and build count as one check each. A suite that cannot start counts as failed, never as skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeModules, ensureSystemPackages } from './ensure-deps.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const only = process.argv.slice(2);
// The face model the suites use, as CI's .ci/run and playwright.config.ts find it: ../shared/models.
process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve(root, '../shared/models/face_landmarker.task');

// A fresh machine: install what the suites need first (CI's .ci/run has done it already).
if (!ensureSystemPackages({ chromium: true }) || !ensureNodeModules(root)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const want = (name) => only.length === 0 || only.includes(name);

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, ok) {
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (want('build')) check('build', run('build', 'npx', ['electron-vite', 'build']));
if (want('lint')) check('lint', run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));
if (want('typecheck')) {
  check('typecheck', run('typecheck', 'npx', ['tsc', '-b', 'tsconfig.json', '--noEmit']));
}

if (want('unit')) {
  const out = path.join(results, 'vitest.json');
  rmSync(out, { force: true });
  const ok = run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  const j = readJson(out);
  if (j) {
    passed += j.numPassedTests;
    failed += j.numFailedTests;
    skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    lines.push(`unit: ${j.numPassedTests} passed, ${j.numFailedTests} failed`);
    if (!ok && j.numFailedTests === 0) check('unit suite (errors outside tests)', false);
  } else check('unit suite', false);
}

if (want('e2e')) {
  const out = path.join(results, 'playwright.json');
  rmSync(out, { force: true });
  const ok = run('e2e', 'npx', ['playwright', 'test'], { CI: process.env.CI ?? '1' });
  const j = readJson(out);
  if (j?.stats) {
    passed += j.stats.expected;
    failed += j.stats.unexpected + (j.stats.flaky ?? 0);
    skipped += j.stats.skipped;
    lines.push(`e2e: ${j.stats.expected} passed, ${j.stats.unexpected} failed, ${j.stats.skipped} skipped`);
    if (!ok && j.stats.unexpected === 0) check('e2e suite (errors outside tests)', false);
  } else check('e2e suite', false);
}

console.log('\n' + lines.join('\n'));
if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) console.log('note: out/renderer was not built');
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
