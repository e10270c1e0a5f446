/**
 * Findings for people: one group per rule with a count and its time ranges, consecutive or
 * overlapping findings of the rule merged into one range (ten "frozen picture" stretches a frame
 * apart read as one range, ten spread over the take as ten), the worst severity of the group, and
 * the thumbnails of its findings for a small strip.
 */
import { isWholeFile, type Severity } from '../findings';
import type { ReportFinding } from './report';

export interface FindingRange {
  start: number;
  end: number;
  startFrame: number;
  endFrame: number;
  /** How many findings the range holds. */
  count: number;
  severity: Severity;
}

export interface FindingGroup {
  rule: string;
  section: string;
  /** The worst severity in the group. */
  severity: Severity;
  count: number;
  /** True when a finding of the group is about the whole file (no range to show). */
  wholeFile: boolean;
  ranges: FindingRange[];
  /** The group's findings in time order (for their messages). */
  findings: ReportFinding[];
  thumbnails: { t: number; src: string }[];
}

const RANK: Record<Severity, number> = { error: 0, warn: 1, info: 2 };
const worst = (a: Severity, b: Severity): Severity => (RANK[a] <= RANK[b] ? a : b);

/**
 * Groups per rule, errors first, then by first time. `joinGapSeconds`: findings of one rule closer
 * than this (default two frames at 25 fps) are one range.
 */
export function groupFindings(findings: readonly ReportFinding[], durationSec: number, joinGapSeconds = 0.08): FindingGroup[] {
  const byRule = new Map<string, ReportFinding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const groups: FindingGroup[] = [];
  for (const [rule, list] of byRule) {
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    const ranges: FindingRange[] = [];
    for (const f of sorted) {
      const last = ranges[ranges.length - 1];
      if (last && f.start <= last.end + joinGapSeconds) {
        if (f.end > last.end) {
          last.end = f.end;
          last.endFrame = f.endFrame;
        }
        last.count++;
        last.severity = worst(last.severity, f.severity);
      } else {
        ranges.push({ start: f.start, end: f.end, startFrame: f.startFrame, endFrame: f.endFrame, count: 1, severity: f.severity });
      }
    }
    groups.push({
      rule,
      section: sorted[0]!.section,
      severity: sorted.map((f) => f.severity).reduce(worst),
      count: sorted.length,
      wholeFile: sorted.some((f) => isWholeFile(f, durationSec)),
      ranges,
      findings: sorted,
      thumbnails: sorted.filter((f) => f.thumbnail).map((f) => ({ t: f.start, src: f.thumbnail! })),
    });
  }
  return groups.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.ranges[0]!.start - b.ranges[0]!.start || a.rule.localeCompare(b.rule));
}

/** Findings per severity, for "1 error · 12 warnings". */
export function severityCounts(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
