import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFinding } from '../../../../shared/qc/report';
import { groupFindings, type FindingGroup } from '../../../../shared/qc/report-groups';
import { formatClock } from '../../lib/format';
import { useRuleText } from '../../lib/rules';

/** Ranges shown per rule; the rest are counted (the HTML report lists them all). */
const MAX_RANGES = 8;

/** A group's findings by kind (black, frozen …), in time order. */
function byKind(g: FindingGroup): ReportFinding[][] {
  const kinds = new Map<string, ReportFinding[]>();
  for (const f of g.findings) {
    const k = typeof f.values?.kind === 'string' ? f.values.kind : '';
    kinds.set(k, [...(kinds.get(k) ?? []), f]);
  }
  return [...kinds.values()];
}

/**
 * The findings one group per rule, errors first (the same grouping as the HTML report): the rule,
 * how often, one sentence per kind, and its time ranges; a click on the rule seeks the player to
 * its first range, a click on a range to that range.
 */
export function FindingsList({ findings, durationSec, onSeek }: { findings: ReportFinding[]; durationSec: number; onSeek: (t: number) => void }) {
  const { t } = useTranslation();
  const rules = useRuleText();
  const groups = useMemo(() => groupFindings(findings, durationSec), [findings, durationSec]);
  if (groups.length === 0) return <p className="ok">{t('check.noFindings')}</p>;
  return (
    <ol className="findings" data-testid="findings">
      {groups.map((g) => {
        const first = g.ranges[0]!;
        return (
          <li
            key={g.rule}
            className={`finding ${g.severity}`}
            data-testid="finding"
            data-rule={g.rule}
            data-severity={g.severity}
            data-start={first.start}
            data-count={g.count}
            data-ranges={g.ranges.length}
          >
            <button type="button" className="finding-button" onClick={() => onSeek(first.start)}>
              {g.thumbnails[0] && <img src={g.thumbnails[0].src} alt="" className="thumb" />}
              <span className="finding-text">
                <span>
                  <span className={`sev ${g.severity}`}>{t(`check.severity.${g.severity}`)}</span> <strong>{rules.title(g.rule)}</strong>{' '}
                  <span className="muted small">
                    {g.section}
                    {g.count > 1 ? ` · ${t('check.times', { count: g.count })}` : ''}
                  </span>
                </span>
                {byKind(g).map((list, i) => (
                  <span key={i} className="small">
                    {rules.groupMessage(list)}
                  </span>
                ))}
              </span>
            </button>
            <div className="finding-ranges">
              {g.wholeFile ? (
                <span className="muted small">{t('check.wholeFile')}</span>
              ) : (
                <>
                  {g.ranges.slice(0, MAX_RANGES).map((rg) => (
                    <button
                      key={rg.start}
                      type="button"
                      className={`finding-range ${rg.severity}`}
                      data-testid="finding-range"
                      data-start={rg.start}
                      title={`${rg.start.toFixed(2)}–${rg.end.toFixed(2)} s`}
                      onClick={() => onSeek(rg.start)}
                    >
                      {formatClock(rg.start)}–{formatClock(rg.end)}
                      {rg.count > 1 ? ` ×${rg.count}` : ''}
                    </button>
                  ))}
                  {g.ranges.length > MAX_RANGES && <span className="muted small">{t('check.moreRanges', { count: g.ranges.length - MAX_RANGES })}</span>}
                </>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
