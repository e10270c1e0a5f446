/**
 * Cue probe (harness only; round 14, not shipped): does smeared lip colour leak outside the lip
 * contour? The mean redness of a band just outside the outer lip contour (from the contour to
 * BAND× its size about the mouth's centre), over the cheeks' redness, against the median of the
 * 45 frames before (outside labelled episodes). Camera shake smears the lips over the skin around
 * them (band redder); a cover hides both. Prints t3's shake frames and every episode's median rise.
 *   npx tsx scripts/accuracy/band-probe.mts <keys or case ids …>
 */
import path from 'node:path';
import { insidePolygon, measureFrame, skinReference, type Landmark } from '../../src/shared/vision/analysis';
import { LIPS_OUTER } from '../../src/shared/vision/mesh';
import { openRawAnalyzer, rawLandmarks, replayMeasurements } from './landmarks';
import { marginClips } from './occlusion-clips';

process.env.CAPTURE_STUDIO_FACE_MODEL ??= path.resolve('../shared/models/face_landmarker.task');
const BAND = Number(process.env.BAND ?? 1.4);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
for (const { file, key, frames: n, episodes } of marginClips(process.argv.slice(2))) {
  const raw = await rawLandmarks(file, key, 'VIDEO', () => openRawAnalyzer('VIDEO'));
  const band: (number | null)[] = [];
  await replayMeasurements(file, n ? raw.slice(0, n) : raw, (r, size, read, hands) => {
    const lms = r.faceLandmarks[0] as Landmark[] | undefined;
    const region = read({ x: 0, y: 0, width: size.width, height: size.height });
    const skin = lms && region ? skinReference(lms, size, region) : null;
    if (!lms || !region || !skin) {
      band.push(null);
      return measureFrame(r, size, read, hands);
    }
    const outer = LIPS_OUTER.map((i) => [lms[i]!.x * size.width, lms[i]!.y * size.height] as [number, number]);
    const cx = outer.reduce((s, p) => s + p[0], 0) / outer.length;
    const cy = outer.reduce((s, p) => s + p[1], 0) / outer.length;
    const big = outer.map(([x, y]) => [cx + (x - cx) * BAND, cy + (y - cy) * BAND] as [number, number]);
    const xs = big.map((p) => p[0]);
    const ys = big.map((p) => p[1]);
    let sum = 0;
    let count = 0;
    for (let y = Math.max(0, Math.floor(Math.min(...ys))); y < Math.min(size.height, Math.ceil(Math.max(...ys))); y++)
      for (let x = Math.max(0, Math.floor(Math.min(...xs))); x < Math.min(size.width, Math.ceil(Math.max(...xs))); x++) {
        if (!insidePolygon(x, y, big) || insidePolygon(x, y, outer)) continue;
        const o = (y * region.rect.width + x) * 4;
        const R = region.data[o]!, G = region.data[o + 1]!, B = region.data[o + 2]!;
        if (R + G + B < 24) continue;
        sum += (R - G) / (R + G + B);
        count++;
      }
    band.push(count ? sum / count - skin.rg : null);
    return measureFrame(r, size, read, hands);
  });
  const inEp = (i: number) => episodes.some(([a, b]) => i >= a - 2 && i <= b + 2);
  const rise = band.map((v, i) => {
    const before = band.slice(Math.max(0, i - 60), i).filter((b, j): b is number => b !== null && !inEp(Math.max(0, i - 60) + j)).slice(-45);
    return v === null || before.length < 8 ? null : v - median(before);
  });
  const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(3));
  const eps = episodes.map(([a, b]) => {
    const r = rise.slice(a, b + 1).filter((v): v is number => v !== null);
    return `${a}-${b}: ${r.length ? f3(median(r)) : '-'}`;
  });
  const clean = rise.filter((v, i): v is number => v !== null && !inEp(i)).sort((a, b) => a - b);
  const q = (p: number) => f3(clean[Math.min(clean.length - 1, Math.floor(p * clean.length))]);
  console.log(`${key}: clean rise p1 ${q(0.01)} p50 ${q(0.5)} p99 ${q(0.99)} | episodes ${eps.join(', ') || '–'}`);
  if (process.env.SHOW === key) rise.forEach((v, i) => console.log(`  ${i} ${f3(v)}`));
}
