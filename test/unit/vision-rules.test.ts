import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../../src/shared/findings';
import { FACE_ANGLE, FACE_DARK, LIPS_OCCLUDED, LIPS_OPEN_IN_SILENCE, VISION_ANALYSIS } from '../../src/shared/standards';
import {
  coverageFinding,
  FindingsLog,
  measureFrame,
  summarizeFindings,
  VisionRules,
  type FrameMeasurement,
  type MonitorPhase,
  type MonitorState,
} from '../../src/shared/vision/analysis';
import { handCoverOfLips } from '../../src/shared/vision/hand-over-lips';
import { face, fingerOverCorner, picture, result } from './helpers/vision';

const size = { width: 1000, height: 1000 };
const none: FrameMeasurement = { size, faces: [] };
const one = (o: { yaw?: number; pitch?: number; roll?: number; gap?: number } = {}) =>
  measureFrame(result([face({ gap: o.gap ?? 0 })], [[o.yaw ?? 0, o.pitch ?? 0, o.roll ?? 0]]), size);
const two = measureFrame(result([face({ cx: 0.3, w: 0.2 }), face({ cx: 0.75, w: 0.2 })]), size);

/** Feed frames 40 ms apart (25 fps) and return every state. */
function run(frames: FrameMeasurement[], phase: MonitorPhase = 'idle', speech: boolean | null = null, t0 = 0): MonitorState[] {
  const rules = new VisionRules();
  return frames.map((frame, i) => rules.step({ t: t0 + i * 0.04, frame, phase, speech }));
}

describe('face rules (§1.2.5)', () => {
  it('face.missing and face.multiple are errors from the first frame', () => {
    const [a, b, c] = run([none, one(), two]);
    expect(a?.rules['face.missing'].level).toBe('error');
    expect(a?.rules['face.angle'].level).toBe('off');
    expect(b?.rules['face.missing'].level).toBe('ok');
    expect(b?.rules['face.multiple'].level).toBe('ok');
    expect(c?.rules['face.multiple']).toMatchObject({ level: 'error', value: 2 });
    expect(c?.faces).toBe(2);
  });

  it('face.angle: ok up to 30°, warn above 30°, error from 45° (largest of yaw, pitch, roll)', () => {
    const level = (o: Parameters<typeof one>[0]) => run([one(o)])[0]?.rules['face.angle'];
    expect(level({ yaw: FACE_ANGLE.warnAboveDeg })?.level).toBe('ok');
    expect(level({ yaw: 31 })?.level).toBe('warn');
    expect(level({ pitch: -31 })).toMatchObject({ level: 'warn', detail: 'pitch' });
    expect(level({ roll: 44 })?.level).toBe('warn');
    expect(level({ yaw: -FACE_ANGLE.errorFromDeg })).toMatchObject({ level: 'error', detail: 'yaw' });
  });

  it('face.small-or-cut warns for a small face and for one cut by the edge', () => {
    const small = measureFrame(result([face({ h: 0.08, w: 0.06 })]), size);
    const cut = measureFrame(result([face({ cx: 0.02 })]), size);
    expect(run([small])[0]?.rules['face.small-or-cut']).toMatchObject({ level: 'warn', detail: 'small' });
    expect(run([cut])[0]?.rules['face.small-or-cut']).toMatchObject({ level: 'warn', detail: 'cut' });
    expect(run([one()])[0]?.rules['face.small-or-cut'].level).toBe('ok');
  });
});

