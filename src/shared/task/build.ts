/**
 * From what the operator gave (PARAMS.json, the review form) to a valid task.json and its findings:
 * times snapped to frames, the specification suggested from the resolution, lip versions in the
 * recommended order, and every rule of src/shared/rules/export.ts applied. `error` findings mean no
 * task (the export is refused); `warn`/`info` ride along and are written to the README.
 */
import { validateGreenParams, type GreenParams } from '../green-params';
import { exportRule, fillTemplate, type ExportRuleId } from '../rules/export';
import { DELIVERY_RESOLUTIONS, MOTION_ACTION_SECONDS, MOTION_IDLE_MAX_SECONDS, MOTION_IDLE_RECOMMENDED_SECONDS, POSE_MATCH } from '../standards';
import { formatSeconds, framesToSeconds, GRID_FPS, parseTime } from './frames';
import {
  GREEN_SEGMENTATIONS,
  LIP_VERSION_ORDER,
  TaskSchema,
  type LipVersion,
  type Specification,
  type Task,
  type TaskAction,
  type TaskParams,
} from './schema';

/** A finding about the task (the studio's one Finding shape plus the template values and field). */
export interface TaskFinding {
  rule: ExportRuleId;
  severity: 'error' | 'warn' | 'info';
  section: string;
  start: number;
  end: number;
  message: string;
  values: Record<string, string | number>;
  /** Which form field it is about: "videoEnd", "actions.2.end" … */
  field?: string;
}

/** What the task is checked against: the delivery video and, when a check ran, its findings. */
export interface TaskContext {
  durationSec: number;
  width: number;
  height: number;
  /** Check/live findings (premium.pose-return, motion.idle-return) to match against boundaries. */
  findings?: readonly { rule: string; start: number; end: number; message: string }[];
}

export interface BuildResult {
  task: Task | null;
  findings: TaskFinding[];
}

/** §5.3: 2K video → Standard, 4K → Ultra HD; by the short side (portrait and landscape alike). */
export function suggestSpecification(width: number, height: number): Specification {
  const ultraShort = Math.max(...DELIVERY_RESOLUTIONS.shortSides);
  return Math.min(width, height) >= ultraShort ? 'ultra' : 'standard';
}

/** Universal first (§5.3: "priority on universal lip sync"), each once. */
export function orderLipVersions(v: readonly LipVersion[]): LipVersion[] {
  return LIP_VERSION_ORDER.filter((x) => v.includes(x));
}

const IDLE_NAME = /^(idle|待机)$/i;

function finding(rule: ExportRuleId, values: Record<string, string | number>, start = 0, end = start, field?: string): TaskFinding {
  const def = exportRule(rule);
  return {
    rule,
    severity: def.severity,
    section: def.section,
    start,
    end,
    message: fillTemplate(def.message.en, values),
    values,
    ...(field ? { field } : {}),
  };
}

interface Span {
  what: string;
  field: string;
  start: number;
  end: number;
}

