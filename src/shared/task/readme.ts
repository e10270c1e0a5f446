/**
 * README.txt of an export package: what to enter where on the platform's form (§5.1 "Avatar Model →
 * Avatar Model Generation", §5.2 multi-video, §5.3 field by field, §6 update), first in Chinese, then
 * in English. The field names follow §5.3's wording; the platform's own Chinese labels are not in
 * the standard, so the zh-CN names are our translation of §5.3 (the English names are in brackets).
 */
import { formatGreenParams } from '../green-params';
import { fillTemplate, exportRule } from '../rules/export';
import type { ExportRuleId } from '../rules/export';
import { formatSsFf, secondsToFrames } from './frames';
import type { ModelType, Segmentation, Specification, Task } from './schema';

export interface ReadmeVideo {
  file: string;
  role: 'primary' | 'auxiliary' | 'single';
  durationSec: number;
  width: number;
  height: number;
}

export interface ReadmeInput {
  task: Task;
  videos: readonly ReadmeVideo[];
  /** Whether this is an update of an existing model (§6). */
  update: boolean;
  check: { verdict: 'pass' | 'warn' | 'fail'; errors: number; forced: boolean; report: string | null } | null;
  findings: readonly { rule: ExportRuleId; severity: string; values: Record<string, string | number> }[];
  createdAt: string;
  appVersion: string;
}

type Lang = 'en' | 'zh-CN';

const L = {
  modelType: {
    quick: { en: 'Quick Digital Human', 'zh-CN': '快速数字人' },
    standard: { en: 'Digital Human', 'zh-CN': '数字人' },
    premium: { en: 'Premium Digital Human', 'zh-CN': '高级数字人' },
    motion: { en: 'Motion-Editable Digital Human', 'zh-CN': '可编辑动作数字人' },
  } satisfies Record<ModelType, Record<Lang, string>>,
  spec: {
    standard: { en: 'Standard (2K)', 'zh-CN': '标准（2K）' },
    ultra: { en: 'Ultra HD (4K)', 'zh-CN': '超清（4K）' },
  } satisfies Record<Specification, Record<Lang, string>>,
  seg: {
    none: { en: 'No segmentation', 'zh-CN': '不分割' },
    greenscreen: { en: 'Green screen segmentation', 'zh-CN': '绿幕分割' },
    portrait: { en: 'Portrait segmentation', 'zh-CN': '人像分割' },
    'greenscreen-post': { en: 'Green screen post-processing segmentation', 'zh-CN': '绿幕后处理分割' },
  } satisfies Record<Segmentation, Record<Lang, string>>,
  lip: { universal: { en: 'Universal lip sync', 'zh-CN': '通用唇形' }, original: { en: 'Original lip sync', 'zh-CN': '原始唇形' } },
};

const T = {
  title: { en: 'Capture Studio export: what to enter on the platform', 'zh-CN': 'Capture Studio 导出包：平台表单填写说明' },
  where: {
    en: 'Platform: Avatar Model → Avatar Model Generation → (left) Avatar Model Generation (§5.1).',
    'zh-CN': '平台位置：数字人模型 → 数字人模型生成 → 左侧“数字人模型生成”（§5.1）。',
  },
  whereUpdate: {
    en: 'Platform: Avatar Model → Avatar Model Update → (left) Update Avatar Model (§6.1). Model type and segmentation type stay as the model had them (§6.2).',
    'zh-CN': '平台位置：数字人模型 → 数字人模型更新 → 左侧“更新数字人模型”（§6.1）。模型类型和分割类型必须与原模型一致（§6.2）。',
  },
  multi: {
    en: 'Multi-scene (§5.2): add the primary video first, then each auxiliary video in the order below.',
    'zh-CN': '多场景（§5.2）：先添加主视频，再按下列顺序依次添加辅助视频。',
  },
  empty: { en: '(leave empty: the platform decides)', 'zh-CN': '（留空：由平台自动决定）' },
  default: { en: '(leave at the platform default, as recommended)', 'zh-CN': '（保持平台默认值，推荐）' },
  times: {
    en: 'Times are seconds on the 25-fps frame grid (10.4 = 10 s + frame 10); SS:FF is shown for checking against the player.',
    'zh-CN': '时间单位为秒，按 25 fps 帧对齐（10.4 = 第 10 秒 + 第 10 帧）；括号内为“秒:帧”，便于在播放器中核对。',
  },
  video: { en: 'Video file', 'zh-CN': '视频文件' },
  role: {
    primary: { en: 'primary video', 'zh-CN': '主视频' },
    auxiliary: { en: 'auxiliary video', 'zh-CN': '辅助视频' },
    single: { en: 'video', 'zh-CN': '视频' },
  },
  check: { en: 'Acceptance check', 'zh-CN': '验收检查' },
  forced: {
    en: 'WARNING: the acceptance check FAILED and the operator confirmed the export anyway. Training may fail (§7.4).',
    'zh-CN': '警告：验收检查未通过，操作员确认后仍然导出。训练可能失败（§7.4）。',
  },
  notes: { en: 'Notes from the studio', 'zh-CN': '工作室提示' },
  files: { en: 'Files in this folder', 'zh-CN': '本文件夹中的文件' },
  green: {
    en: 'Green-screen parameters (§1.3.3; the same values are in greenParams.json):',
    'zh-CN': '绿幕分割参数（§1.3.3；与 greenParams.json 中的数值相同）：',
  },
};

