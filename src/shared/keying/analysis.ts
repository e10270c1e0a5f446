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
import { GREEN_SCREEN_MIN_DISTANCE, KEYING_CHECKS } from '../standards';
import { keyFrame, type RgbaFrame } from './cpu-keyer';
import type { Box, Edge, KeyFinding } from './findings';
import { KEY_HUE_ZERO_DEG, KEY_VALUE_FLOOR, alphaFromLikeness, keyLikeness, prepareKey, spillOf, type PreparedKey, type Rgb } from './model';

export const WORK_MAX_SIDE = 256;
/** The subject's outline zone (spill, hair, motion blur) left out of the backdrop's evenness: 2% of the picture. */
const OUTLINE_MARGIN_SHARE = 0.02;

export interface EdgeBar {
  edge: Edge;
  /** Width of the bar or border in frame pixels. */
  depth: number;
  kind: 'bar' | 'thin';
  /** Median colour of the outermost line, RGB. */
  color: Rgb;
}

export interface BackdropSummary {
  /** A keyed screen is in the picture (enough of it keys out and it reaches the frame border). */
  detected: boolean;
  keyedShare: number;
  borderKeyedShare: number;
  /** Median colour of the fully keyed backdrop, RGB, when there is one. */
  medianRgb: Rgb | null;
}

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

const C = KEYING_CHECKS;

