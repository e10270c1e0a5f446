/**
 * key.backdrop-uneven (§1.2.4): away from the subject (its outline, spill and hair blend into the
 * backdrop over a few pixels), parts of the backdrop too dark, of another hue, or not keyed.
 */
import { KEYING_CHECKS as C } from '../../standards';
import type { KeyFinding } from '../findings';
import type { WorkFacts } from './backdrop';
import { components } from './image-ops';

/** The subject's outline zone (spill, hair, motion blur) left out of the backdrop's evenness: 2% of the picture. */
const OUTLINE_MARGIN_SHARE = 0.02;

export function measureUneven(f: WorkFacts): { finding: KeyFinding | null; unevenShare: number } {
  const { w, h, n } = f;
  let finding: KeyFinding | null = null;
  const uneven = new Uint8Array(n);
  const why = { dark: 0, shade: 0, unkeyed: 0 };
  const margin = Math.max(2, Math.round(OUTLINE_MARGIN_SHARE * Math.max(w, h)));
  for (let i = 0; i < n; i++) {
    if (!f.inB[i] || (f.distToF[i] as number) <= margin) continue;
    const dark = (f.value[i] as number) < C.uneven.darkRatio * f.vRef;
    const shade = Math.abs((f.hueOff[i] as number) - f.hueRef) > C.uneven.shadeHueDeg && (f.chroma[i] as number) >= 8;
    const unkeyed = (f.alpha[i] as number) > C.uneven.unkeyedAlpha * 255;
    if (dark || shade || unkeyed) {
      uneven[i] = 1;
      if (dark) why.dark++;
      else if (shade) why.shade++;
      else why.unkeyed++;
    }
  }
  const unevenComps = components(uneven, w, h, f.minRegion(C.uneven.minRegionShare));
  const unevenArea = unevenComps.reduce((s, c) => s + c.area, 0);
  const unevenShare = f.bCount ? unevenArea / f.bCount : 0;
  if (f.bCount && unevenArea / f.bCount >= C.uneven.minTotalShare) {
    const kind = why.dark >= why.shade && why.dark >= why.unkeyed ? 'dark' : why.shade >= why.unkeyed ? 'shade' : 'unkeyed';
    const regions = unevenComps.slice(0, 8).map(f.toFrame);
    const pct = Math.round((100 * unevenArea) / f.bCount);
    finding = ({
      rule: 'key.backdrop-uneven',
      severity: 'warn',
      section: '§1.2.4',
      ...f.base,
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

  return { finding, unevenShare };
}