const FIELD: Record<string, Record<Lang, string>> = {
  characterName: { en: 'Character Name', 'zh-CN': '角色名称' },
  modelType: { en: 'Model Type', 'zh-CN': '模型类型' },
  specification: { en: 'Specification Type', 'zh-CN': '规格类型' },
  lipVersions: { en: 'Lip Training Version', 'zh-CN': '唇形训练版本' },
  quality: { en: 'Video Encoding Quality', 'zh-CN': '视频编码质量' },
  videoStart: { en: 'Video Start Time', 'zh-CN': '视频开始时间' },
  videoEnd: { en: 'Video End Time', 'zh-CN': '视频结束时间' },
  segmentation: { en: 'Green Screen Segmentation Method', 'zh-CN': '绿幕分割方式' },
  scaleRatio: { en: 'Video Scale Ratio', 'zh-CN': '视频缩放比例' },
  greenParamsBlurKs: { en: 'Smoothness', 'zh-CN': '平滑度' },
  greenParamsSamplePointBgr: { en: 'Sampling Color (B,G,R)', 'zh-CN': '采样颜色（B,G,R）' },
  greenParamsRefinethHBgr: { en: 'Background Retention Level', 'zh-CN': '背景保留程度' },
  greenParamsRefinethLBgr: { en: 'Character Edge Retention Width', 'zh-CN': '人物边缘保留宽度' },
  greenParamsColorbalance: { en: 'Green Removal Level', 'zh-CN': '去绿程度' },
  greenParamsSpillByalpha: { en: 'Green Screen Color Balance', 'zh-CN': '绿幕色彩平衡' },
  greenParamsSampleBackground: { en: 'Background Color (B,G,R)', 'zh-CN': '背景颜色（B,G,R）' },
  staticStart: { en: 'Static Portion Start Time', 'zh-CN': '静态部分开始时间' },
  staticEnd: { en: 'Static Portion End Time', 'zh-CN': '静态部分结束时间' },
  dynamicStart: { en: 'Dynamic Portion Start Time', 'zh-CN': '动态部分开始时间' },
  dynamicEnd: { en: 'Dynamic Portion End Time', 'zh-CN': '动态部分结束时间' },
  transitionDelay: { en: 'Transition Delay', 'zh-CN': '过渡延迟' },
  transition: { en: 'Transition', 'zh-CN': '过渡' },
  action: { en: 'Action', 'zh-CN': '动作' },
  actionName: { en: 'Action Name', 'zh-CN': '动作名称' },
  start: { en: 'Start Time', 'zh-CN': '开始时间' },
  end: { en: 'End Time', 'zh-CN': '结束时间' },
  notes: { en: 'Notes', 'zh-CN': '备注' },
};

function time(t: number | null, lang: Lang): string {
  if (t === null) return T.empty[lang];
  return `${t}  (${formatSsFf(secondsToFrames(t))})`;
}

