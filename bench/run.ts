/**
 * `npm run bench`: every benchmark, a table on stdout, bench/results.json for the record. Numbers
 * to report, never pass/fail. `npm run bench -- finalize` runs only the named groups.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFoundation } from './foundation';
import { repoRoot, type BenchEntry } from './lib';

const GROUPS: Record<string, () => Promise<BenchEntry[]>> = {
  foundation: benchFoundation,
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

const out = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', memGiB: Math.round(os.totalmem() / 2 ** 30) },
  results,
};
writeFileSync(path.join(repoRoot, 'bench', 'results.json'), JSON.stringify(out, null, 2) + '\n');
console.log(`\nwrote bench/results.json`);
