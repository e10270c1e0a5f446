/**
 * A second voice by its spectral envelope, not its pitch (issue #14, §1.2.2 / §7.2): the MFCC of the
 * voiced speech frames are cut into segments at pauses, and the segments are merged bottom-up while
 * the Bayesian information criterion says one full-covariance Gaussian explains two of them better
 * than two (ΔBIC < 0; Chen & Gopalakrishnan 1998). What is left unmerged and holds enough voiced
 * speech is a separate voice. Pure: from the MFCC rows and a voiced-frame mask.
 */
import { SECOND_VOICE } from '../../../src/shared/standards';
import { SPEAKER_CHANGE } from './params';

export interface VoiceCluster {
  /** Voiced speech in this cluster, seconds. */
  seconds: number;
  /** Segment start times (s), in file order. */
  starts: number[];
}

export interface SpeakerClusters {
  clusters: VoiceCluster[];
  /** Clusters holding ≥ SECOND_VOICE.minSeconds of voiced speech. */
  voices: number;
}

interface Stats {
  n: number;
  sum: Float64Array;
  /** Upper triangle of Σ x xᵀ, row-major d×d (full matrix kept for simplicity). */
  outer: Float64Array;
  starts: number[];
}

function emptyStats(d: number): Stats {
  return { n: 0, sum: new Float64Array(d), outer: new Float64Array(d * d), starts: [] };
}

function add(s: Stats, x: Float32Array): void {
  const d = s.sum.length;
  s.n++;
  for (let i = 0; i < d; i++) {
    s.sum[i]! += x[i]!;
    for (let j = i; j < d; j++) s.outer[i * d + j]! += x[i]! * x[j]!;
  }
}

function merged(a: Stats, b: Stats): Stats {
  const d = a.sum.length;
  const m = emptyStats(d);
  m.n = a.n + b.n;
  for (let i = 0; i < d; i++) m.sum[i] = a.sum[i]! + b.sum[i]!;
  for (let i = 0; i < d * d; i++) m.outer[i] = a.outer[i]! + b.outer[i]!;
  m.starts = [...a.starts, ...b.starts].sort((x, y) => x - y);
  return m;
}

/** log|Σ| of the maximum-likelihood covariance, by Cholesky; a tiny ridge keeps short segments finite. */
export function logDetCov(s: Stats): number {
  const d = s.sum.length;
  const c = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const v = s.outer[i * d + j]! / s.n - (s.sum[i]! / s.n) * (s.sum[j]! / s.n);
      c[i * d + j] = v;
      c[j * d + i] = v;
    }
  }
  let trace = 0;
  for (let i = 0; i < d; i++) trace += c[i * d + i]!;
  const ridge = Math.max(1e-9, (1e-4 * trace) / d);
  for (let i = 0; i < d; i++) c[i * d + i]! += ridge;
  let logDet = 0;
  for (let j = 0; j < d; j++) {
    let diag = c[j * d + j]!;
    for (let k = 0; k < j; k++) diag -= c[j * d + k]! ** 2;
    if (!(diag > 0)) return -Infinity;
    const l = Math.sqrt(diag);
    c[j * d + j] = l;
    logDet += 2 * Math.log(l);
    for (let i = j + 1; i < d; i++) {
      let v = c[i * d + j]!;
      for (let k = 0; k < j; k++) v -= c[i * d + k]! * c[j * d + k]!;
      c[i * d + j] = v / l;
    }
  }
  return logDet;
}

/** ΔBIC of merging a and b: > 0 says they are two sources. */
export function deltaBic(a: Stats, b: Stats, lambda: number): number {
  const d = a.sum.length;
  const m = merged(a, b);
  const glr = 0.5 * (m.n * logDetCov(m) - a.n * logDetCov(a) - b.n * logDetCov(b));
  const penalty = 0.5 * (d + (d * (d + 1)) / 2) * Math.log(m.n);
  return glr - lambda * penalty;
}

/**
 * Segments of voiced MFCC frames: a segment closes at SPEAKER_CHANGE.segmentSeconds of voiced speech,
 * or at a pause of ≥ pauseSeconds once it holds minSegmentSeconds. Shorter rests are dropped.
 */