export function buildTask(params: TaskParams, ctx: TaskContext): BuildResult {
  const out: TaskFinding[] = [];
  const durationFrames = Math.round(ctx.durationSec * GRID_FPS);
  const s = (frames: number) => formatSeconds(frames);

  const time = (field: string, v: string | number | null): number | null => {
    if (v === null || v === '') return null;
    const r = parseTime(v);
    if (r.ok) return r.frames;
    out.push(finding('task.time-invalid', { field, detail: r.error }, 0, 0, field));
    return null;
  };

  const isPremium = params.modelType === 'premium';
  const isMotion = params.modelType === 'motion';

  const videoStart = time('videoStart', params.videoStart);
  const videoEnd = time('videoEnd', params.videoEnd);
  const staticStart = isPremium ? time('staticStart', params.staticStart) : null;
  const staticEnd = isPremium ? time('staticEnd', params.staticEnd) : null;
  const dynamicStart = isPremium ? time('dynamicStart', params.dynamicStart) : null;
  const dynamicEnd = isPremium ? time('dynamicEnd', params.dynamicEnd) : null;

  const spans: Span[] = [];
  const pair = (what: string, field: string, a: number | null, b: number | null) => {
    if (b !== null && b > durationFrames) {
      out.push(finding('task.outside-video', { what, start: s(a ?? 0), end: s(b), duration: s(durationFrames) }, framesToSeconds(a ?? 0), framesToSeconds(b), `${field}End`));
    } else if (a !== null && a >= durationFrames && durationFrames > 0) {
      out.push(finding('task.outside-video', { what, start: s(a), end: s(b ?? a), duration: s(durationFrames) }, framesToSeconds(a), framesToSeconds(a), `${field}Start`));
    }
    if (a !== null && b !== null) {
      if (b <= a) out.push(finding('task.end-before-start', { what, start: s(a), end: s(b) }, framesToSeconds(b), framesToSeconds(a), `${field}End`));
      else spans.push({ what, field, start: a, end: b });
    }
  };
  pair('video', 'video', videoStart, videoEnd);
  pair('static part', 'static', staticStart, staticEnd);
  pair('dynamic part', 'dynamic', dynamicStart, dynamicEnd);

  // Actions (§3.2, §5.3): idle first, each within 10 s, no two sharing a frame.
  const actions: TaskAction[] = [];
  const actionSpans: Span[] = [];
  if (isMotion) {
    if (params.actions.length === 0) out.push(finding('task.no-actions', {}, 0, 0, 'actions'));
    params.actions.forEach((a, i) => {
      const name = a.name.trim() || `action ${i + 1}`;
      const what = `action ${i + 1} "${name}"`;
      const field = `actions.${i}`;
      const st = time(`${field}.start`, a.start);
      const en = time(`${field}.end`, a.end);
      if (st === null || en === null) {
        if (a.start === null || a.end === null || a.start === '' || a.end === '') {
          out.push(finding('task.time-invalid', { field: `${field}`, detail: `${what} needs a start and an end time` }, 0, 0, field));
        }
        return;
      }
      const before = out.length;
      pair(what, field, st, en);
      if (out.length > before) return;
      actions.push({ name, start: framesToSeconds(st), end: framesToSeconds(en), notes: a.notes });
      actionSpans.push({ what, field, start: st, end: en });
      const seconds = framesToSeconds(en - st);
      if (i === 0 && IDLE_NAME.test(name)) {
        if (en - st > MOTION_IDLE_MAX_SECONDS.seconds * GRID_FPS) {
          out.push(finding('task.action-too-long', { name, seconds: s(en - st), max: MOTION_IDLE_MAX_SECONDS.seconds }, framesToSeconds(st), framesToSeconds(en), field));
        } else if (seconds < MOTION_IDLE_RECOMMENDED_SECONDS.seconds) {
          out.push(finding('task.idle-length', { seconds: s(en - st), recommended: MOTION_IDLE_RECOMMENDED_SECONDS.seconds, max: MOTION_IDLE_MAX_SECONDS.seconds }, framesToSeconds(st), framesToSeconds(en), field));
        }
      } else if (en - st > MOTION_ACTION_SECONDS.max * GRID_FPS) {
        out.push(finding('task.action-too-long', { name, seconds: s(en - st), max: MOTION_ACTION_SECONDS.max }, framesToSeconds(st), framesToSeconds(en), field));
      }
    });
    const first = params.actions[0];
    if (first && !IDLE_NAME.test(first.name.trim())) out.push(finding('task.idle-not-first', { name: first.name.trim() }, 0, 0, 'actions.0.name'));
    // Overlap: two actions may touch (one ends on the frame the next starts) but not share time.
    const sorted = [...actionSpans].sort((x, y) => x.start - y.start);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const x = sorted[i]!;
        const y = sorted[j]!;
        if (y.start >= x.end) break;
        const from = y.start;
        const to = Math.min(x.end, y.end);
        out.push(finding('task.segments-overlap', { a: x.what, b: y.what, start: s(from), end: s(to) }, framesToSeconds(from), framesToSeconds(to), `${y.field}.start`));
      }
    }
  }
  if (isPremium && staticStart !== null && staticEnd !== null && dynamicStart !== null && dynamicEnd !== null) {
    const from = Math.max(staticStart, dynamicStart);
    const to = Math.min(staticEnd, dynamicEnd);
    if (to > from) out.push(finding('task.segments-overlap', { a: 'static part', b: 'dynamic part', start: s(from), end: s(to) }, framesToSeconds(from), framesToSeconds(to), 'dynamicStart'));
  }

  // Pose returns the checker measured (§2.2, §3.3) near a boundary of what is exported.
  const boundaries = [...spans, ...actionSpans].flatMap((sp) => [
    { what: sp.what, t: sp.start },
    { what: sp.what, t: sp.end },
  ]);
  for (const f of ctx.findings ?? []) {
    if (f.rule !== 'premium.pose-return' && f.rule !== 'motion.idle-return') continue;
    for (const b of boundaries) {
      const t = framesToSeconds(b.t);
      if (t >= f.start - POSE_MATCH.windowSeconds && t <= f.end + POSE_MATCH.windowSeconds) {
        out.push(finding('task.pose-return-failed', { what: b.what, t: s(b.t), finding: f.message }, t, t));
      }
    }
  }

  // Segmentation (§5.3): Quick has none; green screen needs the §1.3.3 parameters.
  let greenParams: GreenParams | null = null;
  if (params.modelType === 'quick' && params.segmentation !== 'none') {
    out.push(finding('task.quick-segmentation', { segmentation: params.segmentation }, 0, 0, 'segmentation'));
  }
  if (GREEN_SEGMENTATIONS.includes(params.segmentation)) {
    if (params.greenParams === undefined || params.greenParams === null) {
      out.push(finding('task.green-params-missing', {}, 0, 0, 'greenParams'));
    } else {
      const g = validateGreenParams(params.greenParams);
      if (g.ok) greenParams = g.params;
      else out.push(finding('task.field-invalid', { field: 'greenParams', detail: g.issues.map((x) => x.message).join('; ') }, 0, 0, 'greenParams'));
    }
  }

  // Update tasks (§6.2): same model type, same segmentation type.
  if (params.update) {
    if (params.update.modelType !== params.modelType) {
      out.push(finding('task.update-model-type', { was: params.update.modelType, now: params.modelType }, 0, 0, 'modelType'));
    }
    if (params.update.segmentation !== params.segmentation) {
      out.push(finding('task.update-segmentation', { was: params.update.segmentation, now: params.segmentation }, 0, 0, 'segmentation'));
    }
  }

  const suggested = suggestSpecification(ctx.width, ctx.height);
  const specification = params.specification ?? suggested;
  if (specification !== suggested) {
    out.push(finding('task.specification', { width: ctx.width, height: ctx.height, suggested, chosen: specification }, 0, 0, 'specification'));
  }
  const lipVersions = orderLipVersions(params.lipVersions);
  if (lipVersions.length < LIP_VERSION_ORDER.length) out.push(finding('task.lip-versions', { chosen: lipVersions.join(', ') }, 0, 0, 'lipVersions'));

  if (!params.characterName.trim()) out.push(finding('task.field-invalid', { field: 'characterName', detail: 'the character name is needed' }, 0, 0, 'characterName'));

  if (out.some((f) => f.severity === 'error')) return { task: null, findings: out };
  const sec = (f: number | null) => (f === null ? null : framesToSeconds(f));
  const task = TaskSchema.parse({
    characterName: params.characterName.trim(),
    modelType: params.modelType,
    specification,
    lipVersions,
    segmentation: params.segmentation,
    scaleRatio: params.scaleRatio,
    videoStart: sec(videoStart),
    videoEnd: sec(videoEnd),
    staticStart: sec(staticStart),
    staticEnd: sec(staticEnd),
    dynamicStart: sec(dynamicStart),
    dynamicEnd: sec(dynamicEnd),
    transitionDelay: params.transitionDelay,
    transition: params.transition,
    actions,
    greenParams,
  });
  return { task, findings: out };
}
