import { describe, expect, it } from 'vitest';
import { FACE_ANGLE, FACE_FRAMING, LIPS_GAP, LIPS_OCCLUDED } from '../../src/shared/standards';
import { colourRectFor, headAngles, lipColour, lipStateOf, measureFrame, primaryFace, skinAlongLip, skinOverLips, skinReference, VisionRules, type RgbaRegion } from '../../src/shared/vision/analysis';
import { face, matrix, fingerOverCorner, picture, result } from './helpers/vision';
import { CHEEK_LEFT, CHEEK_RIGHT, LIPS_INNER, LIPS_OUTER } from '../../src/shared/vision/mesh';

describe('head angles from the transformation matrix', () => {
  it('recovers yaw, pitch and roll of R = Rz·Ry·Rx (column-major)', () => {
    for (const [yaw, pitch, roll] of [
      [0, 0, 0],
      [30, 0, 0],
      [-50, 10, 5],
      [12, -25, 40],
    ] as [number, number, number][]) {
      const a = headAngles(matrix(yaw, pitch, roll));
      expect(a.yaw).toBeCloseTo(yaw, 6);
      expect(a.pitch).toBeCloseTo(pitch, 6);
      expect(a.roll).toBeCloseTo(roll, 6);
    }
  });
});

describe('measureFrame', () => {
  const size = { width: 1000, height: 1000 };

  it('measures the lip gap against the eye distance and calls the lips open from LIPS_GAP.openFrom', () => {
    const closed = measureFrame(result([face({ gap: 0.004 })]), size).faces[0];
    const open = measureFrame(result([face({ gap: 0.1 })]), size).faces[0];
    expect(closed?.lipGap).toBeCloseTo(0.004, 4);
    expect(closed?.lips).toBe('closed');
    expect(open?.lipGap).toBeCloseTo(0.1, 4);
    expect(open?.lips).toBe('open');
    expect(lipStateOf(LIPS_GAP.openFrom, false)).toBe('open');
    expect(lipStateOf(LIPS_GAP.openFrom - 0.0001, false)).toBe('closed');
    expect(lipStateOf(0.2, true)).toBe('unknown');
  });

  it('reports angles, jawOpen, size share and a face cut by the frame edge', () => {
    const m = measureFrame(result([face({ h: 0.5 }), face({ cx: 0.95, h: 0.08, w: 0.06 })], [[20, -5, 3]], [0.3]), size);
    expect(m.faces).toHaveLength(2);
    const [a, b] = m.faces;
    expect(a?.yaw).toBeCloseTo(20, 4);
    expect(a?.jawOpen).toBeCloseTo(0.3);
    expect(a?.heightShare).toBeCloseTo(0.5, 2);
    expect(a?.cut).toBe(false);
    expect(b?.heightShare).toBeLessThan(FACE_FRAMING.minHeightShare);
    expect(primaryFace(m)).toBe(a);
    const cut = measureFrame(result([face({ cx: 0.02 })]), size).faces[0];
    expect(cut?.cut).toBe(true);
  });

  it('skips a result without a full mesh', () => {
    expect(measureFrame({ faceLandmarks: [[{ x: 0, y: 0, z: 0 }]] }, size).faces).toHaveLength(0);
  });
});

