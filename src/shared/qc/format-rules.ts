/**
 * Acceptance rules on a file's format (§1.2.3, §1.2.5, §7.1), from its probe. The ids are the
 * checker's fixed ones; the thresholds are the standard's, in standards.ts.
 */
import type { Finding } from '../findings';
import type { ProbeResult } from '../probe';
import { DELIVERY_CONTAINER, DELIVERY_FPS, DELIVERY_RESOLUTIONS, FPS_TOLERANCE } from '../standards';

export function formatFindings(p: ProbeResult): Finding[] {
  const out: Finding[] = [];
  const end = p.durationSec;
  const add = (rule: string, severity: Finding['severity'], section: string, message: string, value?: number) =>
    out.push({ rule, severity, section, start: 0, end, message, ...(value !== undefined ? { value } : {}) });

  if (p.container !== DELIVERY_CONTAINER.container) {
    add(
      'format.container',
      'error',
      DELIVERY_CONTAINER.section,
      p.container === 'mov'
        ? 'MOV file: the platform does not take MOV (§1.2.3, §7.1). Convert it to MP4 first.'
        : `${p.container.toUpperCase()} file: the platform takes MP4 only. Convert it first.`,
    );
  }
  const v = p.video;
  if (!v) return out;
  const target = DELIVERY_FPS.num / DELIVERY_FPS.den;
  if (v.vfr) {
    add('video.vfr', 'warn', DELIVERY_FPS.section, `Variable frame rate (average ${v.avgFrameRate.fps.toFixed(2)} fps): the platform forces 25 fps; convert to constant 25 fps to control how.`, v.avgFrameRate.fps);
  }
  const fps = v.vfr ? v.avgFrameRate.fps : v.rFrameRate.fps;
  if (Math.abs(fps - target) > target * FPS_TOLERANCE) {
    add('video.fps', 'warn', DELIVERY_FPS.section, `${fps.toFixed(2)} fps, not 25: the platform will force 25 fps (§7.1); converting first keeps control of it.`, fps);
  }
  const short = Math.min(v.displayWidth, v.displayHeight);
  if (!DELIVERY_RESOLUTIONS.shortSides.includes(short)) {
    add('video.resolution', 'warn', DELIVERY_RESOLUTIONS.section, `${v.displayWidth}×${v.displayHeight}: 1080p is recommended and 4K supported; other sizes work with fewer uses (§7.1).`, short);
  }
  if (v.displayWidth > v.displayHeight) {
    add('video.orientation', 'info', '§7.1', 'Landscape: supported, and the avatar will be landscape; portrait is recommended (§7.1).');
  }
  if (v.hdr !== 'none') {
    add('video.hdr', 'warn', '§1.2.3, §7.1', `HDR (${v.hdr.toUpperCase()}) video: its colours cannot be restored on the platform (§1.2.3). Convert to SDR MP4 first, or turn HDR off on the phone.`);
  }
  return out;
}
