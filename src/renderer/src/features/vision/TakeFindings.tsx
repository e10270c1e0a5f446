import { useTranslation } from 'react-i18next';
import type { Take } from '../../../../shared/api';
import { ruleTitle } from '../../../../shared/rules';
import i18next from '../../i18n';
import { formatClock } from '../../lib/format';
import { registryLang } from '../../lib/rules';
import type { TimelineSpan } from '../run/TakeTimeline';
import { LEVEL_COLOURS } from './draw-overlay';
import { FindingLines } from './VisionPanels';

/** The take's monitor findings as shaded spans of its timeline (red errors, amber warnings). */
export function findingSpans(take: Take, _t?: (key: string, opts?: Record<string, unknown>) => string): TimelineSpan[] {
  // Info (how well the take was watched) spans the whole take: listed, not shaded.
  return (take.findings ?? []).filter((f) => f.severity !== 'info').map((f) => ({
    start: f.start,
    end: f.end,
    color: f.severity === 'error' ? LEVEL_COLOURS.error : LEVEL_COLOURS.warn,
    label: `${formatClock(f.start)}–${formatClock(f.end)} ${ruleTitle(f.rule, registryLang(i18next.language))} (${f.section})`,
  }));
}

/** The take's monitor findings, one line per rule with the times. */
export function TakeFindings({ take }: { take: Take }) {
  const { t } = useTranslation();
  if (!take.findings) return null;
  return (
    <div className="take-findings" data-testid="take-findings" data-count={take.findings.length}>
      {take.findings.length === 0 ? (
        <span className="muted">{t('vision.take.none')}</span>
      ) : (
        <>
          <span>{t('vision.take.findings', { count: take.findings.length })}</span>
          <FindingLines findings={take.findings} />
        </>
      )}
    </div>
  );
}
