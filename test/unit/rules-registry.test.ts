/**
 * The rule registry (ADR 0003): every rule id a producer can emit is registered with a § and both
 * languages, and every template a producer's finding is worded with has all its placeholders
 * filled by that finding's `values` — in English and in Chinese. Producers are run on inputs built
 * here to reach each wording (variant); a static scan of the producer folders catches ids the
 * dynamic runs do not reach.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { damageFindings } from '../../src/main/services/convert/damage';
import { events, methods } from '../../src/shared/api';
import { FindingSchema, migrateFinding, type Finding } from '../../src/shared/findings';
import { formatProblems } from '../../src/shared/ingest/problems';
import { analyseBackdrop } from '../../src/shared/keying/analysis';
import { audioFindings } from '../../src/shared/qc/audio-rules';
import type { AudioFrame } from '../../src/shared/qc/audio-analyzer';
import { blackBorderFindings } from '../../src/shared/qc/black-border';
import { continuityFindings, timestampGaps, type FrameStats } from '../../src/shared/qc/continuity';
import { formatFindings } from '../../src/shared/qc/format-rules';
import { multiSceneFindings, returnPoseFindings, type PoseSample } from '../../src/shared/qc/pose-rules';
import { CheckReportSchema } from '../../src/shared/qc/report';
import { segmentFindings, segmentPlan } from '../../src/shared/qc/segment-rules';
import { countWords, LANGS, placeholders, renderBrief, renderFinding, renderGroupMessage, RULES, ruleDef, ruleMessage, ruleTitle, TIME_PLACEHOLDERS } from '../../src/shared/rules';
import { GREEN_PARAMS_DEFAULTS } from '../../src/shared/standards';
import type { ProbeResult } from '../../src/shared/probe';
import { coverageFinding, FindingsLog, VISION_RULE_IDS, type MonitorState, type RuleState, type VisionRuleId } from '../../src/shared/vision/analysis';
import { probe, rate } from './helpers/probe';

const ROOT = path.resolve(__dirname, '../..');

// ─── Inputs that reach every wording ────────────────────────────────────────────────────────────

const PROBES: ProbeResult[] = [
  probe({ container: 'mov' }, { codec: 'hevc', hdr: 'hlg', bitDepth: 10, rFrameRate: rate(30), rotation: 90 }),
  probe({ container: 'matroska', audio: { codec: 'opus', sampleRate: 44_100, channels: 2, channelLayout: 'stereo' } }, { pixelFormat: 'yuv422p', vfr: true, avgFrameRate: rate(2997, 100), displayWidth: 1280, displayHeight: 720 }),
  probe({ audio: null }, { hdr: 'pq' }),
  probe({}, null),
];

function continuityStats(): { stats: FrameStats[]; gaps: ReturnType<typeof timestampGaps> } {
  const stats: FrameStats[] = [];
  for (let i = 0; i < 250; i++) {
    const t = i * 0.04;
    const black = t >= 2 && t < 3;
    const frozen = t >= 4 && t < 6;
    const cut = i === 175;
    stats.push({ t, luma: black ? 0.01 : 0.5, diff: i === 0 ? null : frozen ? 0 : cut ? 0.5 : 0.03, histDistance: i === 0 ? null : cut ? 0.9 : 0.02 });
  }
  return { stats, gaps: timestampGaps([0, 0.04, 0.08, 0.5, 0.54, 0.58, 0.66], 25) };
}

/** 40-ms audio frames: level, pitch and clipping per frame from a function of time. */
function audio(seconds: number, at: (t: number) => Partial<AudioFrame>): AudioFrame[] {
  return Array.from({ length: Math.round(seconds / 0.04) }, (_, i) => ({ t: i * 0.04, rmsDb: -70, peakDb: -60, clipped: 0, f0: null, ...at(i * 0.04) }));
}
function audioRuns(): Finding[] {
  const speechOn = (t: number) => Math.floor(t) % 2 === 0;
  return [
    ...audioFindings(null, null, 10, true).findings,
    ...audioFindings(null, null, 10, false).findings,
    // Noise floor −40 dBFS, clipped bursts, two voices an octave and more apart.
    ...audioFindings(
      audio(20, (t) => (speechOn(t) ? { rmsDb: -15, f0: Math.floor(t) % 4 === 0 ? 100 : 260, clipped: t > 4 && t < 4.2 ? 3 : 0 } : { rmsDb: -40 })),
      -20,
      20,
      true,
    ).findings,
    // Quiet speech (−45 dBFS) only 20 dB above the floor.
    ...audioFindings(audio(20, (t) => (speechOn(t) ? { rmsDb: -45, f0: 120 } : { rmsDb: -65 })), -40, 20, true).findings,
    // Loud enough speech, loudness outside the range.
    ...audioFindings(audio(20, (t) => (speechOn(t) ? { rmsDb: -20, f0: 120 } : { rmsDb: -70 })), -50, 20, true).findings,
  ];
}

