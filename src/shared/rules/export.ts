/**
 * Rules of the task parameters and segment marking (issue #17, §2.1, §3.2, §5.3, §6.2), in the
 * registry shape of BRIEF.md: one entry per rule id, its §, severity, title and a message template
 * whose {{placeholders}} come from the finding's values. `error` refuses the export; `warn` and
 * `info` are shown inline and written to the package's README.
 */
import { fill } from './render';
import type { RuleDef } from './types';

/** The export rules' templates are plain strings (no plural forms). */
type ExportRuleDef = RuleDef & { message: { en: string; 'zh-CN': string } };

export const exportRules = [
  {
    id: 'task.time-invalid',
    section: '§5.3',
    severity: 'error',
    title: { en: 'Time not understood', 'zh-CN': '时间无法识别' },
    message: { en: '{{field}}: {{detail}}', 'zh-CN': '{{field}}：{{detail}}' },
  },
  {
    id: 'task.field-invalid',
    section: '§5.3',
    severity: 'error',
    title: { en: 'Field not valid', 'zh-CN': '字段无效' },
    message: { en: '{{field}}: {{detail}}', 'zh-CN': '{{field}}：{{detail}}' },
  },
  {
    id: 'task.end-before-start',
    section: '§5.3',
    severity: 'error',
    title: { en: 'End is not after start', 'zh-CN': '结束时间不晚于开始时间' },
    message: {
      en: '{{what}} ends at {{end}} s, which is not after its start {{start}} s',
      'zh-CN': '{{what}} 结束于 {{end}} 秒，不晚于开始时间 {{start}} 秒',
    },
  },
  {
    id: 'task.outside-video',
    section: '§5.3',
    severity: 'error',
    title: { en: 'Outside the video', 'zh-CN': '超出视频范围' },
    message: {
      en: '{{what}} ({{start}}–{{end}} s) goes past the end of the video at {{duration}} s',
      'zh-CN': '{{what}}（{{start}}–{{end}} 秒）超出视频结尾 {{duration}} 秒',
    },
  },
  {
    id: 'task.segments-overlap',
    section: '§5.3',
    severity: 'error',
    title: { en: 'Segments overlap', 'zh-CN': '片段重叠' },
    message: {
      en: '{{a}} and {{b}} overlap from {{start}} s to {{end}} s; each action needs its own time',
      'zh-CN': '{{a}} 与 {{b}} 在 {{start}}–{{end}} 秒重叠；每个动作需要独立的时间段',
    },
  },
  {
    id: 'task.action-too-long',
    section: '§3.2',
    severity: 'warn',
    title: { en: 'Action longer than 10 s', 'zh-CN': '动作超过 10 秒' },
    message: {
      en: '{{name}} lasts {{seconds}} s; from idle to idle should be within {{max}} s (about 3 s recommended)',
      'zh-CN': '{{name}} 时长 {{seconds}} 秒；从待机到回到待机应在 {{max}} 秒以内（建议约 3 秒）',
    },
  },
  {
    id: 'task.idle-not-first',
    section: '§5.3',
    severity: 'warn',
    title: { en: 'Action 1 is not idle', 'zh-CN': '动作 1 不是待机' },
    message: {
      en: 'Action 1 must be the idle segment, the start and end state of every other action; it is named "{{name}}"',
      'zh-CN': '动作 1 必须是待机片段（其它动作的起止状态）；当前名为“{{name}}”',
    },
  },
  {
    id: 'task.idle-length',
    section: '§5.3',
    severity: 'info',
    title: { en: 'Idle length', 'zh-CN': '待机时长' },
    message: {
      en: 'The idle segment is {{seconds}} s; about {{recommended}} s is recommended (at most {{max}} s)',
      'zh-CN': '待机片段 {{seconds}} 秒；建议约 {{recommended}} 秒（最长 {{max}} 秒）',
    },
  },
  {
    id: 'task.no-actions',
    section: '§5.3',
    severity: 'error',
    title: { en: 'No actions', 'zh-CN': '没有动作' },
    message: {
      en: 'A motion-editable task needs the idle segment and at least one action',
      'zh-CN': '可编辑动作数字人任务需要待机片段和至少一个动作',
    },
  },
  {
    id: 'task.quick-segmentation',
    section: '§5.3',
    severity: 'error',
    title: { en: 'Quick cannot be segmented', 'zh-CN': '快速数字人不能分割' },
    message: {
      en: 'A Quick digital human cannot use {{segmentation}} segmentation; choose none, or another model type',
      'zh-CN': '快速数字人不能使用{{segmentation}}分割；请选“不分割”或其它模型类型',
    },
  },
  {
    id: 'task.green-params-missing',
    section: '§1.3.3',
    severity: 'error',
    title: { en: 'Green-screen parameters missing', 'zh-CN': '缺少绿幕参数' },
    message: {
      en: 'Green-screen segmentation needs the greenParams (§1.3.3); set them on the keying screen or in the task',
      'zh-CN': '绿幕分割需要绿幕参数（§1.3.3）；请在抠像页面或任务中设置',
    },
  },
  {
    id: 'task.update-model-type',
    section: '§6.2',
    severity: 'error',
    title: { en: 'Update changes the model type', 'zh-CN': '更新改变了模型类型' },
    message: {
      en: 'An update keeps the model type: the model is {{was}}, the task says {{now}}',
      'zh-CN': '更新只能保持同一模型类型：原模型为 {{was}}，任务为 {{now}}',
    },
  },
  {
    id: 'task.update-segmentation',
    section: '§6.2',
    severity: 'error',
    title: { en: 'Update changes the segmentation', 'zh-CN': '更新改变了分割方式' },
    message: {
      en: 'An update keeps the background segmentation type: the model uses {{was}}, the task says {{now}}',
      'zh-CN': '更新只能保持同一背景分割类型：原模型为 {{was}}，任务为 {{now}}',
    },
  },
  {
    id: 'task.specification',
    section: '§5.3',
    severity: 'info',
    title: { en: 'Specification and resolution', 'zh-CN': '规格与分辨率' },
    message: {
      en: 'The video is {{width}}×{{height}}; "{{suggested}}" is the usual choice for it, the task says "{{chosen}}"',
      'zh-CN': '视频为 {{width}}×{{height}}；通常应选“{{suggested}}”，任务为“{{chosen}}”',
    },
  },
  {
    id: 'task.lip-versions',
    section: '§5.3',
    severity: 'info',
    title: { en: 'Lip versions', 'zh-CN': '唇形版本' },
    message: {
      en: 'Both lip versions are recommended, universal first; the task has {{chosen}}',
      'zh-CN': '建议同时选择两种唇形版本，通用唇形优先；任务为 {{chosen}}',
    },
  },
  {
    id: 'task.pose-return-failed',
    section: '§2.2, §3.3',
    severity: 'warn',
    title: { en: 'Pose not back at a boundary', 'zh-CN': '边界处未回到原姿势' },
    message: {
      en: '{{what}} starts or ends at {{t}} s, where the check found: {{finding}}',
      'zh-CN': '{{what}} 在 {{t}} 秒开始或结束，检查在此发现：{{finding}}',
    },
  },
  {
    id: 'export.check-failed',
    section: '§1.2.5',
    severity: 'warn',
    title: { en: 'Exported although the check failed', 'zh-CN': '检查未通过仍导出' },
    message: {
      en: 'The acceptance check failed ({{errors}} errors); the operator confirmed the export anyway',
      'zh-CN': '验收检查未通过（{{errors}} 个错误）；操作员确认后仍导出',
    },
  },
] as const satisfies readonly ExportRuleDef[];

export type ExportRuleId = (typeof exportRules)[number]['id'];

const byId = new Map<string, ExportRuleDef>(exportRules.map((r) => [r.id, r]));

export function exportRule(id: ExportRuleId): ExportRuleDef {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown export rule ${id}`);
  return r;
}

/** Fill a template's {{name}} placeholders (the registry's one filler). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return fill(template, values);
}
