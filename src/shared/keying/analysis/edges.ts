/**
 * key.non-backdrop-edge (§1.2.4): bars and thin dark borders at the frame's edges, measured at full
 * resolution (a 1-px line would vanish in the work picture).
 */
import { KEYING_CHECKS as C } from '../../standards';
import type { RgbaFrame } from '../cpu-keyer';
import type { Box, Edge, KeyFinding } from '../findings';
import { alphaFromLikeness, keyLikeness, type PreparedKey, type Rgb } from '../model';

export interface EdgeBar {
  edge: Edge;
  /** Width of the bar or border in frame pixels. */
  depth: number;
  kind: 'bar' | 'thin';
  /** Median colour of the outermost line, RGB. */
  color: Rgb;
}

/** The bar or thin border at each edge, if any (a bar wins over a thin border at the same edge). */
export function findEdgeBars(frame: RgbaFrame, k: PreparedKey): EdgeBar[] {
  return EDGE_ORDER.map((edge) => detectBar(frame, edge, k) ?? detectThin(frame, edge)).filter((b): b is EdgeBar => b !== null);
}

export const EDGE_ORDER: Edge[] = ['top', 'bottom', 'left', 'right'];

export function depthOf(bars: EdgeBar[], edge: Edge): number {
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

/** Median colour of a line; its histograms are its own (no shared mutable state between calls). */
function medianColor(frame: RgbaFrame, line: Line): Rgb {
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
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
export function detectBar(frame: RgbaFrame, edge: Edge, k: PreparedKey): EdgeBar | null {
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
export function detectThin(frame: RgbaFrame, edge: Edge): EdgeBar | null {
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

export function luma(c: Rgb): number {
  return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2];
}

function edgeBox(b: EdgeBar, frame: RgbaFrame): Box {
  const { width: w, height: h } = frame;
  if (b.edge === 'top') return { x: 0, y: 0, width: w, height: b.depth };
  if (b.edge === 'bottom') return { x: 0, y: h - b.depth, width: w, height: b.depth };
  if (b.edge === 'left') return { x: 0, y: 0, width: b.depth, height: h };
  return { x: w - b.depth, y: 0, width: b.depth, height: h };
}

export function edgeFinding(b: EdgeBar, frame: RgbaFrame, keyedScreen: boolean, base: { start: number; end: number }): KeyFinding {
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
