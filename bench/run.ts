/**
 * `npm run bench`: every benchmark, a table on stdout, bench/results.json for the record. Numbers
 * to report, never pass/fail. `npm run bench -- finalize` runs only the named groups.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchChecker } from './checker';
import { benchFoundation } from './foundation';
import { benchKeying } from './keying';
import { benchTakes } from './takes';
import { repoRoot, type BenchEntry } from './lib';
import { benchTranscode } from './transcode';
import { benchVision } from './vision';

const GROUPS: Record<string, () => Promise<BenchEntry[]>> = {
  foundation: benchFoundation,
  transcode: benchTranscode,
  checker: benchChecker,
  keying: benchKeying,
  vision: benchVision,
  takes: benchTakes,
};

const only = process.argv.slice(2);
const results: { group: string; entries: BenchEntry[] }[] = [];
for (const [group, run] of Object.entries(GROUPS)) {
  if (only.length && !only.includes(group)) continue;
  process.stderr.write(`bench ${group}…\n`);
  try {
    results.push({ group, entries: await run() });
  } catch (err) {
    results.push({ group, entries: [{ name: 'error', value: NaN, unit: '', note: (err as Error).message }] });
  }
}

const rows = results.flatMap((r) => r.entries.map((e) => ({ group: r.group, ...e })));
const fmt = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3)) : 'n/a');
const w = Math.max(...rows.map((r) => `${r.group}.${r.name}`.length), 10);
console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(10)}  unit / note`);
for (const r of rows) console.log(`${`${r.group}.${r.name}`.padEnd(w)}  ${fmt(r.value).padStart(10)}  ${r.unit}${r.note ? `  (${r.note})` : ''}`);

// Groups not run this time keep their last numbers, with their own date.
const file = path.join(repoRoot, 'bench', 'results.json');
let previous: { results?: { group: string; date?: string; entries: BenchEntry[] }[] } = {};
try {
  previous = JSON.parse(readFileSync(file, 'utf8')) as typeof previous;
} catch {
  /* first run */
}
const now = new Date().toISOString();
const merged = [
  ...results.map((r) => ({ ...r, date: now })),
  ...(previous.results ?? []).filter((p) => !results.some((r) => r.group === p.group)),
].sort((a, b) => Object.keys(GROUPS).indexOf(a.group) - Object.keys(GROUPS).indexOf(b.group));
const out = {
  date: now,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memGiB: Math.round(os.totalmem() / 2 ** 30) },
  results: merged,
};
writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`\nwrote bench/results.json`);