describe('the lip colour check', () => {
  const size = { width: 400, height: 400 };
  const lms = face({ w: 0.6, h: 0.8, frame: size });

  it('sees red lips against skin as visible lips', () => {
    const c = lipColour(lms, size, picture(size, lms, [190, 90, 95]));
    expect(c?.contrast).toBeGreaterThan(0.05);
    expect(c?.greyShare).toBe(0);
    const m = measureFrame(result([lms]), size, () => picture(size, lms, [190, 90, 95]));
    expect(m.faces[0]?.occluded).toBe(false);
  });

  it('a bared-teeth grimace is no occluder: teeth and the dark mouth next to the inner contour are left out', () => {
    // The landmarker's inner contour a little inside the real opening (a fast grimace, as on
    // driving-d14 frames 22-51): the inner half of the ring shows white teeth with dark gaps.
    const open = face({ w: 0.6, h: 0.8, gap: 0.15, frame: size });
    const base = picture(size, open, [190, 90, 95]);
    const outer = LIPS_OUTER.map((i) => [open[i]!.x * size.width, open[i]!.y * size.height] as [number, number]);
    const inner = LIPS_INNER.map((i) => [open[i]!.x * size.width, open[i]!.y * size.height] as [number, number]);
    const mid = outer.map(([ox, oy], k) => [inner[k]![0] + (ox - inner[k]![0]) * 0.45, inner[k]![1] + (oy - inner[k]![1]) * 0.45] as [number, number]);
    const data = base.data as Uint8ClampedArray;
    for (let y = 0; y < size.height; y++) {
      for (let x = 0; x < size.width; x++) {
        if (!inPoly(x + 0.5, y + 0.5, mid)) continue;
        const o = (y * size.width + x) * 4;
        const [r, g, b] = x % 6 === 0 ? [25, 15, 18] : [235, 228, 220];
        data[o] = r;
        data[o + 1] = g;
        data[o + 2] = b;
      }
    }
    const m = measureFrame(result([open]), size, () => base).faces[0];
    expect(m?.lipColour?.mouthShare).toBeGreaterThan(0.2);
    expect(m?.lipColour?.greyShare).toBeLessThanOrEqual(0.015);
    expect(m?.lipColour?.contrast).toBeGreaterThan(0.05);
    expect(m?.occluded).toBe(false);
    expect(m?.lips).toBe('open');
    // Teeth are less red than skin and the interior is dark: no third of the ring reads as skin.
    expect(skinOverLips(m!.lipColour!)).toBe(false);
    // The teeth stay in the ring's inner half: nothing pale over the lips.
    expect(m?.paleCover).toBe(0);
  });

  it('sees a white thing over the lips (a cup rim, a sheet) as pale over the outer half, also when it hides nearly all lip', () => {
    // A white card over the lower half of the mouth: its lower lip is white out to the outer edge.
    const lower = picture(size, lms, [190, 90, 95]);
    const my = lms[LIPS_OUTER[0]]!.y * size.height;
    paint(lower, (_x, y) => y > my, [238, 236, 230]);
    const half = measureFrame(result([lms]), size, () => lower).faces[0];
    expect(half?.paleCover).toBeGreaterThan(0.4);
    expect(half?.paleCover).toBeLessThan(0.6);
    expect(half?.lipColour).not.toBeNull();
    // A white sheet over the whole mouth: too little lip for the colour tests, all of it pale.
    const sheet = picture(size, lms, [190, 90, 95]);
    const ys = LIPS_OUTER.map((i) => lms[i]!.y * size.height);
    paint(sheet, (_x, y) => y > Math.min(...ys) - 4 && y < Math.max(...ys) + 4, [238, 236, 230]);
    const whole = measureFrame(result([lms]), size, () => sheet).faces[0];
    expect(whole?.lipColour).toBeNull();
    expect(whole?.paleCover).toBe(1);
    const rules = new VisionRules();
    const states = [half, whole].map((f, k) => rules.step({ t: k / 25, frame: { size, faces: [f!] }, phase: 'narration', speech: true }).rules['lips.occluded']);
    expect(states.map((r) => r.level)).toEqual(['warn', 'error']);
    expect(states[1]?.since).toBe(0);
  });

  it('judges nothing pale on a face turned past the angle limit or too small for it', () => {
    const white = picture(size, lms, [238, 236, 230]);
    const turned = measureFrame(result([lms], [[FACE_ANGLE.warnAboveDeg + 5, 0, 0]]), size, () => white).faces[0];
    expect(turned?.paleCover).toBeNull();
    const tiny = face({ w: (LIPS_OCCLUDED.paleMinEyePx - 2) / 0.6 / size.width, h: 0.1, frame: size });
    const small = measureFrame(result([tiny]), size, () => picture(size, tiny, [238, 236, 230])).faces[0];
    expect(small?.paleCover).toBeNull();
  });

  it('fingers over one mouth corner: that third of the ring reads as skin, the other thirds stay lips', () => {
    const big = face({ w: 0.6, h: 0.8, frame: size });
    const clear = measureFrame(result([big]), size, () => picture(size, big, [190, 90, 95])).faces[0]!.lipColour!;
    const corner = measureFrame(result([big]), size, () => fingerOverCorner(size, big)).faces[0]!.lipColour!;
    expect(clear.sectors).toHaveLength(3);
    expect(skinOverLips(clear)).toBe(false);
    expect(clear.sectors.every((k) => k.contrast > 0.1 && k.luma < 0.85)).toBe(true);
    expect(skinOverLips(corner)).toBe(true);
    const skinLike = corner.sectors.filter((k) => Math.abs(k.contrast) < 0.005 && k.luma > 0.95);
    expect(skinLike).toHaveLength(1);
    // The whole ring keeps more than half its redness: the whole-ring fade alone would miss it.
    expect(corner.contrast).toBeGreaterThan(0.5 * clear.contrast);
  });

  /** lips.occluded frame by frame for pictures drawn in turn (1/25 s apart), from a new VisionRules. */
  const run = (frames: (() => RgbaRegion)[]) => {
    const rules = new VisionRules();
    return frames.map((draw, k) => rules.step({ t: k / 25, frame: measureFrame(result([lms]), size, draw), phase: 'narration', speech: true }).rules['lips.occluded']);
  };

  it('a dark-skinned hand over the whole mouth (darker and less red than the lips, neither grey nor skin) covers it; a darker picture does not', () => {
    // Lips (190, 90, 95) on cheeks (205, 160, 135): redness over the cheeks 0.177, luma 0.71 of the
    // cheeks'. A dark brown hand (120, 70, 55): redness 0.114 (0.64 of the lips'), luma 0.49 of the
    // cheeks' (0.69 of the lips'), not under darkLuma × the cheeks (not "dark"), redder than them
    // (not grey, not skin): only the whole ring darkening and losing redness at once tells.
    const lipRgb: [number, number, number] = [190, 90, 95];
    const clear = () => picture(size, lms, lipRgb);
    const hand = () => picture(size, lms, [120, 70, 55]);
    // The whole picture 25 % darker (the light dimmed): every ratio to the cheeks stays.
    const dim = () => picture(size, lms, [143, 68, 71], [154, 120, 101]);
    const before = Array.from({ length: LIPS_OCCLUDED.baselineMinFrames }, () => clear);
    const covered = run([...before, hand, hand, clear]);
    expect(covered.slice(before.length).map((r) => r.level)).toEqual(['warn', 'error', 'ok']);
    expect(covered[before.length + 1]?.since).toBeCloseTo(before.length / 25, 9);
    expect(run([...before, dim, dim, dim]).every((r) => r.level === 'ok')).toBe(true);
    // Without the history (a new face) the hand is not judged: the lips' own colour is unknown.
    expect(run([hand, hand, hand]).every((r) => r.level === 'ok')).toBe(true);
  });

  it('something redder than the lips over them (a red mug rim) covers them; lips pressed a little redder, or a red-lit picture, do not', () => {
    // Lips (190, 90, 95) on cheeks (205, 160, 135): redness (R−G)/(R+G+B) 0.267 against the cheeks'
    // 0.090, contrast 0.177. A red mug (200, 30, 40): 0.630, contrast 0.540 = 3.05× the lips' and
    // +0.36: over redCoverRatio and redCoverMinRise. Lips pressed redder (200, 75, 85): 0.347,
    // contrast 0.257 = 1.45×. The whole picture lit red (R × 1.2): lips (228, 90, 95) 0.333, cheeks
    // (246, 160, 135) 0.157, contrast 0.176 = 1.00×: the cheeks turn as red as the lips.
    const clear = () => picture(size, lms, [190, 90, 95]);
    const mug = () => picture(size, lms, [200, 30, 40]);
    const pressed = () => picture(size, lms, [200, 75, 85]);
    const redLight = () => picture(size, lms, [228, 90, 95], [246, 160, 135]);
    const before = Array.from({ length: LIPS_OCCLUDED.baselineMinFrames }, () => clear);
    const covered = run([...before, mug, mug, clear]);
    expect(covered.slice(before.length).map((r) => r.level)).toEqual(['warn', 'error', 'ok']);
    expect(covered[before.length + 1]?.since).toBeCloseTo(before.length / 25, 9);
    expect(run([...before, pressed, pressed, pressed]).every((r) => r.level === 'ok')).toBe(true);
    expect(run([...before, redLight, redLight, redLight]).every((r) => r.level === 'ok')).toBe(true);
    // Without the face's own lips to compare with (a new face) the mug is not judged.
    expect(run([mug, mug, mug]).every((r) => r.level === 'ok')).toBe(true);
  });

  it('bare lips after a cover the tests did not see are the lips again, not a cover (the frames before it vouch for them)', () => {
    // Lips (190, 90, 95) on cheeks (205, 160, 135): contrast 0.177, luma 0.71 of the cheeks'. A
    // pink thing held still over them (200, 120, 120): contrast 0.092 = 0.52 of the lips' (over
    // fadeRatio), brighter (not darkened), 0.47 of the way to the cheeks (under binToSkin): no test
    // sees it, and it becomes the recent history. The bare lips after it are 1.92× as red as that
    // and +0.085: the red test alone would call them a red cover over the pink "lips".
    // Drawn once each: measureFrame only reads them.
    const [bare, pinkOver, mugOver] = ([[190, 90, 95], [200, 120, 120], [200, 30, 40]] as const).map((rgb) => picture(size, lms, [...rgb]));
    const clear = () => bare!;
    const pink = () => pinkOver!;
    const mug = () => mugOver!;
    const lips = Array.from({ length: 2 * LIPS_OCCLUDED.baselineFrames }, () => clear);
    const held = Array.from({ length: LIPS_OCCLUDED.baselineFrames }, () => pink);
    const after = run([...lips, ...held, clear, clear, clear]);
    expect(after.slice(lips.length).every((r) => r.level === 'ok')).toBe(true);
    // The cover leaving on one frame that the older frames call covered too (200, 150, 130:
    // contrast 0.014, faded against the lips and the pink alike; luma 0.95, contrast over 0.005, so
    // no skin test sees it): that frame alone, and the bare lips right after it are asked again.
    const leaving = picture(size, lms, [200, 150, 130]);
    const left = run([...lips, ...held, () => leaving, clear, clear, clear]);
    expect(left.slice(lips.length + held.length).map((r) => r.level)).toEqual(['warn', 'ok', 'ok', 'ok']);
    // With no frames before the pink one to ask (it was there from the first frame) the bare lips
    // read as covered until the history starts again (relearnAfterSec).
    const fromStart = run([...held, clear, clear, clear]);
    expect(fromStart.slice(held.length).map((r) => r.level)).toEqual(['warn', 'error', 'error']);
    // A real cover after the unseen one is still a cover: the older frames call it covered too.
    const mugAfter = run([...lips, ...held, mug, mug]);
    expect(mugAfter.slice(lips.length + held.length).map((r) => r.level)).toEqual(['warn', 'error']);
  });

  it('something yellow or green over the lips (a pencil, a bottle) covers them from its first frame; orange lipstick and a warm light do not', () => {
    // Cheeks (205, 160, 135): redness (R−G)/(R+G+B) 0.090, yellowness (G−B)/(R+G+B) 0.050. A yellow
    // pencil (232, 192, 32): yellowness 0.351 (+0.30 over the cheeks), redness 0.088 (no redder):
    // yellow. A green bottle (60, 150, 70): yellowness 0.286, redness −0.32: yellow-green. Orange
    // lipstick (220, 100, 30): yellowness 0.200 (+0.15) but redness 0.343, 0.25 over the cheeks: lips.
    // A warm light (G × 0.95, B × 0.7 everywhere): lips (190, 86, 67) 0.056, cheeks (205, 152, 95)
    // 0.127: the lips stay less yellow than the cheeks.
    const ys = LIPS_OUTER.map((i) => lms[i]!.y * size.height);
    const mid = (Math.min(...ys) + Math.max(...ys)) / 2;
    const across = (rgb: [number, number, number]) => () => {
      const p = picture(size, lms, [190, 90, 95]);
      paint(p, (_x, y) => Math.abs(y - mid) < 4, rgb);
      return p;
    };
    const pencil = across([232, 192, 32]);
    const m = measureFrame(result([lms]), size, pencil).faces[0];
    expect(m?.yellowCover).toBeGreaterThan(LIPS_OCCLUDED.yellowMinShare);
    expect(m?.yellowCover).toBeLessThan(0.6);
    // No history needed: the pencil there from the very first frame is found.
    expect(run([pencil, pencil, () => picture(size, lms, [190, 90, 95])]).map((r) => r.level)).toEqual(['warn', 'error', 'ok']);
    expect(run([across([60, 150, 70]), across([60, 150, 70])]).map((r) => r.level)).toEqual(['warn', 'error']);
    const orange = () => picture(size, lms, [220, 100, 30]);
    expect(measureFrame(result([lms]), size, orange).faces[0]?.yellowCover).toBe(0);
    expect(run([orange, orange, orange]).every((r) => r.level === 'ok')).toBe(true);
    const warm = () => picture(size, lms, [190, 86, 67], [205, 152, 95]);
    expect(measureFrame(result([lms]), size, warm).faces[0]?.yellowCover).toBe(0);
    // Not judged where the pale test is not (a face turned past the angle limit).
    expect(measureFrame(result([lms], [[FACE_ANGLE.warnAboveDeg + 5, 0, 0]]), size, pencil).faces[0]?.yellowCover).toBeNull();
  });

  it('one violet thing over the lips and the skin around them (a scarf pulled up) covers them from its first frame; violet lipstick does not', () => {
    // Cheeks (205, 160, 135): (G−B)/(R+G+B) 0.050. A violet scarf (106, 61, 138): −0.252, 0.30 under
    // the cheeks (blueBelowSkin 0.12), mean 102: bluer than skin, over the lips and the chin below
    // them. Plum lipstick (120, 40, 110): −0.259, as blue, but on the lips alone: the skin band
    // around them stays skin.
    const xs = LIPS_OUTER.map((i) => lms[i]!.x * size.width);
    const ys = LIPS_OUTER.map((i) => lms[i]!.y * size.height);
    const [x0, x1, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scarf = () => {
      const p = picture(size, lms, [190, 90, 95]);
      paint(p, (x, y) => x > x0 - 30 && x < x1 + 30 && y > top - 3 && y < bottom + 40, [106, 61, 138]);
      return p;
    };
    const m = measureFrame(result([lms]), size, scarf).faces[0];
    expect(m?.blueCover).toBeGreaterThan(LIPS_OCCLUDED.blueMinShare);
    expect(run([scarf, scarf, () => picture(size, lms, [190, 90, 95])]).map((r) => r.level)).toEqual(['warn', 'error', 'ok']);
    const plum = () => picture(size, lms, [120, 40, 110]);
    // Only band samples on the lip line itself (where the band's and the painter's edges differ by
    // under a pixel) read violet: a few hundredths, far under blueMinShare.
    expect(measureFrame(result([lms]), size, plum).faces[0]?.blueCover).toBeLessThan(0.05);
    expect(run([plum, plum, plum]).every((r) => r.level === 'ok')).toBe(true);
  });

  it('a finger laid along the upper lip covers it from its first frame: that half of the ring reads as skin; clear lips do not', () => {
    // A pale finger (225, 185, 165) across the whole upper lip, corner to corner: redness
    // (R−G)/(R+G+B) 0.070 against the cheeks' (205, 160, 135) 0.090 (−0.02), luma 1.12 of theirs.
    // Every third of the ring keeps its lower lip (190, 90, 95: +0.18 redder), so the thirds stay
    // lips; the half above the mouth's axis is skin. No history needed: found from frame 1.
    const ys = LIPS_OUTER.map((i) => lms[i]!.y * size.height);
    const mid = (Math.min(...ys) + Math.max(...ys)) / 2;
    const finger = () => {
      const p = picture(size, lms, [190, 90, 95]);
      paint(p, (_x, y) => y < mid, [225, 185, 165]);
      return p;
    };
    const c = measureFrame(result([lms]), size, finger).faces[0]!.lipColour!;
    expect(c.halves).toHaveLength(2);
    expect(c.halves[0]!.contrast).toBeLessThan(LIPS_OCCLUDED.skinSectorMaxContrast);
    expect(c.halves[1]!.contrast).toBeGreaterThan(0.15);
    expect(skinOverLips(c)).toBe(false);
    expect(skinAlongLip(c)).toBe(true);
    const clear = () => picture(size, lms, [190, 90, 95]);
    expect(skinAlongLip(measureFrame(result([lms]), size, clear).faces[0]!.lipColour!)).toBe(false);
    expect(run([finger, finger, clear]).map((r) => r.level)).toEqual(['warn', 'error', 'ok']);
    // Pale lips a little redder than the cheeks (205, 150, 135: +0.02) are lips.
    const pale = () => picture(size, lms, [205, 150, 135]);
    expect(run([pale, pale, pale]).every((r) => r.level === 'ok')).toBe(true);
    // A small face is not judged (a half of a small ring has few samples): the pale test's limit.
    const tiny = face({ w: (LIPS_OCCLUDED.paleMinEyePx - 2) / 0.6 / size.width, h: 0.1, frame: size });
    const small = measureFrame(result([tiny]), size, () => picture(size, tiny, [225, 185, 165])).faces[0]!.lipColour;
    expect(small === null || !skinAlongLip(small)).toBe(true);
  });

  it('a red phone held to one cheek is no skin: the lips are still judged against the cheeks, and stay clear', () => {
    // The phone (200, 30, 40) over the top half of one cheek patch: a quarter of the skin pixels, at
    // a colour distance of ~0.6 from the skin's (205, 160, 135). Their mean would be far redder than
    // skin and the lips (190, 90, 95) would read less red than "skin", pale and skin-red; the
    // pixels further than cheekPixelGap from the median of both patches are left out.
    const [cx, cy] = [lms[CHEEK_LEFT]!.x * size.width, lms[CHEEK_LEFT]!.y * size.height];
    const phone = () => {
      const p = picture(size, lms, [190, 90, 95]);
      paint(p, (x, y) => Math.abs(x - cx) < 40 && y < cy + 0.5 && y > cy - 40, [200, 30, 40]);
      return p;
    };
    const clear = picture(size, lms, [190, 90, 95]);
    const ref = skinReference(lms, size, phone());
    expect(ref?.dropped).toBeGreaterThan(0);
    expect(ref!.rg).toBeCloseTo(skinReference(lms, size, clear)!.rg, 9);
    expect(skinReference(lms, size, clear)?.dropped).toBe(0);
    const withPhone = measureFrame(result([lms]), size, phone).faces[0]!;
    expect(withPhone.lipColour!.contrast).toBeCloseTo(measureFrame(result([lms]), size, () => clear).faces[0]!.lipColour!.contrast, 9);
    expect(withPhone.paleCover).toBe(0);
    expect(run(Array.from({ length: 12 }, () => phone)).every((r) => r.level === 'ok')).toBe(true);
  });

  it('a cover there from the first frame does not become the lips for ever: after relearnAfterSec the bare lips are learnt again', () => {
    // A red cloth (200, 30, 40) over the mouth for the first 10 frames is all the history knows, so
    // the bare lips (190, 90, 95) after it read as faded (contrast 0.177 under 0.4 × the cloth's
    // 0.540). Covered frames never join the history: without a limit the error would last to the
    // end of the take (held-out J's red cloth did, 6 s). Seen only against the history, it ends
    // relearnAfterSec after it began (frame 10 at t = 0.4 s; relearnt at t = 2.4 s, frame 60).
    const cloth = () => picture(size, lms, [200, 30, 40]);
    const clear = () => picture(size, lms, [190, 90, 95]);
    const states = run([...Array.from({ length: 10 }, () => cloth), ...Array.from({ length: 90 }, () => clear)]);
    const after = states.slice(10).map((r) => r.level);
    const relearnt = Math.round(LIPS_OCCLUDED.relearnAfterSec * 25);
    // 90 bare frames (3.6 s): the error must end inside them, on the frame the limit says.
    expect(relearnt).toBeLessThan(after.length);
    expect(after.at(-1)).toBe('ok');
    expect(after.slice(0, relearnt).every((l) => l === 'warn' || l === 'error')).toBe(true);
    expect(after.slice(relearnt).every((l) => l === 'ok')).toBe(true);
  });

  it('a picture too dark to tell lips from a black thing is not judged; a black thing under lit cheeks still covers', () => {
    // Dimmed cheeks (45, 30, 24): luma 33, under crushedSkinLuma. Red lips crushed to (14, 0, 0):
    // R+G+B = 14, no colour left. Before round 8 they read as a grey object on every frame.
    const crushedLips = picture(size, lms, [14, 0, 0], [45, 30, 24]);
    const dark = measureFrame(result([lms]), size, () => crushedLips).faces[0];
    expect(dark?.lipColour).toBeNull();
    expect(dark?.occluded).toBeNull();
    expect(run([() => crushedLips, () => crushedLips, () => crushedLips]).map((r) => r.level)).toEqual(['off', 'off', 'off']);
    // The same black (6, 6, 6) over the lips of a lit face (cheeks 205, 160, 135) is a black thing.
    const mic = measureFrame(result([lms]), size, () => picture(size, lms, [6, 6, 6])).faces[0];
    expect(mic?.occluded).toBe(true);
  });

  it('the corners of the mouth crushed to black in a dim, contrasty picture are no black thing (held-out M)', () => {
    // Cheeks (110, 80, 65): luma 87, lit (over crushedSkinLuma), as M's underexposed d13 (77–86).
    // Dark red lips (120, 50, 55) whose corners, the outer `share` of the mouth's width at each end,
    // are crushed to (4, 2, 2): the fold of the mouth corner with no light left (in M's d13 every
    // crushed ring pixel lay within 0.1 of the width from a corner). Before round 12 each crushed
    // pixel under lit cheeks counted as grey: 2 % of the ring read as a microphone.
    const cheeks: [number, number, number] = [110, 80, 65];
    const corners = (black: [number, number, number], share: number, which: 'both' | 'left' = 'both') => (): RgbaRegion => {
      const region = picture(size, lms, [120, 50, 55], cheeks);
      const data = region.data as Uint8ClampedArray;
      const a = (lms[61] as { x: number }).x * size.width;
      const b = (lms[291] as { x: number }).x * size.width;
      const [x0, x1] = [Math.min(a, b), Math.max(a, b)];
      const w = x1 - x0;
      for (let y = 0; y < size.height; y++) {
        for (let x = 0; x < size.width; x++) {
          const o = (y * size.width + x) * 4;
          if (data[o] !== 120 || data[o + 1] !== 50) continue;
          const nearLeft = x < x0 + w * share;
          if (!nearLeft && (which === 'left' || x <= x1 - w * share)) continue;
          [data[o], data[o + 1], data[o + 2]] = black;
        }
      }
      return region;
    };
    const fold = measureFrame(result([lms]), size, corners([4, 2, 2], 0.08)).faces[0];
    expect(fold?.lipColour?.darkShare).toBeGreaterThan(0.05);
    expect(fold?.lipColour?.greyShare).toBe(0);
    expect(fold?.occluded).toBe(false);
    expect(run(Array.from({ length: 12 }, () => corners([4, 2, 2], 0.08))).every((r) => r.level === 'ok')).toBe(true);
    // A black thing with a colour left over the same corners is still grey on this frame alone.
    const dark = measureFrame(result([lms]), size, corners([12, 12, 14], 0.08)).faces[0];
    expect(dark?.occluded).toBe(true);
  });

  it('a hand on one cheek is no cover of the lips; the same hand over the lips too is (held-out O)', () => {
    // O's knuckles scratching beside the nose lay over one cheek patch (redness 0.08 → 0.16, luma
    // 183 → 97): the mean of the two cheeks moved, the unchanged lips faded against it. A hand
    // darker and redder than the cheeks over the subject's right cheek patch only:
    const lips: [number, number, number] = [190, 90, 95];
    const hand: [number, number, number] = [170, 70, 50];
    const cheek = lms[CHEEK_RIGHT] as { x: number; y: number };
    const radius = 0.07 * size.width;
    const onCheek = (overLips: boolean, rgb = hand) => (): RgbaRegion => {
      const region = picture(size, lms, overLips ? rgb : lips);
      paint(region, (x, y) => Math.hypot(x - cheek.x * size.width, y - cheek.y * size.height) < radius, rgb);
      return region;
    };
    const clear = () => picture(size, lms, lips);
    const bare = Array.from({ length: 30 }, () => clear);
    // The picture is what the knuckles did: the mean of the cheeks redder, the lips unchanged.
    const scratched = measureFrame(result([lms]), size, onCheek(false)).faces[0]!.lipColour!;
    const before = measureFrame(result([lms]), size, clear).faces[0]!.lipColour!;
    expect(scratched.contrast).toBeLessThan(LIPS_OCCLUDED.fadeRatio * before.contrast);
    const states = run([...bare, ...Array.from({ length: 20 }, () => onCheek(false)), ...bare.slice(0, 10)]);
    expect(states.filter((r) => r.level === 'error')).toHaveLength(0);
    // A hand of the face's own skin in shadow (120, 85, 70: luma 0.55 of the cheeks') over the lips
    // and the same cheek: the lips lose their redness against either cheek, and are covered.
    const covered = run([...bare, ...Array.from({ length: 6 }, () => onCheek(true, [120, 85, 70]))]);
    expect(covered.slice(30).some((r) => r.level === 'error')).toBe(true);
  });

  it('sees a black microphone over the lips as covered, and a hand as skin (no redness)', () => {
    const mic = measureFrame(result([lms]), size, () => picture(size, lms, [30, 32, 36])).faces[0];
    expect(mic?.lipColour?.greyShare).toBeGreaterThan(0.9);
    expect(mic?.occluded).toBe(true);
    expect(mic?.lips).toBe('unknown');
    const hand = lipColour(lms, size, picture(size, lms, [205, 160, 135]));
    expect(Math.abs(hand?.contrast ?? 1)).toBeLessThan(0.005);
  });

  it('asks only for the rectangle around the lips and cheeks, clipped to the frame', () => {
    const rect = colourRectFor(lms, size);
    expect(rect).not.toBeNull();
    expect(rect!.x).toBeGreaterThanOrEqual(0);
    expect(rect!.x + rect!.width).toBeLessThanOrEqual(size.width);
    expect(rect!.width * rect!.height).toBeLessThan(size.width * size.height);
  });
});

/** Paints the pixels of a full-frame picture for which `where` holds. */
function paint(region: RgbaRegion, where: (x: number, y: number) => boolean, rgb: [number, number, number]): void {
  const data = region.data as Uint8ClampedArray;
  for (let y = 0; y < region.rect.height; y++) {
    for (let x = 0; x < region.rect.width; x++) {
      if (!where(x + 0.5, y + 0.5)) continue;
      const o = (y * region.rect.width + x) * 4;
      [data[o], data[o + 1], data[o + 2]] = rgb;
    }
  }
}

function inPoly(x: number, y: number, poly: [number, number][]): boolean {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}