function poses(): Finding[] {
  const s = (t: number, yaw: number): PoseSample => ({ t, yaw, pitch: 0, roll: 0, cx: 0.5, cy: 0.4, h: 0.3, luma: 0.5, lr: 1 });
  const samples = Array.from({ length: 200 }, (_, i) => s(i * 0.04, i * 0.04 > 5 ? 20 : 0));
  const a = { yaw: 0, pitch: 0, roll: 0, cx: 0.5, cy: 0.4, h: 0.3, luma: 0.5, lr: 1 };
  return [
    ...returnPoseFindings(samples, { from: 0, to: 2 }, [{ t: 6, label: 'Return to default pose 1' }] /* check-file's label */, 'premium.pose-return', '§2.2'),
    ...returnPoseFindings(samples, { from: 0, to: 2 }, [{ t: 6, label: 'Action end' }], 'motion.idle-return', '§3.3'),
    ...multiSceneFindings(a, { ...a, yaw: 25, luma: 0.8, lr: 1.6 }, 10),
  ];
}

function monitorState(t: number, breach: Partial<Record<VisionRuleId, Partial<RuleState>>>): MonitorState {
  const rules = Object.fromEntries(
    VISION_RULE_IDS.map((id) => {
      const b = breach[id];
      return [id, b ? { level: 'error', breach: true, value: null, since: t, ...b } : { level: 'ok', breach: false, value: null, since: null }];
    }),
  ) as Record<VisionRuleId, RuleState>;
  return { t, faces: 1, primary: null, lips: 'closed', rules };
}
function visionRuns(): Finding[] {
  const out: Finding[] = [];
  const variants: Partial<Record<VisionRuleId, Partial<RuleState>>>[] = [
    { 'face.missing': {}, 'face.multiple': { value: 2 }, 'face.angle': { value: 50, detail: 'yaw' }, 'face.small-or-cut': { value: 0.08, detail: 'small' } },
    { 'face.multiple': {}, 'face.small-or-cut': { value: 0.3, detail: 'cut' }, 'lips.open-in-silence': {}, 'lips.open-no-voice': { value: 1.4 }, 'lips.occluded': { value: 0.2 } },
    { 'lips.open-no-voice': {}, 'face.angle': { value: 33, detail: 'pitch', level: 'warn' } },
  ];
  for (const v of variants) {
    const log = new FindingsLog();
    for (let i = 0; i < 10; i++) log.add(monitorState(i * 0.04, v));
    out.push(...log.findings(1));
  }
  out.push(coverageFinding(0, 5)!, coverageFinding(12, 10)!);
  return out;
}

