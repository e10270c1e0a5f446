/**
 * Cue probe (harness only; round 11): every per-frame quantity the occlusion tests look at, as CSV
 * on standard output, for feature-lr.mts to ask whether a learnt combination of them finds covers
 * the hand-set limits miss. History-based columns use the clear frames VisionRules judged ok, as
 * its own tests do: fade, lumaR and red are the ring's redness (luma) over the cheeks against the
 * median of the last 45 clear frames (red: those with a similar lip gap); slice is
 * LipSliceMemory.move; anom (anomLocal) the any-direction slice change of anomaly-probe.mts (less
 * the median slice's); halfMin and sectMin the least redness of a half (third) at least 0.85 × the
 * cheeks' luma. label: 1 in a labelled episode, -1 within two frames of one, 0 clean; rule: 1 when
 * the shipped rules call the frame covered.
 *   npx tsx scripts/accuracy/feature-dump.mts <keys or case ids …> > features.csv
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { measureFrame, primaryFace, VisionRules } from '../../src/shared/vision/analysis';
import { LipSliceMemory } from '../../src/shared/vision/lip-slices';
import { LIPS_OCCLUDED } from '../../src/shared/standards';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';
process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const labels = JSON.parse(readFileSync('test/fixtures/accuracy-labels.json', 'utf8')).cases as { id: string; set?: string }[];
const setOf = (k: string) => labels.find((c) => c.id === k)?.set ?? (k.startsWith('held-out') ? '?' : k.includes('-') && !k.startsWith('driving') && !k.startsWith('talking') && k !== 'hamx2' && k !== 'd14x2' && k !== 'd18x2' ? 'dev' : 'base');
const med = (v: number[]) => { const s = v.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
const w = LIPS_OCCLUDED.binRednessWeight;
type Rem = { c: number[]; l: number[]; gap: number; contrast: number; luma: number };
const cols = ['key', 'set', 'i', 'label', 'rule', 'fade', 'lumaR', 'red', 'slice', 'anom', 'anomLocal', 'halfMin', 'sectMin', 'pale', 'yellow', 'blue', 'grey', 'dark', 'mouth', 'hand', 'eyePx', 'gap', 'n'];
console.log(cols.join(','));
for (const { file, key, frames: n, episodes: eps } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const frames = await replayMeasurements(file, n ? raw.slice(0, n) : raw, measureFrame);
  const rules = new VisionRules();
  const slices = new LipSliceMemory();
  let mem: Rem[] = [];
  const set = setOf(key);
  frames.forEach((f, i) => {
    const face = primaryFace(f.frame);
    const level = rules.step({ t: f.t, frame: f.frame, phase: 'narration', speech: true }).rules['lips.occluded'].level;
    const c = face?.lipColour;
    const inEp = eps.some(([a, b]) => i >= a && i <= b);
    const near = eps.some(([a, b]) => i >= a - 2 && i <= b + 2);
    const label = inEp ? 1 : near ? -1 : 0;
    if (!face || !c || face.occluded === null || level === 'off') { if (!c) { mem = []; slices.reset(); } return; }
    const recent = mem.slice(-45);
    const known = recent.length >= 8 ? med(recent.map((r) => r.contrast)) : NaN;
    const baseLuma = recent.length >= 8 ? med(recent.map((r) => r.luma)) : NaN;
    const similar: Rem[] = [];
    for (let j = mem.length - 1; j >= 0 && similar.length < 45; j--) if (Math.abs(mem[j]!.gap - face.lipGap) <= 0.08) similar.push(mem[j]!);
    const sameGap = similar.length >= 8 ? med(similar.map((r) => r.contrast)) : NaN;
    let anom = NaN, anomLocal = NaN;
    if (similar.length >= 8 && c.eyePx >= 64 && c.bins?.length === 16) {
      const d = c.bins.map((k, b) => {
        const hc = med(similar.map((r) => r.c[b]!)); const hl = med(similar.map((r) => r.l[b]!));
        const ls = Math.hypot(hc * w, 1 - hl);
        if (!(k.pixels >= 3) || !(ls >= 0.15) || !Number.isFinite(hc + hl)) return NaN;
        return Math.hypot((k.contrast - hc) * w, k.luma - hl) / ls;
      });
      let best = -Infinity;
      for (let b = 0; b + 2 <= 16; b++) { const lo = Math.min(d[b]!, d[b + 1]!); if (Number.isFinite(lo)) best = Math.max(best, lo); }
      if (Number.isFinite(best)) { anom = best; anomLocal = best - med(d); }
    }
    const minC = (ks: { contrast: number; luma: number; pixels: number }[]) => { let m = NaN; for (const k of ks) if (k.pixels >= 8 && k.luma >= 0.85) m = Number.isFinite(m) ? Math.min(m, k.contrast) : k.contrast; return m; };
    const sl = slices.move(c, face.lipGap);
    const row = [key, set, i, label, level === 'ok' ? 0 : 1,
      known >= 0.02 ? c.contrast / known : NaN, baseLuma > 0 ? c.luma / baseLuma : NaN, sameGap >= 0.02 ? c.contrast / sameGap : NaN,
      sl === null || !Number.isFinite(sl) ? NaN : sl, anom, anomLocal, c.eyePx >= 64 ? minC(c.halves) : NaN, recent.length >= 8 ? minC(c.sectors) : NaN,
      face.paleCover ?? NaN, face.yellowCover ?? NaN, face.blueCover ?? NaN, c.greyShare, c.darkShare, c.mouthShare, face.handCover ?? NaN, c.eyePx, face.lipGap, recent.length];
    console.log(row.map((v) => (typeof v === 'number' ? (Number.isFinite(v) ? +v.toFixed(4) : '') : v)).join(','));
    if (level === 'ok') {
      mem.push({ c: c.bins.map((k) => (k.pixels ? k.contrast : NaN)), l: c.bins.map((k) => (k.pixels ? k.luma : NaN)), gap: face.lipGap, contrast: c.contrast, luma: c.luma });
      if (mem.length > 150) mem.shift();
      slices.remember(c, face.lipGap);
    }
  });
}
