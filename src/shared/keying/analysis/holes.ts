/**
 * key.holes (§1.2.4): keyed regions enclosed by the subject in another shade than the backdrop
 * (reflections, transparency, green clothes), and partly keyed subject areas.
 */
import { KEYING_CHECKS as C } from '../../standards';
import type { KeyFinding } from '../findings';
import type { WorkFacts } from './backdrop';
import { components, markComponent } from './image-ops';

export function measureHoles(f: WorkFacts): { finding: KeyFinding | null; holeShare: number } {
  const { w, h, n } = f;
  let finding: KeyFinding | null = null;
  const hole = new Uint8Array(n);
  const keyedInF = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!f.inB[i] && (f.alpha[i] as number) < 128) keyedInF[i] = 1;
  const holeKinds = { keyed: 0, partial: 0 };
  for (const comp of components(keyedInF, w, h, f.minRegion(C.holes.minRegionShare))) {
    // The backdrop seen through a gap (between arm and body) has the backdrop's own shade and keys
    // out fully; a reflection, a transparent object or a green garment does not look like that.
    let v = 0;
    let hue = 0;
    let a = 0;
    for (const p of comp.pixels) {
      v += f.value[p] as number;
      hue += f.hueOff[p] as number;
      a += f.alpha[p] as number;
    }
    const sameShade =
      Math.abs(v / comp.area / f.vRef - 1) <= C.holes.sameShadeValue &&
      Math.abs(hue / comp.area - f.hueRef) <= C.holes.sameShadeHueDeg &&
      a / comp.area < C.uneven.unkeyedAlpha * 255;
    if (sameShade) continue;
    markComponent(comp, hole);
    holeKinds.keyed += comp.area;
  }
  const partial = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = f.alpha[i] as number;
    if (!f.inB[i] && !keyedInF[i] && a > C.uneven.unkeyedAlpha * 255 && a < 0.9 * 255 && (f.distToB[i] as number) > 2) partial[i] = 1;
  }
  for (const comp of components(partial, w, h, f.minRegion(C.holes.minRegionShare))) {
    markComponent(comp, hole);
    holeKinds.partial += comp.area;
  }
  const holeComps = components(hole, w, h, 1);
  const holeArea = holeComps.reduce((s, c) => s + c.area, 0);
  const holeShare = holeArea / n;
  if (holeArea > 0) {
    const kind = holeKinds.keyed >= holeKinds.partial ? 'keyed' : 'partial';
    const regions = holeComps.slice(0, 8).map(f.toFrame);
    const pct = Math.round((1000 * holeArea) / n) / 10;
    finding = ({
      rule: 'key.holes',
      severity: holeArea / n >= C.holes.errorShare ? 'error' : 'warn',
      section: '§1.2.4',
      ...f.base,
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

  return { finding, holeShare };
}