export function analyseBackdrop(frame: RgbaFrame, params: GreenParams, opts: AnalyseOptions = {}): KeyAnalysis {
  const time = opts.time ?? 0;
  const k = prepareKey(params);
  const findings: KeyFinding[] = [];
  const measures: Record<string, number> = {};
  const base = { start: time, end: time };

  // 1. Edges, at full resolution.
  const candidates = EDGE_ORDER.map((edge) => detectBar(frame, edge, k) ?? detectThin(frame, edge)).filter((b): b is EdgeBar => b !== null);

  // 2. The work picture, without the edge bands found.
  const crop = {
    x0: depthOf(candidates, 'left'),
    y0: depthOf(candidates, 'top'),
    x1: frame.width - depthOf(candidates, 'right'),
    y1: frame.height - depthOf(candidates, 'bottom'),
  };
  const work = downscale(frame, crop, opts.workMaxSide ?? WORK_MAX_SIDE);
  const { width: w, height: h } = work;
  const n = w * h;
  const keyed = keyFrame(work, { ...params, greenParamsBlurKs: 0 });
  const alpha = keyed.rawAlpha;

  let keyedCount = 0;
  for (let i = 0; i < n; i++) if ((alpha[i] as number) < 128) keyedCount++;
  let borderCount = 0;
  let borderKeyed = 0;
  forBorder(w, h, (i) => {
    borderCount++;
    if ((alpha[i] as number) < 128) borderKeyed++;
  });
  const backdrop: BackdropSummary = {
    detected: false,
    keyedShare: n ? keyedCount / n : 0,
    borderKeyedShare: borderCount ? borderKeyed / borderCount : 0,
    medianRgb: null,
  };
  backdrop.detected = k.valid && backdrop.keyedShare >= C.backdrop.minKeyedShare && backdrop.borderKeyedShare >= C.backdrop.minBorderKeyedShare;

  // Edge findings: every bar on a keyed screen; only near-black bands and thin borders elsewhere.
  const bars = candidates.filter((b) => backdrop.detected || b.kind === 'thin' || luma(b.color) <= C.edge.blackLuma);
  for (const b of bars) findings.push(edgeFinding(b, frame, backdrop.detected, base));

  const result: KeyAnalysis = { findings, bars, backdrop, measures, work: { width: w, height: h, scale: work.scale } };
  if (!backdrop.detected || n === 0) return result;

  // 3. Per-pixel facts of the work picture.
  const d = work.data;
  const value = new Uint8Array(n);
  const hueOff = new Float32Array(n);
  const chroma = new Uint8Array(n);
  const cast = new Float32Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const r = d[j] as number;
    const g = d[j + 1] as number;
    const b = d[j + 2] as number;
    const v = Math.max(r, g, b);
    value[i] = v;
    chroma[i] = v - Math.min(r, g, b);
    hueOff[i] = signedHueOffset(r, g, b, k.hue);
    cast[i] = spillOf(r, g, b, k) / Math.max(v, KEY_VALUE_FLOOR);
  }

  // 4. The backdrop region: what keys out or has the key's hue, reached from the border.
  const backdropLike = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    backdropLike[i] = (alpha[i] as number) < 128 || ((chroma[i] as number) >= 8 && Math.abs(hueOff[i] as number) <= KEY_HUE_ZERO_DEG) ? 1 : 0;
  }
  const inB = floodFromBorder(backdropLike, w, h);
  const distToB = chessboardDistance(inB, w, h, 1);
  const distToF = chessboardDistance(inB, w, h, 0);
  let bCount = 0;
  for (let i = 0; i < n; i++) bCount += inB[i] as number;

  // The backdrop's own shade: medians over what keys out fully (histograms, no big arrays).
  const vHist = new Uint32Array(256);
  const rgbHist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)] as const;
  const hueHist = new Uint32Array(HUE_BINS);
  let refCount = 0;
  for (let i = 0; i < n; i++) {
    if (!inB[i] || alpha[i] !== 0) continue;
    refCount++;
    const v = value[i] as number;
    vHist[v] = (vHist[v] as number) + 1;
    const hb = hueBin(hueOff[i] as number);
    hueHist[hb] = (hueHist[hb] as number) + 1;
    for (let c = 0; c < 3; c++) {
      const hh = rgbHist[c] as Uint32Array;
      const x = d[i * 4 + c] as number;
      hh[x] = (hh[x] as number) + 1;
    }
  }
  if (refCount < 16) return result;
  const vRef = histMedian(vHist, refCount);
  const hueRef = histMedian(hueHist, refCount) / HUE_BINS_PER_DEG - 180;
  backdrop.medianRgb = [histMedian(rgbHist[0], refCount), histMedian(rgbHist[1], refCount), histMedian(rgbHist[2], refCount)];
  measures.backdropValue = vRef;
  measures.backdropHueOffset = hueRef;

  const toFrame = (box: WorkBox): Box => ({
    x: crop.x0 + box.x0 * work.scale,
    y: crop.y0 + box.y0 * work.scale,
    width: (box.x1 - box.x0 + 1) * work.scale,
    height: (box.y1 - box.y0 + 1) * work.scale,
  });
  const minRegion = (share: number) => Math.max(2, Math.round(share * n));

  // 5. Uneven backdrop: away from the subject (its outline, spill and hair blend into the backdrop
  // over a few pixels), too dark, another hue, or not keyed.
  const uneven = new Uint8Array(n);
  const why = { dark: 0, shade: 0, unkeyed: 0 };
  const margin = Math.max(2, Math.round(OUTLINE_MARGIN_SHARE * Math.max(w, h)));
  for (let i = 0; i < n; i++) {
    if (!inB[i] || (distToF[i] as number) <= margin) continue;
    const dark = (value[i] as number) < C.uneven.darkRatio * vRef;
    const shade = Math.abs((hueOff[i] as number) - hueRef) > C.uneven.shadeHueDeg && (chroma[i] as number) >= 8;
    const unkeyed = (alpha[i] as number) > C.uneven.unkeyedAlpha * 255;
    if (dark || shade || unkeyed) {
      uneven[i] = 1;
      if (dark) why.dark++;
      else if (shade) why.shade++;
      else why.unkeyed++;
    }
  }
  const unevenComps = components(uneven, w, h, minRegion(C.uneven.minRegionShare));
  const unevenArea = unevenComps.reduce((s, c) => s + c.area, 0);
  measures.unevenShare = bCount ? unevenArea / bCount : 0;
  if (bCount && unevenArea / bCount >= C.uneven.minTotalShare) {
    const kind = why.dark >= why.shade && why.dark >= why.unkeyed ? 'dark' : why.shade >= why.unkeyed ? 'shade' : 'unkeyed';
    const regions = unevenComps.slice(0, 8).map(toFrame);
    const pct = Math.round((100 * unevenArea) / bCount);
    findings.push({
      rule: 'key.backdrop-uneven',
      severity: 'warn',
      section: '§1.2.4',
      ...base,
      kind,
      message:
        kind === 'dark'
          ? `${pct}% of the backdrop is much darker than the rest (folds, creases or shadows, e.g. between the feet): dark green keys badly`
          : kind === 'shade'
            ? `${pct}% of the backdrop is a different shade of green from the rest: the backdrop is not one even shade`
            : `${pct}% of the backdrop does not key out fully (unevenly lit or washed-out areas)`,
      where: { bbox: regions[0], regions },
      action:
        kind === 'dark'
          ? 'Smooth out folds and creases, and light the backdrop (and the floor around the feet) evenly so no shadow falls on it.'
          : kind === 'shade'
            ? 'Use one backdrop of one shade of green (no second cloth or panel), lit evenly.'
            : 'Light the backdrop evenly, without hot spots or dark corners; or lower RefinethHBgr a little (§5.3).',
      value: pct,
      values: { percent: pct },
    });
  }

  // 6. Holes: keyed regions enclosed by the subject in another shade, and partly keyed subject areas.
  const hole = new Uint8Array(n);
  const keyedInF = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!inB[i] && (alpha[i] as number) < 128) keyedInF[i] = 1;
  const holeKinds = { keyed: 0, partial: 0 };
  for (const comp of components(keyedInF, w, h, minRegion(C.holes.minRegionShare))) {
    // The backdrop seen through a gap (between arm and body) has the backdrop's own shade and keys
    // out fully; a reflection, a transparent object or a green garment does not look like that.
    let v = 0;
    let hue = 0;
    let a = 0;
    for (const p of comp.pixels) {
      v += value[p] as number;
      hue += hueOff[p] as number;
      a += alpha[p] as number;
    }
    const sameShade =
      Math.abs(v / comp.area / vRef - 1) <= C.holes.sameShadeValue &&
      Math.abs(hue / comp.area - hueRef) <= C.holes.sameShadeHueDeg &&
      a / comp.area < C.uneven.unkeyedAlpha * 255;
    if (sameShade) continue;
    markComponent(comp, hole);
    holeKinds.keyed += comp.area;
  }
  const partial = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = alpha[i] as number;
    if (!inB[i] && !keyedInF[i] && a > C.uneven.unkeyedAlpha * 255 && a < 0.9 * 255 && (distToB[i] as number) > 2) partial[i] = 1;
  }
  for (const comp of components(partial, w, h, minRegion(C.holes.minRegionShare))) {
    markComponent(comp, hole);
    holeKinds.partial += comp.area;
  }
  const holeComps = components(hole, w, h, 1);
  const holeArea = holeComps.reduce((s, c) => s + c.area, 0);
  measures.holeShare = holeArea / n;
  if (holeArea > 0) {
    const kind = holeKinds.keyed >= holeKinds.partial ? 'keyed' : 'partial';
    const regions = holeComps.slice(0, 8).map(toFrame);
    const pct = Math.round((1000 * holeArea) / n) / 10;
    findings.push({
      rule: 'key.holes',
      severity: holeArea / n >= C.holes.errorShare ? 'error' : 'warn',
      section: '§1.2.4',
      ...base,
      kind,
      message:
        kind === 'keyed'
          ? `parts of the subject key out (${pct}% of the picture): green shows through or is reflected (glasses, a phone screen, shiny shoes or jewellery) or the clothes are green`
          : `parts of the subject are partly transparent (${pct}% of the picture): green reflection or spill on the clothes or skin`,
      where: { bbox: regions[0], regions },
      action:
        kind === 'keyed'
          ? 'Remove transparent and shiny objects and anything green from the subject (glasses, phone, jewellery, green clothes); change the lighting so no green is reflected.'
          : 'Move the subject away from the backdrop and flag the lights so no green light reaches the clothes; avoid glossy materials.',
      value: pct,
      values: { percent: pct },
    });
  }

  // 7. Spill: green cast in a band along the subject's outline, compared with its inside. The band
  // is measured from the cleanly keyed backdrop, skips the first pixel (the natural blend of subject
  // and backdrop) and counts partly keyed pixels too: spill reaches deeper than any edge blend, and
  // strong spill is itself partly keyed.
  const keyedOut = new Uint8Array(n);
  for (let i = 0; i < n; i++) keyedOut[i] = (alpha[i] as number) <= C.uneven.unkeyedAlpha * 255 ? 1 : 0;
  const outside = floodFromBorder(keyedOut, w, h);
  const distToOut = chessboardDistance(outside, w, h, 1);
  let edgeN = 0;
  let edgeSpilled = 0;
  let inN = 0;
  let inSpilled = 0;
  const spilled = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Dark pixels (hair strands) blended with the backdrop look like spill whatever the light does.
    if (outside[i] || (value[i] as number) < KEY_VALUE_FLOOR) continue;
    const dist = distToOut[i] as number;
    const isCast = (cast[i] as number) >= C.spill.castRatio;
    if (dist >= 2 && dist <= 5) {
      edgeN++;
      if (isCast) {
        edgeSpilled++;
        spilled[i] = 1;
      }
    } else if (dist >= 10 && (alpha[i] as number) >= 0.9 * 255) {
      inN++;
      if (isCast) inSpilled++;
    }
  }
  const edgeShare = edgeN ? edgeSpilled / edgeN : 0;
  const inShare = inN ? inSpilled / inN : 0;
  measures.spillEdgeShare = edgeShare;
  measures.spillInsideShare = inShare;
  if (edgeN >= 20 && edgeShare >= C.spill.edgeShare && edgeShare >= 2 * inShare) {
    const comps = components(spilled, w, h, 1);
    const regions = comps.slice(0, 8).map(toFrame);
    const pct = Math.round(100 * edgeShare);
    findings.push({
      rule: 'key.spill',
      severity: 'warn',
      section: '§1.2.4',
      ...base,
      kind: 'edge',
      message: `green cast on ${pct}% of the subject's outline: light from the backdrop spills onto hair, shoulders and edges`,
      where: { bbox: unionBox(regions), regions },
      action: 'Move the subject further from the backdrop, add back or rim light, flag the backdrop lights; Colorbalance removes what is left.',
      value: pct,
      values: { percent: pct },
    });
    if (edgeShare >= C.spill.strongShare) {
      findings.push({
        rule: 'key.distance-hint',
        severity: 'info',
        section: GREEN_SCREEN_MIN_DISTANCE.section,
        ...base,
        kind: 'distance',
        message: `spill this strong (${pct}% of the outline) suggests the model is closer than ${GREEN_SCREEN_MIN_DISTANCE.metres} m to the screen`,
        where: { bbox: unionBox(regions) },
        action: `Place the model at least ${GREEN_SCREEN_MIN_DISTANCE.metres} m in front of the screen (§1.2.2).`,
        value: pct,
        values: { percent: pct, metres: GREEN_SCREEN_MIN_DISTANCE.metres },
      });
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Edges

const EDGE_ORDER: Edge[] = ['top', 'bottom', 'left', 'right'];

function depthOf(bars: EdgeBar[], edge: Edge): number {
  return bars.find((b) => b.edge === edge)?.depth ?? 0;
}

interface Line {
  start: number;
  step: number;
  count: number;
}

function lineAt(frame: RgbaFrame, edge: Edge, k: number): Line {
  const { width: w, height: h } = frame;
  if (edge === 'top') return { start: k * w, step: 1, count: w };
  if (edge === 'bottom') return { start: (h - 1 - k) * w, step: 1, count: w };
  if (edge === 'left') return { start: k, step: w, count: h };
  return { start: w - 1 - k, step: w, count: h };
}

const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];

function medianColor(frame: RgbaFrame, line: Line): Rgb {
  for (const hh of hist) hh.fill(0);
  const d = frame.data;
  for (let i = 0, p = line.start; i < line.count; i++, p += line.step) {
    for (let c = 0; c < 3; c++) {
      const hh = hist[c] as Uint32Array;
      const v = d[p * 4 + c] as number;
      hh[v] = (hh[v] as number) + 1;
    }
  }
  const half = line.count / 2;
  return hist.map((hh) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hh[v] as number;
      if (acc >= half) return v;
    }
    return 255;
  }) as Rgb;
}