export function voicedSegments(rows: readonly Float32Array[], voiced: (k: number) => boolean, hopSec: number): Stats[] {
  const d = rows[0]?.length ?? 0;
  const maxN = Math.round(SPEAKER_CHANGE.segmentSeconds / hopSec);
  const minN = Math.round(SPEAKER_CHANGE.minSegmentSeconds / hopSec);
  const pauseN = Math.round(SPEAKER_CHANGE.pauseSeconds / hopSec);
  const out: Stats[] = [];
  let cur = emptyStats(d);
  let gap = 0;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    if (!voiced(k) || !row.every(Number.isFinite)) {
      gap++;
      if (gap >= pauseN && cur.n >= minN) {
        out.push(cur);
        cur = emptyStats(d);
      }
      continue;
    }
    gap = 0;
    if (cur.n === 0) cur.starts.push(k * hopSec);
    add(cur, row);
    if (cur.n >= maxN) {
      out.push(cur);
      cur = emptyStats(d);
    }
  }
  if (cur.n >= minN) out.push(cur);
  return out;
}

/**
 * Bottom-up ΔBIC clustering of the segments, stopping when every pair's ΔBIC is ≥ 0. Pairwise ΔBIC
 * are cached with each row's minimum, and only what a merge touches is recomputed, so a long take
 * costs O(n²) ΔBIC evaluations for n segments rather than O(n³).
 */
export function clusterSegments(segments: readonly Stats[], hopSec: number, lambda: number = SPEAKER_CHANGE.lambda): SpeakerClusters {
  const cl: (Stats | null)[] = segments.slice();
  const n = cl.length;
  const logDet = cl.map((c) => logDetCov(c!));
  const d = segments[0]?.sum.length ?? 0;
  const paramCount = d + (d * (d + 1)) / 2;
  // dbic[i·n + j] for i < j; rowMin[i] = the column of row i's smallest live entry (−1: none).
  const dbic = new Float64Array(n * n).fill(Infinity);
  const rowMin = new Int32Array(n).fill(-1);
  const pair = (i: number, j: number) => {
    const a = cl[i]!;
    const b = cl[j]!;
    const m = merged(a, b);
    return 0.5 * (m.n * logDetCov(m) - a.n * logDet[i]! - b.n * logDet[j]!) - lambda * 0.5 * paramCount * Math.log(m.n);
  };
  const scanRow = (i: number) => {
    let best = -1;
    for (let j = i + 1; j < n; j++) if (cl[j] && (best < 0 || dbic[i * n + j]! < dbic[i * n + best]!)) best = j;
    rowMin[i] = best;
  };
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) dbic[i * n + j] = pair(i, j);
  for (let i = 0; i < n; i++) scanRow(i);
  for (;;) {
    let bi = -1;
    for (let i = 0; i < n; i++) {
      if (!cl[i] || rowMin[i]! < 0) continue;
      if (bi < 0 || dbic[i * n + rowMin[i]!]! < dbic[bi * n + rowMin[bi]!]!) bi = i;
    }
    if (bi < 0 || !(dbic[bi * n + rowMin[bi]!]! < 0)) break;
    const bj = rowMin[bi]!;
    cl[bi] = merged(cl[bi]!, cl[bj]!);
    logDet[bi] = logDetCov(cl[bi]!);
    cl[bj] = null;
    for (let k = 0; k < n; k++) {
      if (k === bi || !cl[k]) continue;
      const [i, j] = k < bi ? [k, bi] : [bi, k];
      dbic[i * n + j] = pair(i, j);
    }
    scanRow(bi);
    // Rows above bi: their entry at bi changed and bj is gone.
    for (let k = 0; k < bi; k++) {
      if (!cl[k]) continue;
      if (rowMin[k] === bi || rowMin[k] === bj) scanRow(k);
      else if (rowMin[k]! < 0 || dbic[k * n + bi]! < dbic[k * n + rowMin[k]!]!) rowMin[k] = bi;
    }
    for (let k = bi + 1; k < bj; k++) if (cl[k] && rowMin[k] === bj) scanRow(k);
  }
  const clusters = cl
    .filter((c): c is Stats => c !== null)
    .map((c) => ({ seconds: c.n * hopSec, starts: c.starts }))
    .sort((a, b) => b.seconds - a.seconds);
  return { clusters, voices: clusters.filter((c) => c.seconds >= SECOND_VOICE.minSeconds).length };
}
