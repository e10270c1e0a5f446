import { LIPS_OCCLUDED } from '../standards';
import type { CheekTone, LipColour, LipSector } from './analysis';

interface SkinSeen {
  rg: number;
  luma: number;
  sides: [CheekTone, CheekTone];
  /** The ring's own mean redness and luma, not against any cheek. */
  ringRg: number;
  ringLuma: number;
}

/**
 * The lip tests measure the ring against the mean of two cheek patches, and the tests against the
 * face's own history compare that measure with its recent clear frames. A hand on one cheek (a
 * model scratching the nose: held-out O's knuckles beside the nose, round 13) moves the mean while
 * the lips stay as they were, and the lips then read as covered (2.1 s of false error). A cover
 * over the lips changes the lips against either cheek. So the ring is also measured against each
 * cheek alone, carried by the offset that cheek had to the mean in this face's recent clear frames
 * (the history stays in the mean's terms), and a history test calls the lips covered only when it
 * does so against the mean and against each cheek. This can only clear frames, never cover one.
 */
export class CheekWatch {
  private seen: SkinSeen[] = [];

  reset(): void {
    this.seen = [];
  }

  /** A clear frame's cheeks. */
  remember(c: LipColour): void {
    const [l, r] = c.skin?.sides ?? [null, null];
    if (!c.skin || !l || !r) return;
    this.seen.push({ rg: c.skin.rg, luma: c.skin.luma, sides: [l, r], ringRg: c.contrast + c.skin.rg, ringLuma: c.luma * c.skin.luma });
    if (this.seen.length > LIPS_OCCLUDED.baselineFrames) this.seen.shift();
  }

  /** The ring against each cheek alone, in the mean's terms; none before enough clear frames. */
  views(c: LipColour): LipColour[] {
    const [l, r] = c.skin?.sides ?? [null, null];
    if (!c.skin || !l || !r || this.seen.length < LIPS_OCCLUDED.baselineMinFrames) return [];
    const mid = (f: (s: SkinSeen) => number) => this.seen.map(f).sort((a, b) => a - b)[this.seen.length >> 1] as number;
    const base = { rg: mid((s) => s.rg), luma: mid((s) => s.luma) };
    const bl = mid((s) => s.sides[0].luma);
    const br = mid((s) => s.sides[1].luma);
    // Both cheeks brighten or darken together (the light, the head turning a little): the mean is
    // the better reference and nothing is asked of the cheeks alone.
    if (!(bl > 0 && br > 0 && l.luma > 0 && r.luma > 0)) return [];
    if (Math.abs(Math.log(l.luma / bl) - Math.log(r.luma / br)) <= Math.log(LIPS_OCCLUDED.cheekSideRatio)) return [];
    // Only when the lips themselves kept their own redness and luma (not against any cheek): a
    // cover over the lips and that cheek (a hand over half the mouth, a lock of hair) changes them.
    const ringRg = c.contrast + c.skin.rg - mid((s) => s.ringRg);
    const ringLuma = Math.log((c.luma * c.skin.luma) / mid((s) => s.ringLuma));
    if (Math.abs(ringRg) > LIPS_OCCLUDED.cheekLipsStillRg || Math.abs(ringLuma) > Math.log(LIPS_OCCLUDED.cheekLipsStillLuma)) return [];
    const out: LipColour[] = [];
    for (const [side, now] of [[0, l], [1, r]] as const) {
      const then = { rg: mid((s) => s.sides[side].rg), luma: mid((s) => s.sides[side].luma) };
      if (!(then.luma > 0 && now.luma > 0)) continue;
      const rg = now.rg + (base.rg - then.rg);
      const luma = (now.luma * base.luma) / then.luma;
      const dRg = c.skin.rg - rg;
      const f = c.skin.luma / luma;
      const move = (k: LipSector): LipSector => (k.pixels ? { ...k, contrast: k.contrast + dRg, luma: k.luma * f } : k);
      out.push({
        ...c,
        contrast: c.contrast + dRg,
        luma: c.luma * f,
        sectors: c.sectors.map(move),
        bins: c.bins.map(move),
        halves: c.halves.map(move),
        skin: { ...c.skin, rg, luma },
      });
    }
    return out;
  }
}