/** A green screen (the standard's RGB 0,177,64 family) with a black bar, a grey bar and a dark fold. */
function keyingRuns(): Finding[] {
  const width = 320;
  const height = 240;
  const frame = (paint: (x: number, y: number) => [number, number, number]) => {
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const [r, g, b] = paint(x, y);
        data.set([r, g, b, 255], (y * width + x) * 4);
      }
    }
    return { width, height, data };
  };
  const green: [number, number, number] = [20, 180, 60];
  const frames = [
    frame((_x, y) => (y >= height - 12 ? [0, 0, 0] : green)),
    frame((_x, y) => (y < 10 ? [128, 128, 128] : green)),
    frame((x, y) => (x > 100 && x < 160 && y > 80 && y < 200 ? [5, 60, 20] : green)),
  ];
  return frames.flatMap((f) => analyseBackdrop(f as never, GREEN_PARAMS_DEFAULTS as never).findings);
}

function allProducerFindings(): Finding[] {
  const { stats, gaps } = continuityStats();
  return [
    ...PROBES.flatMap(formatFindings),
    ...PROBES.flatMap(formatProblems),
    ...continuityFindings(stats, 0.04, gaps),
    ...segmentFindings(segmentPlan('standard-short'), 12),
    ...segmentFindings(segmentPlan('standard-short'), 100),
    ...segmentFindings(segmentPlan('standard-short'), 2000),
    ...audioRuns(),
    ...poses(),
    ...blackBorderFindings({ top: 0, bottom: 12, left: 3, right: 0 }, 10),
    ...visionRuns(),
    ...keyingRuns(),
    ...damageFindings([{ atSec: 2.4, line: '[h264 @ 0x55af] error while decoding MB 1 2' } as never, { atSec: 7.1, line: 'x' } as never, { atSec: 7.5, line: 'y' } as never]),
  ];
}

// ─── Static scan: rule ids written in the producers' sources ─────────────────────────────────────

const PRODUCER_DIRS = [
  'src/shared/qc',
  'src/shared/ingest',
  'src/shared/vision',
  'src/shared/keying',
  'src/shared/voice',
  'src/shared/task',
  'src/main/services/checker',
  'src/main/services/convert',
  'src/main/services/voice',
  'src/main/services/export',
  'src/cli',
];
const RULE_PREFIXES = ['format', 'video', 'face', 'faces', 'lips', 'vision', 'key', 'frames', 'silent', 'narration', 'audio', 'premium', 'motion', 'multi', 'decode', 'convert', 'voice', 'export'];
const ID_IN_SOURCE = new RegExp(`['"\`]((?:${RULE_PREFIXES.join('|')})\\.[a-z0-9][a-z0-9-]*)['"\`]`, 'g');