function shareNear(frame: RgbaFrame, line: Line, color: Rgb, tol: number): number {
  const d = frame.data;
  let near = 0;
  for (let i = 0, p = line.start; i < line.count; i++, p += line.step) {
    const j = p * 4;
    if (Math.abs((d[j] as number) - color[0]) <= tol && Math.abs((d[j + 1] as number) - color[1]) <= tol && Math.abs((d[j + 2] as number) - color[2]) <= tol) near++;
  }
  return near / line.count;
}

function keyedShareOf(frame: RgbaFrame, line: Line, k: PreparedKey): number {
  const d = frame.data;
  let keyedCount = 0;
  for (let i = 0, p = line.start; i < line.count; i++, p += line.step) {
    const j = p * 4;
    if (alphaFromLikeness(keyLikeness(d[j] as number, d[j + 1] as number, d[j + 2] as number, k), k) < 0.5) keyedCount++;
  }
  return keyedCount / line.count;
}

/** A flat band at the edge that ends at a straight boundary and does not key out. */
function detectBar(frame: RgbaFrame, edge: Edge, k: PreparedKey): EdgeBar | null {
  const dim = edge === 'top' || edge === 'bottom' ? frame.height : frame.width;
  const maxDepth = Math.floor(C.edge.maxDepthShare * dim);
  if (maxDepth < 1) return null;
  const color = medianColor(frame, lineAt(frame, edge, 0));
  const tol = C.edge.uniformTolerance;
  let depth = 0;
  while (depth <= maxDepth && shareNear(frame, lineAt(frame, edge, depth), color, tol) >= C.edge.uniformShare) depth++;
  if (depth === 0 || depth > maxDepth) return null;
  if (1 - shareNear(frame, lineAt(frame, edge, depth), color, tol) < C.edge.boundaryShare) return null;
  if (keyedShareOf(frame, lineAt(frame, edge, 0), k) >= 0.5) return null;
  return { edge, depth, kind: 'bar', color };
}

