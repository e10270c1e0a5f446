/**
 * Acceptance rules on a file's format (§1.2.3, §1.2.5, §7.1), from its probe. The ids, §§ and
 * wording are the registry's (src/shared/rules/format.ts); the thresholds are the standard's, in
 * standards.ts. Whole-file findings span [0, duration].
 */
import type { Finding, FindingValues } from '../findings';
import type { ProbeResult } from '../probe';
import { makeFinding } from '../rules';
import { DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS, FPS_TOLERANCE } from '../standards';

export function formatFindings(p: ProbeResult): Finding[] {
  const out: Finding[] = [];
  const end = p.durationSec;
  const add = (rule: string, values?: FindingValues, value?: number) => out.push(makeFinding(rule, { start: 0, end, values, value }));

  if (p.container !== DELIVERY_CONTAINER.container) {
    add('format.container', p.container === 'mov' ? { kind: 'mov', container: 'MOV' } : { container: p.container.toUpperCase() });
  }
  const v = p.video;
  if (!v) return out;
  const target = DELIVERY_FPS.num / DELIVERY_FPS.den;
  if (v.vfr) {
    add('video.vfr', { fps: v.avgFrameRate.fps.toFixed(2) }, v.avgFrameRate.fps);
  }
  const fps = v.vfr ? v.avgFrameRate.fps : v.rFrameRate.fps;
  if (Math.abs(fps - target) > target * FPS_TOLERANCE) {
    add('video.fps', { fps: fps.toFixed(2) }, fps);
  }
  const short = Math.min(v.displayWidth, v.displayHeight);
  if (!DELIVERY_RESOLUTIONS.shortSides.includes(short)) {
    add('video.resolution', { width: v.displayWidth, height: v.displayHeight }, short);
  }
  if (v.displayWidth > v.displayHeight) add('video.orientation');
  if (v.hdr !== 'none') add('video.hdr', { transfer: v.hdr.toUpperCase() });
  return out;
}
