/**
 * The rule registry (ADR 0003): every rule any part of the studio reports — id, §, usual severity,
 * title and message template in en and zh-CN — in one place that the live monitor, keying,
 * ingest, the checker, the reports and the UI all read. A new rule = one entry in its group file;
 * a new group = one line below.
 */
import { RULE_ALIASES, type Finding, type FindingValues, type Severity } from '../findings';
import { checkerRules } from './checker';
import { exportRules } from './export';
import { formatRules } from './format';
import { ingestRules } from './ingest';
import { keyingRules } from './keying';
import { fill, pickForm } from './render';
import type { Lang, Localized, RuleDef } from './types';
import { visionRules } from './vision';
import { voiceRules } from './voice';

export type { Lang, Localized, RuleDef, Template } from './types';
export { LANGS } from './types';
export { countWords, placeholders } from './render';

export const RULES: readonly RuleDef[] = [
  ...formatRules,
  ...ingestRules,
  ...visionRules,
  ...keyingRules,
  ...checkerRules,
  ...voiceRules,
  ...exportRules,
];

const BY_ID = new Map<string, RuleDef>();
for (const r of RULES) {
  if (BY_ID.has(r.id)) throw new Error(`rule registry: ${r.id} is defined twice`);
  BY_ID.set(r.id, r);
}

/** The registry entry of a rule id (old ids read through their alias), or undefined. */
export function ruleDef(id: string): RuleDef | undefined {
  return BY_ID.get(id) ?? BY_ID.get(RULE_ALIASES[id] ?? '');
}

/** The short title in a language; an unknown id shows as itself. */
export function ruleTitle(id: string, lang: Lang): string {
  return ruleDef(id)?.title[lang] ?? id;
}

/** The name of a rule's check (the live panel), falling back to its title. */
export function ruleCheckName(id: string, lang: Lang): string {
  const def = ruleDef(id);
  return def?.check?.[lang] ?? def?.title[lang] ?? id;
}

/** Enumerated words a template may carry as values (an edge, a head axis), worded per language. */
const VALUE_WORDS: Record<string, Record<string, Localized<string>>> = {
  edge: {
    top: { en: 'top', 'zh-CN': '上' },
    bottom: { en: 'bottom', 'zh-CN': '下' },
    left: { en: 'left', 'zh-CN': '左' },
    right: { en: 'right', 'zh-CN': '右' },
  },
  axis: {
    yaw: { en: 'yaw', 'zh-CN': '偏航' },
    pitch: { en: 'pitch', 'zh-CN': '俯仰' },
    roll: { en: 'roll', 'zh-CN': '翻滚' },
    angle: { en: 'angle', 'zh-CN': '角度' },
  },
};

/**
 * Phrases producers compose into a value in English (a pose difference list, border edges, a
 * marker label), worded per language phrase by phrase, longest first.
 */
const VALUE_PHRASES: Record<string, Localized<string>> = {
  'Return to default pose': { en: 'Return to default pose', 'zh-CN': '回到默认姿势' },
  'Action start': { en: 'Action start', 'zh-CN': '动作开始' },
  'Action end': { en: 'Action end', 'zh-CN': '动作结束' },
  ' of the frame': { en: ' of the frame', 'zh-CN': '' },
  position: { en: 'position', 'zh-CN': '位置' },
  size: { en: 'size', 'zh-CN': '大小' },
  ...Object.fromEntries(Object.entries({ ...VALUE_WORDS.edge, ...VALUE_WORDS.axis }).map(([k, v]) => [k, v])),
};
const PHRASED_VALUES = new Set(['where', 'diff', 'label']);
const PHRASE_RE = new RegExp(
  `(${Object.keys(VALUE_PHRASES)
    .sort((x, y) => y.length - x.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![a-z])`,
  'g',
);