/** 1–3 lines darker than the picture just inside them along (nearly) the whole edge. */
function detectThin(frame: RgbaFrame, edge: Edge): EdgeBar | null {
  const dim = edge === 'top' || edge === 'bottom' ? frame.height : frame.width;
  const refK = C.edge.thinMaxPx + 1;
  if (dim <= refK + 1) return null;
  const d = frame.data;
  const ref = lineAt(frame, edge, refK);
  let width = 0;
  for (let k = 0; k < C.edge.thinMaxPx; k++) {
    const line = lineAt(frame, edge, k);
    let eligible = 0;
    let darker = 0;
    for (let i = 0, p = line.start, q = ref.start; i < line.count; i++, p += line.step, q += ref.step) {
      const yRef = lumaAt(d, q * 4);
      if (yRef < 24) continue;
      eligible++;
      if (lumaAt(d, p * 4) <= C.edge.thinDarkerRatio * yRef) darker++;
    }
    // Where the picture itself is near-black a black line cannot be judged (nor seen); a quarter of
    // the edge bright enough to compare is plenty.
    if (eligible < C.edge.thinJudgeShare * line.count || darker / eligible < C.edge.thinShare) break;
    width++;
  }
  return width ? { edge, depth: width, kind: 'thin', color: medianColor(frame, lineAt(frame, edge, 0)) } : null;
}

