/**
 * Landmark-level determinism probe: a clip concatenated with itself (ffmpeg concat, stream copy),
 * the raw landmarks of both halves compared frame by frame in the landmarker's VIDEO or IMAGE mode.
 *   npx tsx scripts/accuracy/det-probe.ts twice.mp4 key VIDEO|IMAGE framesPerHalf
 */
import { measureFrame, primaryFace } from '../../src/shared/vision/analysis';
import { openRawAnalyzer, rawLandmarks } from './landmarks';

const [file, key, modeArg, half] = process.argv.slice(2);
const mode = modeArg === 'IMAGE' ? 'IMAGE' : 'VIDEO';
const raw = await rawLandmarks(file!, key!, mode, () => openRawAnalyzer(mode));
const gaps = raw.map((r) => primaryFace(measureFrame(r.result, { width: 512, height: 512 }))?.lipGap ?? -1);
const n = Number(half);
let maxDiff = 0;
const differ: number[] = [];
for (let i = 0; i < n && i + n < gaps.length; i++) {
  const a = gaps[i]!;
  const b = gaps[i + n]!;
  maxDiff = Math.max(maxDiff, Math.abs(a - b));
  if (a >= 0.012 !== b >= 0.012) differ.push(i);
}
console.log(`${mode}: ${gaps.length} frames; largest lip-gap difference between the halves ${maxDiff.toFixed(5)}; open/closed differs on ${differ.length} frames ${differ.join(',')}`);