describe('face.dark (§1.2.2 uniform lighting)', () => {
  it('warns when the face is too dark for the lip checks for over a second, and says so in the report', () => {
    const small = { width: 300, height: 300 };
    const lms = face({ w: 0.6, h: 0.8, frame: small });
    const at = (rgbLips: [number, number, number], rgbSkin: [number, number, number]) => {
      const p = picture(small, lms, rgbLips, rgbSkin);
      return measureFrame(result([lms]), small, () => p);
    };
    // Cheeks (10, 8, 6): luma 8.4, under LIPS_OCCLUDED.minSkinLuma (16): the lip ring is not judged.
    const black = at([5, 2, 2], [10, 8, 6]);
    // Cheeks (45, 30, 24), luma 33, with red lips crushed to (14, 0, 0): no colour left (round 8).
    const crushed = at([14, 0, 0], [45, 30, 24]);
    const lit = at([190, 90, 95], [205, 160, 135]);
    expect([black, crushed, lit].map((m) => m.faces[0]?.dark)).toEqual([true, true, false]);
    const frames = [...Array.from({ length: 20 }, () => black), ...Array.from({ length: 20 }, () => crushed), lit, lit];
    const states = run(frames);
    const level = states.map((s) => s.rules['face.dark'].level);
    const firstWarn = Math.round(FACE_DARK.minSeconds / 0.04);
    expect(level.slice(0, firstWarn)).toEqual(Array.from({ length: firstWarn }, () => 'ok'));
    expect(level.slice(firstWarn, 40).every((l) => l === 'warn')).toBe(true);
    expect(level.slice(40)).toEqual(['ok', 'ok']);
    expect(states[39]?.rules['face.dark'].since).toBe(0);
    // The lips are unknown, never covered, while it is dark.
    expect(states.slice(0, 40).every((s) => s.rules['lips.occluded'].level === 'off')).toBe(true);
    const log = new FindingsLog();
    for (const st of states) log.add(st);
    const dark = log.findings().filter((f) => f.rule === 'face.dark');
    expect(dark).toHaveLength(1);
    expect(dark[0]).toMatchObject({ severity: 'warn', start: 0, section: '§1.2.2' });
    expect(dark[0]?.message).toContain('too dark to check the lips');
    expect(FindingSchema.parse(dark[0])).toBeTruthy();
  });
});