function lumaAt(d: RgbaFrame['data'], j: number): number {
  return 0.299 * (d[j] as number) + 0.587 * (d[j + 1] as number) + 0.114 * (d[j + 2] as number);
}

function luma(c: Rgb): number {
  return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
}

function edgeBox(b: EdgeBar, frame: RgbaFrame): Box {
  const { width: w, height: h } = frame;
  if (b.edge === 'top') return { x: 0, y: 0, width: w, height: b.depth };
  if (b.edge === 'bottom') return { x: 0, y: h - b.depth, width: w, height: b.depth };
  if (b.edge === 'left') return { x: 0, y: 0, width: b.depth, height: h };
  return { x: w - b.depth, y: 0, width: b.depth, height: h };
}

function edgeFinding(b: EdgeBar, frame: RgbaFrame, keyedScreen: boolean, base: { start: number; end: number }): KeyFinding {
  const black = luma(b.color) <= C.edge.blackLuma;
  const what = b.kind === 'thin' ? `a ${b.depth}-px dark border` : `a ${black ? 'black' : 'non-green'} bar ${b.depth} px wide`;
  const kind = b.kind === 'thin' ? 'thin' : black ? 'black-bar' : 'color-bar';
  return {
    rule: 'key.non-backdrop-edge',
    severity: keyedScreen ? 'error' : 'warn',
    section: '§1.2.4',
    ...base,
    kind,
    message: keyedScreen
      ? `${what} along the ${b.edge} edge: it is not backdrop, so it stays in the keyed video`
      : `${what} along the ${b.edge} edge (added in editing): it stays in the avatar's picture`,
    where: { edge: b.edge, bbox: edgeBox(b, frame) },
    action: 'Crop it away or export again without it (check the editing software\'s frame size); record without bars.',
    value: b.depth,
    values: { edge: b.edge, px: b.depth, rgb: b.color.join(',') },
  };
}

