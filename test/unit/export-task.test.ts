import { describe, expect, it } from 'vitest';
import { DEFAULT_GREEN_PARAMS } from '../../src/shared/green-params';
import { exportRules } from '../../src/shared/rules/export';
import {
  buildTask,
  formatSsFf,
  formatTaskJson,
  parseTime,
  segmentDefaults,
  suggestSpecification,
  TASK_KEYS,
  TaskParamsSchema,
  TaskSchema,
  type TaskParamsInput,
} from '../../src/shared/task';

const frames = (v: unknown) => {
  const r = parseTime(v);
  if (!r.ok) throw new Error(r.error);
  return r.frames;
};
const sec = (v: unknown) => frames(v) / 25;

describe('frame grid (§5.3: at 25 fps the 10th frame at 10 s is 10.4 s)', () => {
  // Expected values worked out by hand: frame = seconds × 25, nearest, ties to the earlier frame.
  const table: [unknown, number][] = [
    ['10:10', 10.4],
    ['10.41', 10.4],
    [10.41, 10.4],
    ['10.4', 10.4],
    ['10.42', 10.4], // exact tie between 10.40 and 10.44 → the earlier frame
    [10.42, 10.4], // the double 10.42 × 25 is 260.50000000000006: must still tie down
    ['10.4200001', 10.44],
    ['10.43', 10.44],
    ['10:00', 10],
    ['0:24', 0.96],
    ['0', 0],
    [0, 0],
    ['125:09', 125.36],
    ['2:05:09', 125.36],
    ['35.4', 35.4],
    ['37.32', 37.32],
    [' 8.5 ', 8.48], // §3.2's own example "Start: 8.5" is half-way between frames 212 and 213 → 212
    ['0.02', 0], // half a frame → tie → frame 0
    ['0.021', 0.04],
  ];
  it.each(table)('%j → %s s', (input, expected) => {
    expect(sec(input)).toBe(expected);
  });

  it('never produces 10.44 from 10.42, in any spelling', () => {
    for (const v of ['10.42', 10.42, '10.420', '10.4200000']) expect(sec(v)).toBe(10.4);
  });

  it('writes seconds that print as the platform expects (no 10.400000000000002)', () => {
    for (let f = 0; f < 25 * 200; f++) {
      const s = f / 25;
      expect(String(s)).toMatch(/^\d+(\.\d{1,2})?$/);
      expect(frames(s)).toBe(f); // round trip through the written number
    }
  });

  const bad: [unknown, RegExp][] = [
    ['10:25', /frame must be 0–24/],
    ['1:60:00', /0–59/],
    ['-1', /before the start/],
    [-0.5, /before the start/],
    ['abc', /not a time/],
    ['10,4', /not a time/],
    ['1e3', /not a time/],
    ['', /empty/],
    [Number.NaN, /not a time/],
    [Infinity, /not a time/],
    [null, /not a time/],
    [{}, /not a time/],
    ['1:2:3:4', /not a time/],
    ['99999:00', /24 hours/],
    ['0x10', /not a time/],
    ['10.4; rm -rf /', /not a time/],
  ];
  it.each(bad)('refuses %j with one clear sentence', (input, re) => {
    const r = parseTime(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(re);
  });

  it('formats SS:FF', () => {
    expect(formatSsFf(260)).toBe('10:10');
    expect(formatSsFf(24)).toBe('0:24');
  });
});

const video = { durationSec: 200, width: 1080, height: 1920 };
const motion = (over: Partial<TaskParamsInput> = {}) =>
  TaskParamsSchema.parse({
    characterName: 'Ann',
    modelType: 'motion',
    actions: [
      { name: 'idle', start: '0:00', end: '30:00' },
      { name: 'wave hello', start: '30:00', end: '33:10' },
      { name: 'thumbs up', start: 40, end: '43.3' },
      { name: 'heart', start: '50.02', end: '53:12' },
    ],
    ...over,
  });

describe('task.json (§5.3)', () => {
  it('has exactly the keys of the issue', () => {
    expect(TASK_KEYS).toEqual([
      'characterName', 'modelType', 'specification', 'lipVersions', 'segmentation', 'scaleRatio',
      'videoStart', 'videoEnd', 'staticStart', 'staticEnd', 'dynamicStart', 'dynamicEnd',
      'transitionDelay', 'transition', 'actions', 'greenParams',
    ]);
  });

  it('builds a motion task: idle + 3 actions snapped to frames', () => {
    const r = buildTask(motion(), video);
    expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(r.task?.actions).toEqual([
      { name: 'idle', start: 0, end: 30, notes: '' },
      { name: 'wave hello', start: 30, end: 33.4, notes: '' },
      { name: 'thumbs up', start: 40, end: 43.28, notes: '' }, // 43.3 is a tie → 43.28
      { name: 'heart', start: 50, end: 53.48, notes: '' },
    ]);
    expect(TaskSchema.parse(JSON.parse(formatTaskJson(r.task!)))).toEqual(r.task);
    expect(formatTaskJson(r.task!)).toContain('"end": 43.28');
  });

  it('a 12-s action warns (§3.2 within 10 s)', () => {
    const p = motion();
    p.actions[2] = { name: 'long', start: 40, end: 52, notes: '' };
    p.actions[3] = { name: 'heart', start: 60, end: 62, notes: '' };
    const r = buildTask(p, video);
    expect(r.task).not.toBeNull();
    const w = r.findings.filter((f) => f.rule === 'task.action-too-long');
    expect(w).toHaveLength(1);
    expect(w[0]!.severity).toBe('warn');
    expect(w[0]!.message).toContain('12.00 s');
  });

  it('an action of exactly 10 s does not warn', () => {
    const p = motion();
    p.actions[2] = { name: 'ten', start: 40, end: 50, notes: '' };
    expect(buildTask(p, video).findings.some((f) => f.rule === 'task.action-too-long')).toBe(false);
  });

  it('an overlapping pair is refused; touching actions are fine', () => {
    const p = motion();
    p.actions[3] = { name: 'heart', start: '43.24', end: 46, notes: '' };
    const r = buildTask(p, video);
    expect(r.task).toBeNull();
    const o = r.findings.filter((f) => f.rule === 'task.segments-overlap');
    expect(o).toHaveLength(1);
    expect(o[0]!.message).toContain('43.24 s to 43.28 s');
    p.actions[3] = { name: 'heart', start: '43.28', end: 46, notes: '' };
    expect(buildTask(p, video).task).not.toBeNull();
  });

  it('idle not first warns', () => {
    const p = motion();
    p.actions = [p.actions[1]!, p.actions[0]!];
    const r = buildTask(p, video);
    expect(r.findings.map((f) => f.rule)).toContain('task.idle-not-first');
    expect(r.task).not.toBeNull();
  });

  it('outside the video is refused', () => {
    const p = motion();
    p.actions[3] = { name: 'heart', start: 199, end: '200:01', notes: '' };
    const r = buildTask(p, video);
    expect(r.task).toBeNull();
    expect(r.findings.map((f) => f.rule)).toContain('task.outside-video');
    expect(buildTask(TaskParamsSchema.parse({ characterName: 'A', videoStart: 10, videoEnd: 5 }), video).findings.map((f) => f.rule)).toEqual(['task.end-before-start']);
  });

  it('Quick + green screen is refused (§5.3)', () => {
    const p = TaskParamsSchema.parse({ characterName: 'A', modelType: 'quick', segmentation: 'greenscreen', greenParams: DEFAULT_GREEN_PARAMS });
    const r = buildTask(p, video);
    expect(r.task).toBeNull();
    expect(r.findings.map((f) => f.rule)).toContain('task.quick-segmentation');
    const q = buildTask(TaskParamsSchema.parse({ characterName: 'A', modelType: 'quick', segmentation: 'portrait' }), video);
    expect(q.task).toBeNull();
  });

  it('green screen takes the §1.3.3 parameters and needs them', () => {
    const ok = buildTask(TaskParamsSchema.parse({ characterName: 'A', segmentation: 'greenscreen', greenParams: DEFAULT_GREEN_PARAMS }), video);
    expect(ok.task?.greenParams).toEqual(DEFAULT_GREEN_PARAMS);
    const missing = buildTask(TaskParamsSchema.parse({ characterName: 'A', segmentation: 'greenscreen' }), video);
    expect(missing.findings.map((f) => f.rule)).toEqual(['task.green-params-missing']);
    const bad = buildTask(TaskParamsSchema.parse({ characterName: 'A', segmentation: 'greenscreen', greenParams: { greenParamsBlurKs: 'x' } }), video);
    expect(bad.task).toBeNull();
  });

  it('an update keeps model type and segmentation type (§6.2)', () => {
    const p = TaskParamsSchema.parse({ characterName: 'A', modelType: 'premium', segmentation: 'portrait', update: { modelType: 'standard', segmentation: 'greenscreen' } });
    const rules = buildTask(p, video).findings.map((f) => f.rule);
    expect(rules).toContain('task.update-model-type');
    expect(rules).toContain('task.update-segmentation');
    const same = TaskParamsSchema.parse({ characterName: 'A', modelType: 'standard', segmentation: 'portrait', update: { modelType: 'standard', segmentation: 'portrait' } });
    expect(buildTask(same, video).task).not.toBeNull();
  });

  it('specification is suggested from the resolution; lip versions universal first', () => {
    expect(suggestSpecification(1080, 1920)).toBe('standard');
    expect(suggestSpecification(2160, 3840)).toBe('ultra');
    expect(suggestSpecification(3840, 2160)).toBe('ultra');
    const r = buildTask(TaskParamsSchema.parse({ characterName: 'A', lipVersions: ['original', 'universal'] }), { durationSec: 60, width: 2160, height: 3840 });
    expect(r.task?.specification).toBe('ultra');
    expect(r.task?.lipVersions).toEqual(['universal', 'original']);
    const chosen = buildTask(TaskParamsSchema.parse({ characterName: 'A', specification: 'ultra', lipVersions: ['original'] }), video);
    expect(chosen.findings.map((f) => f.rule).sort()).toEqual(['task.lip-versions', 'task.specification']);
  });

  it('premium static/dynamic must not overlap, and pose-return findings at a boundary warn', () => {
    const p = TaskParamsSchema.parse({ characterName: 'A', modelType: 'premium', staticStart: 0, staticEnd: 30, dynamicStart: 31, dynamicEnd: 150 });
    const r = buildTask(p, { ...video, findings: [{ rule: 'premium.pose-return', start: 149.9, end: 150.2, message: 'head turned 8°' }] });
    expect(r.task?.staticEnd).toBe(30);
    expect(r.findings.map((f) => f.rule)).toEqual(['task.pose-return-failed']);
    const o = buildTask(TaskParamsSchema.parse({ ...p, dynamicStart: 29 }), video);
    expect(o.findings.map((f) => f.rule)).toContain('task.segments-overlap');
  });

  it('every rule has both languages and a section', () => {
    for (const r of exportRules) {
      expect(r.title.en && r.title['zh-CN'] && r.message.en && r.message['zh-CN']).toBeTruthy();
      expect(r.section).toMatch(/^§/);
    }
  });
});

describe('segment defaults from markers', () => {
  it('static = silent phase, dynamic = narration, actions from A/E/I', () => {
    const d = segmentDefaults(
      [
        { kind: 'action-start', t: 40.013, note: 'wave' },
        { kind: 'return-idle', t: 43.33 },
        { kind: 'action-start', t: 50 },
        { kind: 'action-end', t: 52.5 },
      ],
      [
        { kind: 'silent', start: 0, end: 30.01 },
        { kind: 'narration', start: 30.01, end: null },
        { kind: 'idle', start: 5, end: 35 },
      ],
      120,
    );
    expect(d.staticStart).toBe(0);
    expect(d.staticEnd).toBe(30);
    expect(d.dynamicEnd).toBe(120);
    expect(d.actions).toEqual([
      { name: 'idle', start: 5, end: 35, notes: '' },
      { name: 'wave', start: 40, end: 43.32, notes: '' },
      { name: 'action 2', start: 50, end: 52.48, notes: '' },
    ]);
  });
});
