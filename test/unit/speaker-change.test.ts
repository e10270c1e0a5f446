/**
 * ΔBIC clustering (scripts/voice/spectral/speaker-change.ts, an experiment, not a rule) on synthetic features whose sources are known
 * by construction (seeded Gaussian draws), and the cached clustering against a plain O(n³) loop over
 * deltaBic — the same merges, so the same clusters.
 */
import { describe, expect, it } from 'vitest';
import { clusterSegments, deltaBic, voicedSegments } from '../../scripts/voice/spectral/speaker-change';

const HOP = 0.01;
const D = 12;

/** A seeded normal sampler (mulberry32 + Box–Muller), so every run draws the same numbers. */
function normal(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
}

/** Rows from sources: each source a mean shift on the first `dims` coordinates. */
function rows(plan: { seconds: number; shift: number }[], seed = 1, dims = 3): Float32Array[] {
  const g = normal(seed);
  const out: Float32Array[] = [];
  for (const p of plan) {
    for (let k = 0; k < Math.round(p.seconds / HOP); k++) out.push(Float32Array.from({ length: D }, (_, i) => g() + (i < dims ? p.shift : 0)));
  }
  return out;
}

const all = () => true;

function bruteForce(rs: Float32Array[], lambda: number): number[] {
  type S = ReturnType<typeof voicedSegments>[number];
  const cl: S[] = voicedSegments(rs, all, HOP);
  const merge = (a: S, b: S): S => ({ n: a.n + b.n, sum: a.sum.map((v, i) => v + b.sum[i]!), outer: a.outer.map((v, i) => v + b.outer[i]!), starts: [...a.starts, ...b.starts] });
  for (;;) {
    let best = Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < cl.length; i++) for (let j = i + 1; j < cl.length; j++) {
      const v = deltaBic(cl[i]!, cl[j]!, lambda);
      if (v < best) [best, bi, bj] = [v, i, j];
    }
    if (!(best < 0)) break;
    cl[bi] = merge(cl[bi]!, cl[bj]!);
    cl.splice(bj, 1);
  }
  return cl.map((c) => c.n * HOP).sort((a, b) => b - a);
}

describe('ΔBIC clustering', () => {
  it('one source in 20 one-second segments is one voice', () => {
    const r = clusterSegments(voicedSegments(rows([{ seconds: 20, shift: 0 }]), all, HOP), HOP, 1);
    expect(r.voices).toBe(1);
    expect(r.clusters[0]!.seconds).toBeCloseTo(20, 6);
  });

  // The textbook penalty weight λ = 1: this tests the clustering, not the weight tuned on speech.
  it('two sources taking turns (one shifted by 1.5 σ on three features) are two voices of the right size', () => {
    const r = clusterSegments(voicedSegments(rows([{ seconds: 6, shift: 0 }, { seconds: 5, shift: 1.5 }, { seconds: 6, shift: 0 }, { seconds: 5, shift: 1.5 }]), all, HOP), HOP, 1);
    expect(r.voices).toBe(2);
    expect(r.clusters.map((c) => Math.round(c.seconds))).toEqual([12, 10]);
  });

  it.each([0.5, 1, 2.3, 4])('the cached clustering makes the same clusters as a plain loop (λ = %s)', (lambda) => {
    const rs = rows([{ seconds: 7, shift: 0 }, { seconds: 4, shift: 0.6 }, { seconds: 5, shift: 0.3 }, { seconds: 3, shift: 0.6 }], 7);
    const fast = clusterSegments(voicedSegments(rs, all, HOP), HOP, lambda).clusters.map((c) => c.seconds);
    expect(fast).toEqual(bruteForce(rs, lambda));
  });

  it('segments close at a pause, drop rests shorter than half a second, and skip non-finite rows', () => {
    const rs = rows([{ seconds: 2.5, shift: 0 }]);
    rs[50] = new Float32Array(D).fill(Number.NaN);
    // 0–0.8 s speech, 0.4 s pause, 0.8–2.5 s speech with a 0.2-s rest at the end after a pause.
    const voiced = (k: number) => k < 80 || (k >= 120 && k < 220) || k >= 230;
    const segs = voicedSegments(rs, voiced, HOP);
    expect(segs.map((s) => s.n)).toEqual([79, 100]);
    expect(segs.map((s) => s.starts[0])).toEqual([0, 1.2]);
  });
});