function sourceFiles(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  let entries: string[];
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(path.join(ROOT, p)).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

function idsInProducerSources(): Map<string, string> {
  const notRules = new Set<string>([...Object.keys(methods), ...Object.keys(events)]);
  const found = new Map<string, string>();
  for (const file of PRODUCER_DIRS.flatMap(sourceFiles)) {
    for (const m of readFileSync(path.join(ROOT, file), 'utf8').matchAll(ID_IN_SOURCE)) {
      const id = m[1]!;
      if (!notRules.has(id) && !/\.(ts|tsx|json|mp4|wav|html)$/.test(id)) found.set(id, file);
    }
  }
  return found;
}

// ─── Tests ───────────────────────────────────────────────────────────────────────────────────────

describe('rule registry', () => {
  it('has each id once, a § and non-empty titles and messages in both languages, the same placeholders in both', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const r of RULES) {
      expect(r.section, r.id).toMatch(/^§\d/);
      const templates = [r.message, ...Object.values(r.variants ?? {}), ...(r.action ? [r.action] : [])];
      for (const lang of LANGS) {
        expect(r.title[lang].trim(), `${r.id} title ${lang}`).not.toBe('');
        for (const t of templates) expect(placeholders(t[lang]).length + String(typeof t[lang] === 'string' ? t[lang] : t[lang].other).trim().length, r.id).toBeGreaterThan(0);
      }
      for (const t of templates) expect(placeholders(t['zh-CN']).sort(), `${r.id}: zh-CN uses a value en does not`).toEqual(placeholders(t.en).sort());
    }
  });

  it('registers every rule id written in a producer source (static scan)', () => {
    const ids = idsInProducerSources();
    expect(ids.size).toBeGreaterThan(40);
    const missing = [...ids].filter(([id]) => !ruleDef(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });

  const findings = allProducerFindings();

  it('the producers, run on inputs built to reach each wording, emit only registered rules in the one Finding shape', () => {
    // The runs reach at least these wordings; an unreached variant would go untested.
    const reached = new Set(findings.map((f) => `${f.rule}${typeof f.values?.kind === 'string' ? `#${f.values.kind}` : ''}`));
    for (const want of [
      'format.container#mov',
      'format.container',
      'frames.discontinuous#black',
      'frames.discontinuous#frozen',
      'frames.discontinuous#cut',
      'frames.discontinuous#gap',
      'narration.duration',
      'narration.duration#long',
      'silent.duration',
      'audio.missing',
      'audio.missing#optional',
      'audio.noise',
      'audio.noise#snr',
      'audio.level',
      'audio.level#loudness',
      'audio.clipping',
      'audio.second-voice',
      'face.multiple',
      'face.multiple#unknown',
      'face.small-or-cut',
      'face.small-or-cut#cut',
      'lips.open-no-voice#unknown',
      'vision.coverage#none',
      'vision.coverage',
      'premium.pose-return',
      'motion.idle-return',
      'multi.face-angle',
      'multi.face-lighting',
      'video.black-border',
      'decode.damaged',
    ]) {
      expect([...reached], want).toContain(want);
    }
    expect(findings.some((f) => f.rule.startsWith('key.'))).toBe(true);
    for (const f of findings) {
      expect(ruleDef(f.rule), f.rule).toBeDefined();
      const { kind: _kind, where: _where, action: _action, ...plain } = f as Finding & { kind?: unknown; where?: unknown; action?: unknown };
      expect(FindingSchema.safeParse(plain).success, f.rule).toBe(true);
    }
  });

  it('fills every placeholder of every template a producer finding is worded with, in both languages', () => {
    for (const f of findings) {
      for (const lang of LANGS) {
        const text = renderFinding(f, lang);
        expect(text, `${f.rule} ${JSON.stringify(f.values)} ${lang}`).not.toMatch(/\{\{/);
        // renderFinding falls back to the stored message only when a value is missing: it must not here.
        expect(ruleMessage(f.rule, lang, f.values, (f as { kind?: string }).kind), `${f.rule} ${lang}`).toBe(text);
      }
      expect(ruleTitle(f.rule, 'zh-CN')).not.toBe(f.rule);
    }
  });

  it('words a producer finding in English as its stored message (logs and the CLI read the same words)', () => {
    for (const f of findings.filter((x) => !x.rule.startsWith('key.') && x.rule !== 'decode.damaged')) {
      expect(f.message, f.rule).toBe(ruleMessage(f.rule, 'en', f.values));
    }
  });

  it('words the phrases producers compose (pose differences, border edges, marker labels) in Chinese too', () => {
    const composed = findings.filter((f) => ['premium.pose-return', 'motion.idle-return', 'video.black-border'].includes(f.rule));
    expect(composed.length).toBeGreaterThanOrEqual(3);
    for (const f of composed) {
      const zh = renderFinding(f, 'zh-CN');
      expect(zh.replace(/\bpx\b/g, ''), zh).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('reads an old report: silent.lips-open is lips.open-in-silence; null whole-file times become numbers', () => {
    expect(migrateFinding({ rule: 'silent.lips-open', start: 1, end: 2 })).toMatchObject({ rule: 'lips.open-in-silence' });
    expect(FindingSchema.parse(migrateFinding({ rule: 'format.mov', severity: 'warn', section: '§7.1', start: null, end: null, message: 'm' }))).toMatchObject({ start: 0, end: 0 });
    const old = { rule: 'silent.lips-open', severity: 'error', section: '§1.2.1', start: 1, end: 2, message: 'x', startFrame: 25, endFrame: 50 };
    const parsed = CheckReportSchema.shape.findings.parse([old]);
    expect(parsed[0]!.rule).toBe('lips.open-in-silence');
  });

  it('has a summary without times for every wording that quotes a time (several findings read together)', () => {
    const times = new Set<string>(TIME_PLACEHOLDERS);
    for (const r of RULES) {
      const wordings: [string, (typeof r)['message']][] = [['', r.message], ...Object.entries(r.variants ?? {})];
      for (const [kind, t] of wordings) {
        if (!placeholders(t.en).some((p) => times.has(p))) continue;
        const summary = r.summary?.[kind];
        expect(summary, `${r.id}${kind ? `#${kind}` : ''} quotes a time and has no summary`).toBeDefined();
        for (const lang of LANGS) expect(placeholders(summary![lang]).filter((p) => times.has(p)), `${r.id}#${kind} ${lang}`).toEqual([]);
        expect(placeholders(summary!['zh-CN']).sort()).toEqual(placeholders(summary!.en).sort());
      }
    }
  });

  it('words two frozen stretches read together by count, not by the first one\'s times; one alone keeps its times', () => {
    const frozen = (from: string, to: string) => ({ rule: 'frames.discontinuous', message: 'm', values: { kind: 'frozen', from, to } });
    const two = [frozen('0:01.2', '0:01.9'), frozen('0:07.0', '0:07.5')];
    expect(renderGroupMessage(two, 'en')).toBe('Frozen picture in 2 places: repeated frames make the trained avatar skip (§7.4)');
    expect(renderGroupMessage(two, 'zh-CN')).toBe('有 2 处画面定格：重复的帧会让训练出的数字人跳帧（§7.4）');
    expect(renderGroupMessage([two[0]!], 'en')).toContain('0:01.2–0:01.9');
    // A rule whose message names no time: the same sentence for all.
    const occl = { rule: 'lips.occluded', message: 'x', values: {} };
    expect(renderGroupMessage([occl, occl], 'en')).toBe(renderFinding(occl, 'en'));
  });

  it('names each format problem once for the checker and the convert screen; old ids read through aliases', () => {
    for (const [old, now] of [['video.vfr', 'format.vfr'], ['video.fps', 'format.fps'], ['video.resolution', 'format.resolution'], ['video.hdr', 'format.hdr'], ['video.orientation', 'format.landscape'], ['format.mov', 'format.container']]) {
      expect(migrateFinding({ rule: old, start: 0, end: 1 })).toMatchObject({ rule: now });
      expect(RULES.some((r) => r.id === old), old).toBe(false);
    }
    const mov = formatProblems(probe({ container: 'mov' }, {}));
    const container = mov.find((f) => f.rule === 'format.container')!;
    expect(renderBrief(container, 'en')).toBe('MOV, not MP4');
    expect(renderFinding(container, 'en')).toContain('does not take MOV');
    expect(formatFindings(probe({ container: 'mov' }, {})).find((f) => f.rule === 'format.container')?.severity).toBe('error');
  });

  it('counts with the right plural in both languages', () => {
    const forms = { en: { one: '{{count}} error', other: '{{count}} errors' }, zh: '{{count}} 个错误' };
    expect(countWords('en', 1, forms.en)).toBe('1 error');
    expect(countWords('en', 12, forms.en)).toBe('12 errors');
    expect(countWords('en', 0, forms.en)).toBe('0 errors');
    expect(countWords('zh-CN', 1, forms.zh)).toBe('1 个错误');
  });
});