function section(task: Task, inp: ReadmeInput, lang: Lang): string[] {
  const out: string[] = [];
  const row = (k: string, v: string) => out.push(`  ${FIELD[k]?.[lang] ?? k}: ${v}`);
  out.push(inp.update ? T.whereUpdate[lang] : T.where[lang]);
  if (inp.videos.length > 1) out.push(T.multi[lang]);
  out.push('');
  inp.videos.forEach((v, i) => out.push(`  ${T.video[lang]} ${i + 1} (${T.role[v.role][lang]}): ${v.file}  — ${v.width}×${v.height}, ${v.durationSec.toFixed(2)} s`));
  row('characterName', task.characterName);
  row('modelType', L.modelType[task.modelType][lang]);
  row('specification', L.spec[task.specification][lang]);
  row('lipVersions', task.lipVersions.map((l) => L.lip[l][lang]).join(' + '));
  row('quality', T.default[lang]);
  row('videoStart', time(task.videoStart, lang));
  row('videoEnd', time(task.videoEnd, lang));
  row('segmentation', L.seg[task.segmentation][lang]);
  row('scaleRatio', String(task.scaleRatio));
  if (task.greenParams) {
    out.push('', `  ${T.green[lang]}`);
    const g = task.greenParams;
    row('greenParamsBlurKs', String(g.greenParamsBlurKs));
    row('greenParamsSamplePointBgr', g.greenParamsSamplePointBgr.join(','));
    row('greenParamsRefinethHBgr', String(g.greenParamsRefinethHBgr));
    row('greenParamsRefinethLBgr', String(g.greenParamsRefinethLBgr));
    row('greenParamsColorbalance', String(g.greenParamsColorbalance));
    row('greenParamsSpillByalpha', String(g.greenParamsSpillByalpha));
    row('greenParamsSampleBackground', g.greenParamsSampleBackground.color.join(','));
  }
  const transition = () => {
    row('transitionDelay', task.transitionDelay === null ? T.default[lang] : String(task.transitionDelay));
    row('transition', task.transition === null ? T.default[lang] : task.transition);
  };
  if (task.modelType === 'premium') {
    out.push('');
    row('staticStart', time(task.staticStart, lang));
    row('staticEnd', time(task.staticEnd, lang));
    row('dynamicStart', time(task.dynamicStart, lang));
    row('dynamicEnd', time(task.dynamicEnd, lang));
    transition();
  }
  if (task.modelType === 'motion') {
    out.push('');
    transition();
    task.actions.forEach((a, i) => {
      out.push(`  ${FIELD.action![lang]} ${i + 1}:`);
      out.push(`    ${FIELD.actionName![lang]}: ${a.name}`);
      out.push(`    ${FIELD.start![lang]}: ${time(a.start, lang)}`);
      out.push(`    ${FIELD.end![lang]}: ${time(a.end, lang)}`);
      if (a.notes) out.push(`    ${FIELD.notes![lang]}: ${a.notes}`);
    });
  }
  out.push('', `  ${T.times[lang]}`);
  if (inp.check) {
    out.push('', `${T.check[lang]}: ${inp.check.verdict}${inp.check.report ? ` (${inp.check.report})` : ''}`);
    if (inp.check.forced) out.push(T.forced[lang]);
  }
  if (inp.findings.length) {
    out.push('', `${T.notes[lang]}:`);
    for (const f of inp.findings) {
      const def = exportRule(f.rule);
      out.push(`  - [${f.severity}] ${def.title[lang]}: ${fillTemplate(def.message[lang], f.values)} (${def.section})`);
    }
  }
  return out;
}

export function buildReadme(inp: ReadmeInput, files: readonly string[]): string {
  const lines: string[] = [];
  for (const lang of ['zh-CN', 'en'] as const) {
    lines.push(T.title[lang], '='.repeat(60), ...section(inp.task, inp, lang), '', `${T.files[lang]}: ${files.join(', ')}`, '', '');
  }
  lines.push(`Capture Studio ${inp.appVersion} · ${inp.createdAt}`);
  lines.push('', 'greenParams.json / "Copy Parameters" (§1.3.3):', inp.task.greenParams ? formatGreenParams(inp.task.greenParams) : '(none: this task uses no green-screen segmentation)');
  return lines.join('\n') + '\n';
}
