import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../shared/findings';
import { renderBrief, renderFinding, renderGroupMessage, ruleAction, ruleCheckName, ruleTitle, type Lang } from '../../../shared/rules';

/** The UI language as a registry language (anything not Chinese reads English). */
export function registryLang(language: string | undefined): Lang {
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

/** Titles, messages and actions of findings in the UI's language, from the rule registry. */
export function useRuleText() {
  const { i18n } = useTranslation();
  const lang = registryLang(i18n.language);
  return {
    lang,
    title: (id: string) => ruleTitle(id, lang),
    checkName: (id: string) => ruleCheckName(id, lang),
    message: (f: Pick<Finding, 'rule' | 'message' | 'values'> & { kind?: string }) => renderFinding(f, lang),
    brief: (f: Pick<Finding, 'rule' | 'message' | 'values'>) => renderBrief(f, lang),
    groupMessage: (findings: readonly Pick<Finding, 'rule' | 'message' | 'values'>[]) => renderGroupMessage(findings, lang),
    action: (f: Pick<Finding, 'rule' | 'values'>) => ruleAction(f.rule, lang, f.values),
  };
}
