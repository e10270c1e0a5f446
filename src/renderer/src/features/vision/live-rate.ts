import { DELIVERED_FPS, LIVE_RATE, VISION_ANALYSIS } from '../../../../shared/standards';

type ByCores = { upTo2Cores: number; upTo4Cores: number; more: number };
const byCores = (s: ByCores, cores: number) => (cores <= 2 ? s.upTo2Cores : cores <= 4 ? s.upTo4Cores : s.more);

/**
 * How hard the live monitor may run (issue #15). Outside a take: as fast as the worker answers,
 * with the next frame already handed over. During a take the recording comes first: the worker's
 * busy share starts at VISION_ANALYSIS.busyShareRecording for this many cores, backs off (halves)
 * as soon as the camera track delivers fewer than DELIVERED_FPS.minFps frames a second, and creeps
 * back up while delivery stays full (LIVE_RATE). Pure: the monitor feeds it the clock and the
 * delivered-frame rate, so a test drives it without a camera.
 */
export class LiveRate {
  private recording = false;
  private shareNow: number;
  private healthySince: number | null = null;
  private holdUntil = 0;
  private readonly startShare: number;
  private readonly maxShare: number;
  private backoffs = 0;

  constructor(cores: number) {
    this.startShare = byCores(VISION_ANALYSIS.busyShareRecording, cores);
    this.maxShare = Math.max(this.startShare, byCores(LIVE_RATE.maxShare, cores));
    this.shareNow = VISION_ANALYSIS.busyShareIdle;
  }

  /** A take started or ended. */
  setRecording(recording: boolean, now: number): void {
    if (recording === this.recording) return;
    this.recording = recording;
    this.shareNow = recording ? this.startShare : VISION_ANALYSIS.busyShareIdle;
    this.healthySince = recording ? now : null;
    this.holdUntil = 0;
    if (recording) this.backoffs = 0;
  }

  /**
   * The camera's delivered frames a second over the last window (null: not known yet). Only a
   * take is steered; outside one the preview is all there is to protect and the worker's own
   * thread does not block it.
   */
  observe(windowFps: number | null, now: number): void {
    if (!this.recording || windowFps === null) return;
    if (windowFps < DELIVERED_FPS.minFps) {
      // Halve, then give the cut a hold to show in the window before cutting again.
      if (now >= this.holdUntil) {
        this.shareNow = Math.max(LIVE_RATE.minShare, this.shareNow / 2);
        this.backoffs++;
        this.holdUntil = now + LIVE_RATE.holdMs;
      }
      this.healthySince = null;
      return;
    }
    if (now < this.holdUntil) return;
    if (this.healthySince === null) this.healthySince = now;
    else if (now - this.healthySince >= LIVE_RATE.healthyMs) {
      this.shareNow = Math.min(this.maxShare, this.shareNow + LIVE_RATE.step);
      this.healthySince = now;
    }
  }

  /** The share of its time the worker may be busy now (0–1). */
  get share(): number {
    return this.shareNow;
  }

  /** Times the rate was cut during this take. */
  get backedOff(): number {
    return this.backoffs;
  }

  /** Frames that may be with the worker at once (handed over, not yet answered). */
  get inFlight(): number {
    return this.recording ? LIVE_RATE.inFlightRecording : LIVE_RATE.inFlightIdle;
  }

  /** After a frame that kept the worker busy `busyMs`, rest this long before the next one. */
  restMs(busyMs: number): number {
    return this.shareNow >= 1 ? 0 : busyMs * (1 / this.shareNow - 1);
  }
}