describe('lip rules', () => {
  it('lips.open-in-silence: a pre-alarm for up to 3 open frames, an error from the 4th, only in the silent phase', () => {
    const open = one({ gap: 0.1 });
    const states = run([one(), open, open, open, open, open, one()], 'silent');
    expect(states.map((s) => s.rules['lips.open-in-silence'].level)).toEqual(['ok', 'warn', 'warn', 'warn', 'error', 'error', 'ok']);
    expect(states[4]?.rules['lips.open-in-silence'].since).toBeCloseTo(0.04);
    expect(LIPS_OPEN_IN_SILENCE.maxOpenFrames).toBe(3);
    expect(run([open, open, open, open, open], 'narration').every((s) => s.rules['lips.open-in-silence'].level === 'off')).toBe(true);
    expect(run([open, open, open, open, open], 'idle')[4]?.rules['lips.open-in-silence'].level).toBe('off');
  });

  it('lips.open-no-voice: open mouth with no speech for more than 1 s in narration; speech resets it', () => {
    const open = one({ gap: 0.1 });
    const quiet = run(Array.from({ length: 30 }, () => open), 'narration', false);
    expect(quiet[25]?.rules['lips.open-no-voice'].level).toBe('ok'); // 1.00 s
    expect(quiet[26]?.rules['lips.open-no-voice'].level).toBe('warn'); // 1.04 s
    expect(quiet[29]?.rules['lips.open-no-voice'].since).toBe(0);
    const talking = run(Array.from({ length: 30 }, () => open), 'narration', true);
    expect(talking.every((s) => s.rules['lips.open-no-voice'].level === 'ok')).toBe(true);
    expect(run([open], 'narration', null)[0]?.rules['lips.open-no-voice'].level).toBe('off');
    expect(run([open], 'silent', false)[0]?.rules['lips.open-no-voice'].level).toBe('off');
  });

  it('lips.occluded: a microphone in 2 consecutive frames; a hand when the lips lose their redness against the face’s own history', () => {
    const lms = face({ w: 0.6, h: 0.8, frame: { width: 200, height: 200 } });
    const px = { width: 200, height: 200 };
    const lips = measureFrame(result([lms]), px, () => picture(px, lms, [190, 90, 95]));
    const mic = measureFrame(result([lms]), px, () => picture(px, lms, [30, 32, 36]));
    const hand = measureFrame(result([lms]), px, () => picture(px, lms, [205, 160, 135]));
    // One covered frame is a pre-alarm, never a finding; two in a row are (LIPS_OCCLUDED.minFrames = 2:
    // §1.2.5 "no frame", and a 2-frame hand sweep spoils a 5-frame lip-sync window).
    expect(LIPS_OCCLUDED.minFrames).toBe(2);
    expect(run([lips, mic, lips, mic, lips]).map((s) => s.rules['lips.occluded'].breach)).toEqual([false, false, false, false, false]);
    const micStates = run([lips, mic, mic, lips]);
    expect(micStates.map((s) => s.rules['lips.occluded'].level)).toEqual(['ok', 'warn', 'error', 'ok']);
    expect(micStates[2]?.rules['lips.occluded'].since).toBeCloseTo(0.04);
    expect(micStates[1]?.lips).toBe('unknown');
    // A hand needs the face's recent lips to compare with (8 frames here), then it is seen.
    const handStates = run([...Array.from({ length: 10 }, () => lips), hand, hand, hand, lips]);
    expect(handStates.slice(10).map((s) => s.rules['lips.occluded'].level)).toEqual(['warn', 'error', 'error', 'ok']);
    // On a new face the fade test has nothing to compare with, but a ring as red and as bright as the
    // cheeks from corner to corner is no lip: skinAlongLip sees it on its own frame.
    expect(run([hand, hand]).map((s) => s.rules['lips.occluded'].level)).toEqual(['warn', 'error']);
    // Turned beyond 30° the far cheek leaves the picture: the history is not used (face.angle warns).
    const handTurned = measureFrame(result([lms], [[40, 0, 0]]), px, () => picture(px, lms, [205, 160, 135]));
    expect(run([...Array.from({ length: 10 }, () => lips), handTurned])[10]?.rules['lips.occluded'].level).toBe('off');
    const micTurned = measureFrame(result([lms], [[0, 35, 0]]), px, () => picture(px, lms, [30, 32, 36]));
    expect(micTurned.faces[0]?.occluded).toBeNull();
    expect(run([micTurned])[0]?.rules['lips.occluded'].level).toBe('off');
    // Without pixels there is no colour check.
    expect(run([one()])[0]?.rules['lips.occluded'].level).toBe('off');
  });

  it('lips.occluded: a hand over the lips, on a face just seen, turned past 30° or without pixels; a hand beside the face is none', () => {
    // A straight hand pointing up over the default face's mouth (centre 0.5, 0.6; lips 105 px wide):
    // knuckles at y 0.70, tips at y 0.55, four fingers 20 px apart → fingers 16 px wide over the middle.
    const hand = (dx: number) => {
      const pts = [{ x: 0.5 + dx, y: 0.85, z: 0 }];
      for (let k = 1; k <= 4; k++) pts.push({ x: 0.43 + dx, y: 0.8 - 0.02 * k, z: 0 });
      for (const fx of [-0.03, -0.01, 0.01, 0.03]) for (let k = 0; k < 4; k++) pts.push({ x: 0.5 + dx + fx, y: 0.7 - 0.05 * k, z: 0 });
      return pts;
    };
    const over = measureFrame(result([face()], [[40, 0, 0]]), size, undefined, [hand(0)]);
    expect(over.faces[0]!.handCover).toBeGreaterThan(LIPS_OCCLUDED.handMinShare);
    expect(run([over, over]).map((s) => s.rules['lips.occluded'].level)).toEqual(['warn', 'error']);
    const beside = measureFrame(result([face()]), size, undefined, [hand(0.3)]);
    expect(beside.faces[0]!.handCover).toBe(0);
    expect(run([beside, beside]).map((s) => s.rules['lips.occluded'].level)).toEqual(['off', 'off']);
    // No hand pass: null, and the colour tests alone decide.
    expect(measureFrame(result([face()]), size).faces[0]!.handCover).toBeNull();
    // A face whose eye corners are 30 px apart (under handMinEyePx): the same fingers over its
    // mouth are not judged (a hand landmark a few pixels off is a tenth of such a mouth).
    const tiny = measureFrame(result([face({ w: 0.05, h: 0.2 })]), size, undefined, [hand(0)]);
    const f = tiny.faces[0]!;
    expect(handCoverOfLips([hand(0)], f.lipOuter, f.lipInner, size)).toBeGreaterThan(LIPS_OCCLUDED.handMinShare);
    expect(f.handCover).toBe(0);
  });

  it('lips.occluded: fingers over one mouth corner on a face watched long enough; not on a face just seen', () => {
    const lms = face({ w: 0.6, h: 0.8, frame: { width: 200, height: 200 } });
    const px = { width: 200, height: 200 };
    const lips = measureFrame(result([lms]), px, () => picture(px, lms, [190, 90, 95]));
    const corner = measureFrame(result([lms]), px, () => fingerOverCorner(px, lms));
    // The ring as a whole keeps most of its redness: only the corner third turned to skin.
    expect(corner.faces[0]?.lipColour?.contrast).toBeGreaterThan(0.4 * (lips.faces[0]?.lipColour?.contrast ?? 0));
    const states = run([...Array.from({ length: 10 }, () => lips), corner, corner, lips]);
    expect(states.slice(10).map((s) => s.rules['lips.occluded'].level)).toEqual(['warn', 'error', 'ok']);
    expect(states[11]?.rules['lips.occluded'].since).toBeCloseTo(0.4);
    // A new shot opening on fingers at the mouth: no history of this face, not judged as skin.
    expect(run([corner, corner, corner]).map((s) => s.rules['lips.occluded'].level)).toEqual(['ok', 'ok', 'ok']);
  });

  it('unknown lips never count as a breach: a black frame (the monitor restarting at Record) is not judged', () => {
    const lms = face({ w: 0.6, h: 0.8, frame: { width: 200, height: 200 } });
    const px = { width: 200, height: 200 };
    const black = measureFrame(result([lms]), px, () => picture(px, lms, [0, 0, 0], [0, 0, 0]));
    expect(black.faces[0]?.lipColour).toBeNull();
    const states = run([black, black, black, black, black], 'silent');
    expect(states.every((s) => s.lips === 'unknown' || s.lips === 'closed')).toBe(true);
    for (const s of states) {
      expect(s.rules['lips.occluded'].breach).toBe(false);
      expect(s.rules['lips.open-in-silence'].breach).toBe(false);
    }
  });
});

