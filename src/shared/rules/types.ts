/**
 * The shape of one rule in the registry (ADR 0003). A group file (`format.ts`, `vision.ts` …)
 * exports an array of these; `index.ts` composes the groups.
 */
import type { Severity } from '../findings';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A text with `{{name}}` placeholders. Either one string, or plural forms chosen by
 * `Intl.PluralRules(lang).select(values.count)` (CLDR categories: en has one/other, zh only other).
 */
export type Template = string | PluralTemplate;
export interface PluralTemplate {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export type Localized<T = Template> = Record<Lang, T>;

export interface RuleDef {
  /** Stable, dotted: `face.multiple`. Findings carry it in `rule`. */
  id: string;
  /** Where the collection standard says so: "§1.2.5". */
  section: string;
  /** The usual severity; a producer may judge a case higher or lower (the finding says which). */
  severity: Severity;
  /** Short name of the problem, for lists and reports. */
  title: Localized<string>;
  /** The name of the check itself, for the live monitor's traffic lights ("One face only"). */
  check?: Localized<string>;
  /** The finding's sentence, filled from the finding's `values`. */
  message: Localized;
  /**
   * Sub-cases worded differently (keying's "black-bar" / "thin" …), chosen by the finding's
   * `values.kind`; `message` is used for any other kind.
   */
  variants?: Record<string, Localized>;
  /** What to do about it, when the message does not say. */
  action?: Localized;
  /** A few words for a badge (the convert screen's list); the message where absent. */
  brief?: Localized;
  /**
   * The sentence for several findings of one kind read together (a report group, a list): the
   * message without its times, which the group's ranges show. Keyed by kind, '' for `message`.
   * Only `{{count}}` and the finding's own non-time values may be used. Required where the
   * template names a time (`{{from}}`, `{{to}}`, `{{at}}`): the registry test says so.
   */
  summary?: Record<string, Localized>;
}