// ---------------------------------------------------------------------------------------------
// Work picture and image helpers

function downscale(frame: RgbaFrame, crop: { x0: number; y0: number; x1: number; y1: number }, maxSide: number): RgbaFrame & { scale: number } {
  const cw = Math.max(0, crop.x1 - crop.x0);
  const ch = Math.max(0, crop.y1 - crop.y0);
  const scale = Math.max(1, Math.ceil(Math.max(cw, ch) / maxSide));
  const w = Math.floor(cw / scale);
  const h = Math.floor(ch / scale);
  const out = new Uint8ClampedArray(w * h * 4);
  const src = frame.data;
  const area = scale * scale;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < scale; dy++) {
        let j = ((crop.y0 + y * scale + dy) * frame.width + crop.x0 + x * scale) * 4;
        for (let dx = 0; dx < scale; dx++, j += 4) {
          r += src[j] as number;
          g += src[j + 1] as number;
          b += src[j + 2] as number;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = Math.round(r / area);
      out[o + 1] = Math.round(g / area);
      out[o + 2] = Math.round(b / area);
      out[o + 3] = 255;
    }
  }
  return { width: w, height: h, data: out, scale };
}

function signedHueOffset(r: number, g: number, b: number, keyHue: number): number {
  const v = Math.max(r, g, b);
  const c = v - Math.min(r, g, b);
  if (c <= 0) return 180;
  let hh = v === r ? (g - b) / c : v === g ? (b - r) / c + 2 : (r - g) / c + 4;
  hh *= 60;
  let off = hh - keyHue;
  while (off > 180) off -= 360;
  while (off <= -180) off += 360;
  return off;
}

function forBorder(w: number, h: number, fn: (i: number) => void): void {
  if (!w || !h) return;
  for (let x = 0; x < w; x++) {
    fn(x);
    if (h > 1) fn((h - 1) * w + x);
  }
  for (let y = 1; y < h - 1; y++) {
    fn(y * w);
    if (w > 1) fn(y * w + w - 1);
  }
}

