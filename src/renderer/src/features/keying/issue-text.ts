import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreenParamsIssue } from '../../../../shared/green-params';

/** A parameter problem in the UI's language (the English sentence is the fallback detail). */
export function useIssueText(): (issue: GreenParamsIssue) => string {
  const { t } = useTranslation();
  return useCallback(
    (issue: GreenParamsIssue) =>
      t(`keying.copy.issue.${issue.code}`, {
        key: issue.key,
        got: issue.got ?? '—',
        min: issue.min ?? 0,
        max: issue.max ?? 255,
        message: issue.message,
      }),
    [t],
  );
}
