/**
 * key.spill (§1.2.4) and key.distance-hint (§1.2.2): green cast in a band along the subject's
 * outline, compared with its inside. The band is measured from the cleanly keyed backdrop, skips the
 * first pixel (the natural blend of subject and backdrop) and counts partly keyed pixels too: spill
 * reaches deeper than any edge blend, and strong spill is itself partly keyed.
 */
import { KEYING_CHECKS as C, GREEN_SCREEN_MIN_DISTANCE } from '../../standards';
import type { KeyFinding } from '../findings';
import { KEY_VALUE_FLOOR } from '../model';
import type { WorkFacts } from './backdrop';
import { chessboardDistance, components, floodFromBorder, unionBox } from './image-ops';

export function measureSpill(f: WorkFacts): { findings: KeyFinding[]; spillEdgeShare: number; spillInsideShare: number } {
  const { w, h, n } = f;
  const findings: KeyFinding[] = [];
  const keyedOut = new Uint8Array(n);
  for (let i = 0; i < n; i++) keyedOut[i] = (f.alpha[i] as number) <= C.uneven.unkeyedAlpha * 255 ? 1 : 0;
  const outside = floodFromBorder(keyedOut, w, h);
  const distToOut = chessboardDistance(outside, w, h, 1);
  let edgeN = 0;
  let edgeSpilled = 0;
  let inN = 0;
  let inSpilled = 0;
  const spilled = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Dark pixels (hair strands) blended with the backdrop look like spill whatever the light does.
    if (outside[i] || (f.value[i] as number) < KEY_VALUE_FLOOR) continue;
    const dist = distToOut[i] as number;
    const isCast = (f.cast[i] as number) >= C.spill.castRatio;
    if (dist >= 2 && dist <= 5) {
      edgeN++;
      if (isCast) {
        edgeSpilled++;
        spilled[i] = 1;
      }
    } else if (dist >= 10 && (f.alpha[i] as number) >= 0.9 * 255) {
      inN++;
      if (isCast) inSpilled++;
    }
  }
  const edgeShare = edgeN ? edgeSpilled / edgeN : 0;
  const inShare = inN ? inSpilled / inN : 0;
  const spillEdgeShare = edgeShare;
  const spillInsideShare = inShare;
  if (edgeN >= 20 && edgeShare >= C.spill.edgeShare && edgeShare >= 2 * inShare) {
    const comps = components(spilled, w, h, 1);
    const regions = comps.slice(0, 8).map(f.toFrame);
    const pct = Math.round(100 * edgeShare);
    findings.push({
      rule: 'key.spill',
      severity: 'warn',
      section: '§1.2.4',
      ...f.base,
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
        ...f.base,
        kind: 'distance',
        message: `spill this strong (${pct}% of the outline) suggests the model is closer than ${GREEN_SCREEN_MIN_DISTANCE.metres} m to the screen`,
        where: { bbox: unionBox(regions) },
        action: `Place the model at least ${GREEN_SCREEN_MIN_DISTANCE.metres} m in front of the screen (§1.2.2).`,
        value: pct,
        values: { percent: pct, metres: GREEN_SCREEN_MIN_DISTANCE.metres },
      });
    }
  }
  return { findings, spillEdgeShare, spillInsideShare };
}
