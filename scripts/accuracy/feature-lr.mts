/**
 * Cue probe (harness only; round 11, not shipped): would a learnt combination of the occlusion
 * tests' own quantities (feature-dump.mts's CSV) find covers their hand-set limits miss, without
 * new false alarms? Logistic regression (class-weighted, L2, plain gradient descent) trained on
 * every set but one; its limit is the highest score two clean training frames in a row both reach
 * (the rules' own bar: no false breach on what is known), plus MARGIN. On the set left out it
 * prints, for the shipped rules and for "rules OR the learnt score", the labelled episodes found
 * (a breach = two frames in a row flagged, overlapping the episode) and the false breaches.
 *   npx tsx scripts/accuracy/feature-lr.mts features.csv
 */
import { readFileSync } from 'node:fs';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: feature-lr.mts features.csv');
const MARGIN = Number(process.env.MARGIN ?? 0);
const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
const cols = (head as string).split(',');
const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i] as string, v])));
const num = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v));

/** Ratios as logs (neutral 0 and a "missing" flag when unknown), moves as they are, shares as they are. */
function features(r: Record<string, string>): number[] {
  const x: number[] = [];
  for (const k of ['fade', 'lumaR', 'red']) {
    const v = num(r[k]);
    x.push(Number.isFinite(v) ? Math.log(Math.max(v, 0.02)) : 0, Number.isFinite(v) ? 0 : 1);
  }
  for (const k of ['slice', 'anom', 'anomLocal']) {
    const v = num(r[k]);
    x.push(Number.isFinite(v) ? v : 0);
  }
  for (const k of ['halfMin', 'sectMin']) {
    const v = num(r[k]);
    x.push(Number.isFinite(v) ? Math.max(0.05 - v, 0) : 0);
  }
  for (const k of ['pale', 'yellow', 'blue', 'grey', 'dark', 'mouth', 'hand']) x.push(num(r[k]) || 0);
  x.push(Math.min(num(r.gap) || 0, 0.5));
  return x;
}

const X = rows.map(features);
const y = rows.map((r) => Number(r.label));
const rule = rows.map((r) => r.rule === '1');
const set = rows.map((r) => r.set as string);
const key = rows.map((r) => r.key as string);
const frame = rows.map((r) => Number(r.i));
const d = (X[0] as number[]).length;
const mean = Array.from({ length: d }, (_, j) => X.reduce((a, x) => a + (x[j] as number), 0) / X.length);
const sd = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((a, x) => a + ((x[j] as number) - (mean[j] as number)) ** 2, 0) / X.length) + 1e-9);
const Z = X.map((x) => [...x.map((v, j) => (v - (mean[j] as number)) / (sd[j] as number)), 1]);
const dot = (w: number[], z: number[]) => z.reduce((a, v, j) => a + v * (w[j] as number), 0);

function train(use: (i: number) => boolean): number[] {
  const idx = y.map((_, i) => i).filter((i) => use(i) && (y[i] as number) >= 0);
  const pos = idx.filter((i) => y[i] === 1).length;
  const weightPos = (idx.length - pos) / Math.max(pos, 1);
  const w = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < 1500; it++) {
    const g = new Array<number>(d + 1).fill(0);
    for (const i of idx) {
      const z = Z[i] as number[];
      const p = 1 / (1 + Math.exp(-dot(w, z)));
      const k = (p - (y[i] as number)) * (y[i] === 1 ? weightPos : 1);
      for (let j = 0; j <= d; j++) g[j] = (g[j] as number) + k * (z[j] as number);
    }
    for (let j = 0; j <= d; j++) w[j] = (w[j] as number) - 0.5 * ((g[j] as number) / idx.length + 1e-3 * (w[j] as number));
  }
  return w;
}

/** Episodes found and false breaches on the rows `use` picks, a breach being two frames in a row flagged. */
function evaluate(use: (i: number) => boolean, flag: (i: number) => boolean): { found: number; episodes: number; falseRuns: number } {
  const byClip = new Map<string, number[]>();
  y.forEach((_, i) => use(i) && byClip.set(key[i] as string, [...(byClip.get(key[i] as string) ?? []), i]));
  let found = 0;
  let episodes = 0;
  let falseRuns = 0;
  for (const idx of byClip.values()) {
    idx.sort((a, b) => (frame[a] as number) - (frame[b] as number));
    const breach = new Set<number>();
    for (let k = 1; k < idx.length; k++) {
      const [a, b] = [idx[k - 1] as number, idx[k] as number];
      if (frame[b] === (frame[a] as number) + 1 && flag(a) && flag(b)) breach.add(a).add(b);
    }
    let current: number[] = [];
    const runs: number[][] = [];
    for (const i of idx) {
      if (y[i] === 1 && (!current.length || frame[i] === (frame[current[current.length - 1] as number] as number) + 1)) current.push(i);
      else {
        if (current.length) runs.push(current);
        current = y[i] === 1 ? [i] : [];
      }
    }
    if (current.length) runs.push(current);
    episodes += runs.length;
    found += runs.filter((r) => r.some((i) => breach.has(i))).length;
    let last = -2;
    for (const i of [...breach].filter((i) => y[i] === 0).sort((a, b) => (frame[a] as number) - (frame[b] as number))) {
      if ((frame[i] as number) !== last + 1) falseRuns++;
      last = frame[i] as number;
    }
  }
  return { found, episodes, falseRuns };
}

console.log('| left out | rules: found / episodes, false breaches | rules OR learnt score | limit |');
console.log('|---|---|---|---|');
for (const out of ['G', 'H', 'I', 'J', 'K', 'L'].filter((s) => set.includes(s))) {
  const w = train((i) => set[i] !== out);
  const s = Z.map((z) => dot(w, z));
  let limit = -Infinity;
  for (let i = 1; i < s.length; i++)
    if (set[i] !== out && key[i] === key[i - 1] && frame[i] === (frame[i - 1] as number) + 1 && y[i] === 0 && y[i - 1] === 0)
      limit = Math.max(limit, Math.min(s[i] as number, s[i - 1] as number));
  limit += MARGIN;
  const a = evaluate((i) => set[i] === out, (i) => rule[i] as boolean);
  const b = evaluate((i) => set[i] === out, (i) => (rule[i] as boolean) || (s[i] as number) > limit);
  console.log(`| ${out} | ${a.found} / ${a.episodes}, ${a.falseRuns} | ${b.found} / ${b.episodes}, ${b.falseRuns} | ${limit.toFixed(2)} |`);
}