describe('findings log', () => {
  it('turns breaches into one finding each with start, end, worst value and §; short gaps join', () => {
    const rules = new VisionRules();
    const log = new FindingsLog();
    const frames: [number, FrameMeasurement][] = [
      [0, one()],
      [0.04, two],
      [0.08, two],
      [0.12, one()],
      // back within mergeGapSeconds: the same finding
      [0.12 + VISION_ANALYSIS.mergeGapSeconds - 0.1, two],
      [1.0, one()],
      [3.0, two],
      [3.04, one({ yaw: 50 })],
      [3.08, one({ yaw: 35 })],
      [3.12, one()],
    ];
    for (const [t, frame] of frames) log.add(rules.step({ t, frame, phase: 'idle', speech: null }));
    const findings = log.findings(4);
    for (const f of findings) expect(FindingSchema.safeParse(f).success).toBe(true);
    const multiple = findings.filter((f) => f.rule === 'face.multiple');
    expect(multiple).toHaveLength(2);
    expect(multiple[0]).toMatchObject({ severity: 'error', section: '§1.2.5', start: 0.04, end: 1, value: 2 });
    expect(multiple[1]).toMatchObject({ start: 3, end: 3.04 });
    const angle = findings.find((f) => f.rule === 'face.angle');
    expect(angle).toMatchObject({ severity: 'error', start: 3.04, end: 3.12 });
    expect(angle?.value).toBeCloseTo(50, 3);
    expect(angle?.message).toContain('50°');
  });

  it('closes a breach still running at the end of the take', () => {
    const rules = new VisionRules();
    const log = new FindingsLog();
    log.add(rules.step({ t: 2, frame: none, phase: 'idle', speech: null }));
    expect(log.findings(5)).toEqual([expect.objectContaining({ rule: 'face.missing', start: 2, end: 5 })]);
  });

  it('says when a take was watched too thinly (vision.coverage, info)', () => {
    expect(coverageFinding(250, 10)).toBeNull();
    expect(coverageFinding(30, 10)).toMatchObject({ rule: 'vision.coverage', severity: 'info', start: 0, end: 10, value: 3 });
    expect(coverageFinding(0, 5)?.message).toContain('no frame');
    expect(FindingSchema.safeParse(coverageFinding(0, 5)).success).toBe(true);
  });

  it('sums up per rule for the summary at Stop', () => {
    const s = summarizeFindings([
      { rule: 'lips.open-in-silence', severity: 'error', section: '§1.2.1', start: 12, end: 13, message: '' },
      { rule: 'face.multiple', severity: 'error', section: '§1.2.5', start: 1, end: 2, message: '' },
      { rule: 'lips.open-in-silence', severity: 'error', section: '§1.2.1', start: 7, end: 8, message: '' },
    ]);
    expect(s.map((x) => [x.rule, x.count])).toEqual([
      ['face.multiple', 1],
      ['lips.open-in-silence', 2],
    ]);
    expect(s[1]?.starts).toEqual([12, 7]);
  });
});
