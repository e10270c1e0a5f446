/**
 * The checker's judgement of a finished file's format (§1.2.3, §1.2.5, §7.1): the format problems
 * the convert screen finds on an import (`src/shared/ingest/problems.ts`, one producer, one id per
 * problem), at the registry's usual severity (a MOV the convert screen will fix is a warning there;
 * a MOV handed to the platform is an error). Only what the platform judges on upload is reported
 * here; codec, pixel format and audio format are the convert screen's business.
 */
import type { Finding } from '../findings';
import { formatProblems } from '../ingest/problems';
import type { ProbeResult } from '../probe';
import { ruleDef } from '../rules';

const CHECKED = new Set(['format.container', 'format.vfr', 'format.fps', 'format.resolution', 'format.landscape', 'format.hdr']);

export function formatFindings(p: ProbeResult): Finding[] {
  return formatProblems(p)
    .filter((f) => CHECKED.has(f.rule))
    .map((f) => ({ ...f, severity: ruleDef(f.rule)?.severity ?? f.severity }));
}
