/**
 * Fills a rule's template from a finding's values. Plurals by `Intl.PluralRules` (built into
 * Node and Chromium, CLDR rules, no i18next runtime needed in main, the CLI or the HTML report).
 */
import type { FindingValues } from '../findings';
import type { Lang, Localized, Template } from './types';

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

const pluralRules = new Map<Lang, Intl.PluralRules>();
function plural(lang: Lang, n: number): Intl.LDMLPluralRule {
  let r = pluralRules.get(lang);
  if (!r) pluralRules.set(lang, (r = new Intl.PluralRules(lang)));
  return r.select(n);
}

/** The string of a template for these values (plural form by `values.count`). */
export function pickForm(t: Template, lang: Lang, values?: FindingValues): string {
  if (typeof t === 'string') return t;
  const count = Number(values?.count);
  if (!Number.isFinite(count)) return t.other;
  return t[plural(lang, count)] ?? t.other;
}

/** `{{name}}` → values.name; a missing value stays visible as `{{name}}` (the unit test catches it). */
export function fill(text: string, values?: FindingValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values?.[name];
    return v === undefined ? whole : String(v);
  });
}

export function renderTemplate(t: Localized, lang: Lang, values?: FindingValues): string {
  return fill(pickForm(t[lang], lang, values), values);
}

/** Every placeholder name a template uses, over all its plural forms. */
export function placeholders(t: Template): string[] {
  const texts = typeof t === 'string' ? [t] : Object.values(t).filter((x): x is string => typeof x === 'string');
  const names = new Set<string>();
  for (const s of texts) for (const m of s.matchAll(PLACEHOLDER)) names.add(m[1]!);
  return [...names];
}

/** Counted words: "1 error", "12 warnings", "1 个错误". */
export function countWords(lang: Lang, count: number, forms: Template): string {
  return fill(pickForm(forms, lang, { count }), { count });
}