/** The 4-connected part of `mask` that touches the border. */
function floodFromBorder(mask: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  const stack: number[] = [];
  forBorder(w, h, (i) => {
    if (mask[i] && !out[i]) {
      out[i] = 1;
      stack.push(i);
    }
  });
  while (stack.length) {
    const i = stack.pop() as number;
    const x = i % w;
    for (let q = 0; q < 4; q++) {
      const j = q === 0 ? (x > 0 ? i - 1 : -1) : q === 1 ? (x < w - 1 ? i + 1 : -1) : q === 2 ? i - w : i + w;
      if (j >= 0 && j < w * h && mask[j] && !out[j]) {
        out[j] = 1;
        stack.push(j);
      }
    }
  }
  return out;
}

/** Chessboard distance from each pixel to the nearest pixel whose mask value is `target`. */
function chessboardDistance(mask: Uint8Array, w: number, h: number, target: 0 | 1): Uint16Array {
  const INF = 65535;
  const dist = new Uint16Array(w * h);
  for (let i = 0; i < w * h; i++) dist[i] = mask[i] === target ? 0 : INF;
  // Two raster passes over the 8-neighbourhood (each neighbour costs 1).
  for (let pass = 0; pass < 2; pass++) {
    const fwd = pass === 0;
    for (let yy = 0; yy < h; yy++) {
      const y = fwd ? yy : h - 1 - yy;
      for (let xx = 0; xx < w; xx++) {
        const x = fwd ? xx : w - 1 - xx;
        const i = y * w + x;
        let m = dist[i] as number;
        if (m === 0) continue;
        const dy = fwd ? -1 : 1;
        const dx = fwd ? -1 : 1;
        if (x + dx >= 0 && x + dx < w) m = Math.min(m, (dist[i + dx] as number) + 1);
        if (y + dy >= 0 && y + dy < h) {
          const r = (y + dy) * w;
          m = Math.min(m, (dist[r + x] as number) + 1);
          if (x - 1 >= 0) m = Math.min(m, (dist[r + x - 1] as number) + 1);
          if (x + 1 < w) m = Math.min(m, (dist[r + x + 1] as number) + 1);
        }
        dist[i] = m;
      }
    }
  }
  return dist;
}

interface WorkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Component extends WorkBox {
  area: number;
  pixels: number[];
}

/** 8-connected components of `mask` with at least `minArea` pixels, largest first. */
function components(mask: Uint8Array, w: number, h: number, minArea: number): Component[] {
  const seen = new Uint8Array(w * h);
  const comps: Component[] = [];
  for (let s = 0; s < w * h; s++) {
    if (!mask[s] || seen[s]) continue;
    const pixels: number[] = [];
    const stack = [s];
    seen[s] = 1;
    const box = { x0: w, y0: h, x1: 0, y1: 0 };
    while (stack.length) {
      const i = stack.pop() as number;
      pixels.push(i);
      const x = i % w;
      const y = (i - x) / w;
      if (x < box.x0) box.x0 = x;
      if (x > box.x1) box.x1 = x;
      if (y < box.y0) box.y0 = y;
      if (y > box.y1) box.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (pixels.length >= minArea) comps.push({ area: pixels.length, pixels, ...box });
  }
  return comps.sort((a, b) => b.area - a.area);
}

function markComponent(c: { pixels: number[] }, into: Uint8Array): void {
  for (const p of c.pixels) into[p] = 1;
}

function unionBox(boxes: Box[]): Box | undefined {
  if (!boxes.length) return undefined;
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.width));
  const y1 = Math.max(...boxes.map((b) => b.y + b.height));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const HUE_BINS_PER_DEG = 4;
const HUE_BINS = 360 * HUE_BINS_PER_DEG + 1;

function hueBin(offset: number): number {
  return Math.min(HUE_BINS - 1, Math.max(0, Math.round((offset + 180) * HUE_BINS_PER_DEG)));
}

/** The median bin of a histogram holding `count` values. */
function histMedian(hist: Uint32Array, count: number): number {
  const half = count / 2;
  let acc = 0;
  for (let v = 0; v < hist.length; v++) {
    acc += hist[v] as number;
    if (acc >= half) return v;
  }
  return hist.length - 1;
}
