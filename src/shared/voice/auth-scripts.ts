/**
 * The authorization scripts of §8.6, word for word, with the speaker's and the company's names
 * filled in. The studio checks the recording (one speaker, level, length) but cannot verify the
 * words offline; the operator listens.
 */
export const AUTH_LANGS = ['zh', 'en', 'ja', 'ko'] as const;
export type AuthLang = (typeof AUTH_LANGS)[number];

const SCRIPTS: Record<AuthLang, string> = {
  zh: '{speaker}确认我的声音将被{company}用于创建我声音的合成版本。',
  en: 'I {speaker} am aware that recordings of my voice will be used by {company} to create and use a synthetic version of my voice.',
  ja: '私{speaker}は自身の音声を{company}が使用し、合成音声を作り使用されることに同意します。',
  ko: '나는 {speaker} 내 목소리의 녹음을 이용해 합성 버전을 만들어 사용된다는 것을 {company}알고 있습니다.',
};

/** Names are trimmed, single-lined and bounded; an empty one leaves a visible blank to fill. */
export function authScript(lang: AuthLang, speaker: string, company: string): string {
  const clean = (s: string, blank: string) => s.replace(/\s+/g, ' ').trim().slice(0, 80) || blank;
  return SCRIPTS[lang].replace('{speaker}', clean(speaker, '____')).replace('{company}', clean(company, '____'));
}
