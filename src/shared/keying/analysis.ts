/**
 * Backdrop analysis (§1.2.4 and its error examples) of one frame under the current greenParams:
 * pure CPU, the same code live (renderer) and offline (CLI, checker). Rules:
 *  - key.non-backdrop-edge  bars and thin dark borders at the frame edges (full resolution)
 *  - key.backdrop-uneven    the keyed area is not one even shade (dark folds, shadows, two greens)
 *  - key.holes              subject pixels that key out (reflections, transparency, green clothes)
 *  - key.spill              green cast on the subject near its outline
 *  - key.distance-hint      spill so strong the model is probably closer than 2 m (§1.2.2)
 * Thresholds: KEYING_CHECKS in src/shared/standards.ts. Everything but the edge rule runs on a
 * work picture of at most WORK_MAX_SIDE pixels (box-averaged), which is what makes it cheap enough
 * for a live preview; regions are reported in full-frame pixels.
 *
 * What the edge rule means on a picture that is not a keyed screen at all (driving-d14.mp4: a room,
 * with a black bar on the left): a bar added in editing is still there — it ends up in the avatar
 * whatever segmentation is chosen (§5.3's "no segmentation" and "portrait segmentation" keep the
 * frame as it is). So on such a picture the rule still reports near-black bars and thin dark borders,
 * as a warning (on a keyed screen they are errors: they stay opaque in the keyed video, §1.2.4).
 * Coloured flat bands are only reported on keyed screens: in a real room a flat wall at an edge is
 * content, not a bar. The other four rules need a backdrop and are skipped without one.
 */
import type { GreenParams } from '../green-params';
import { keyFrame, type RgbaFrame } from './cpu-keyer';
import type { KeyFinding } from './findings';
import { prepareKey } from './model';
import { backdropRegion, backdropShade, measureBackdropPresence, pixelFacts, type BackdropSummary, type WorkFacts } from './analysis/backdrop';
import { depthOf, edgeFinding, findEdgeBars, luma, type EdgeBar } from './analysis/edges';
import { measureHoles } from './analysis/holes';
import { downscale, type WorkBox } from './analysis/image-ops';
import { measureSpill } from './analysis/spill';
import { measureUneven } from './analysis/uneven';
import { KEYING_CHECKS as C } from '../standards';

export type { BackdropSummary } from './analysis/backdrop';
export type { EdgeBar } from './analysis/edges';

export const WORK_MAX_SIDE = 256;

export interface KeyAnalysis {
  findings: KeyFinding[];
  bars: EdgeBar[];
  backdrop: BackdropSummary;
  /** Measurements behind the findings (shares of the backdrop, edge band …), for tests and tuning. */
  measures: Record<string, number>;
  work: { width: number; height: number; scale: number };
}

export interface AnalyseOptions {
  /** Media time of the frame in seconds; 0 for an image. */
  time?: number;
  workMaxSide?: number;
}

/**
 * The composer: edges at full resolution, then the work picture without them, whether there is a
 * keyed screen, and — only if there is — the per-pixel facts the three backdrop measures share.
 * Each measure lives in its own file under ./analysis and keeps no state between calls.
 */
export function analyseBackdrop(frame: RgbaFrame, params: GreenParams, opts: AnalyseOptions = {}): KeyAnalysis {
  const time = opts.time ?? 0;
  const k = prepareKey(params);
  const findings: KeyFinding[] = [];
  const measures: Record<string, number> = {};
  const base = { start: time, end: time };

  // 1. Edges, at full resolution.
  const candidates = findEdgeBars(frame, k);

  // 2. The work picture, without the edge bands found, and whether a keyed screen is in it.
  const crop = {
    x0: depthOf(candidates, 'left'),
    y0: depthOf(candidates, 'top'),
    x1: frame.width - depthOf(candidates, 'right'),
    y1: frame.height - depthOf(candidates, 'bottom'),
  };
  const work = downscale(frame, crop, opts.workMaxSide ?? WORK_MAX_SIDE);
  const { width: w, height: h } = work;
  const n = w * h;
  const alpha = keyFrame(work, { ...params, greenParamsBlurKs: 0 }).rawAlpha;
  const backdrop = measureBackdropPresence(alpha, w, h, k);

  // Edge findings: every bar on a keyed screen; only near-black bands and thin borders elsewhere.
  const bars = candidates.filter((b) => backdrop.detected || b.kind === 'thin' || luma(b.color) <= C.edge.blackLuma);
  for (const b of bars) findings.push(edgeFinding(b, frame, backdrop.detected, base));

  const result: KeyAnalysis = { findings, bars, backdrop, measures, work: { width: w, height: h, scale: work.scale } };
  if (!backdrop.detected || n === 0) return result;

  // 3. Per-pixel facts, the backdrop region and its own shade.
  const pixels = pixelFacts(work, k);
  const region = backdropRegion(alpha, pixels.chroma, pixels.hueOff, w, h);
  const shade = backdropShade({ n, data: work.data, alpha, inB: region.inB, value: pixels.value, hueOff: pixels.hueOff });
  if (!shade) return result;
  backdrop.medianRgb = shade.medianRgb;
  measures.backdropValue = shade.vRef;
  measures.backdropHueOffset = shade.hueRef;
  const facts: WorkFacts = {
    w,
    h,
    n,
    data: work.data,
    alpha,
    ...pixels,
    ...region,
    vRef: shade.vRef,
    hueRef: shade.hueRef,
    toFrame: (box: WorkBox) => ({
      x: crop.x0 + box.x0 * work.scale,
      y: crop.y0 + box.y0 * work.scale,
      width: (box.x1 - box.x0 + 1) * work.scale,
      height: (box.y1 - box.y0 + 1) * work.scale,
    }),
    minRegion: (share: number) => Math.max(2, Math.round(share * n)),
    base,
  };

  // 4. The three backdrop measures, in the order their findings are reported.
  const uneven = measureUneven(facts);
  measures.unevenShare = uneven.unevenShare;
  if (uneven.finding) findings.push(uneven.finding);
  const holes = measureHoles(facts);
  measures.holeShare = holes.holeShare;
  if (holes.finding) findings.push(holes.finding);
  const spill = measureSpill(facts);
  measures.spillEdgeShare = spill.spillEdgeShare;
  measures.spillInsideShare = spill.spillInsideShare;
  findings.push(...spill.findings);
  return result;
}