function worded(values: FindingValues | undefined, lang: Lang): FindingValues | undefined {
  if (!values) return values;
  const out: FindingValues = { ...values };
  for (const [name, words] of Object.entries(VALUE_WORDS)) {
    const v = values[name];
    if (typeof v === 'string' && words[v]) out[name] = words[v][lang];
  }
  if (lang !== 'en') {
    for (const name of PHRASED_VALUES) {
      const v = values[name];
      if (typeof v === 'string') out[name] = v.replace(PHRASE_RE, (p) => VALUE_PHRASES[p]?.[lang] ?? p);
    }
  }
  return out;
}

/** The template a finding is worded with: its kind's variant when the rule has one. */
export function templateOf(def: RuleDef, values?: FindingValues, kind?: string): Localized {
  const k = kind ?? (typeof values?.kind === 'string' ? values.kind : undefined);
  return (k !== undefined && def.variants?.[k]) || def.message;
}

/** The message of a rule in a language, filled from values (`values.kind` picks a variant). */
export function ruleMessage(id: string, lang: Lang, values?: FindingValues, kind?: string): string {
  const def = ruleDef(id);
  if (!def) return id;
  const t = templateOf(def, values, kind);
  return fill(pickForm(t[lang], lang, values), worded(values, lang));
}

/**
 * A finding worded in a language: from the registry and its values; a finding without values
 * whose rule needs them (an old file) keeps its stored English message.
 */
export function renderFinding(f: Pick<Finding, 'rule' | 'message' | 'values'> & { kind?: string }, lang: Lang): string {
  const def = ruleDef(f.rule);
  if (!def) return f.message;
  const out = ruleMessage(f.rule, lang, f.values, f.kind);
  return /\{\{\s*\w+\s*\}\}/.test(out) ? f.message : out;
}

/** A finding in a few words (a badge): the rule's `brief` when it has one, else its message. */
export function renderBrief(f: Pick<Finding, 'rule' | 'message' | 'values'>, lang: Lang): string {
  const def = ruleDef(f.rule);
  if (!def?.brief) return renderFinding(f, lang);
  const out = fill(pickForm(def.brief[lang], lang, f.values), worded(f.values, lang));
  return /\{\{\s*\w+\s*\}\}/.test(out) ? renderFinding(f, lang) : out;
}

/** Placeholders that name a time in the file: a message with one quotes one finding only. */
export const TIME_PLACEHOLDERS = ['from', 'to', 'at'] as const;

/**
 * One sentence for several findings of one rule and kind read together: the finding's own message
 * when there is one, else the rule's summary for the kind with the count (the times are the
 * group's ranges), else — a message without times — the first finding's message.
 */
export function renderGroupMessage(findings: readonly Pick<Finding, 'rule' | 'message' | 'values'>[], lang: Lang): string {
  const first = findings[0];
  if (!first) return '';
  if (findings.length === 1) return renderFinding(first, lang);
  const def = ruleDef(first.rule);
  const kind = typeof first.values?.kind === 'string' ? first.values.kind : '';
  const summary = def?.summary?.[kind] ?? (def?.variants?.[kind] ? undefined : def?.summary?.['']);
  if (summary) {
    const values = { ...first.values, count: findings.length };
    return fill(pickForm(summary[lang], lang, values), worded(values, lang));
  }
  return renderFinding(first, lang);
}

/** What to do about a finding, when its rule says (keying). */
export function ruleAction(id: string, lang: Lang, values?: FindingValues): string | null {
  const def = ruleDef(id);
  return def?.action ? fill(pickForm(def.action[lang], lang, values), worded(values, lang)) : null;
}

/**
 * For producers: a finding of a registered rule, its section and severity from the registry
 * unless given, its English message from the template.
 */
export function makeFinding(
  id: string,
  at: { start: number; end: number; values?: FindingValues; severity?: Severity; section?: string; value?: number },
): Finding {
  const def = ruleDef(id);
  if (!def) throw new Error(`rule registry: ${id} is not registered (src/shared/rules)`);
  return {
    rule: def.id,
    severity: at.severity ?? def.severity,
    section: at.section ?? def.section,
    start: at.start,
    end: at.end,
    message: ruleMessage(def.id, 'en', at.values),
    ...(at.values ? { values: at.values } : {}),
    ...(at.value !== undefined && Number.isFinite(at.value) ? { value: at.value } : {}),
  };
}
