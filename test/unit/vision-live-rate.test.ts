/**
 * The live monitor's rate while a take records (issue #15): the recorder comes first. Driven with
 * the delivered-frame rates a camera track reports, on a clock of our own.
 */
import { describe, expect, it } from 'vitest';
import { LiveRate } from '../../src/renderer/src/features/vision/live-rate';
import { DELIVERED_FPS, LIVE_RATE, VISION_ANALYSIS } from '../../src/shared/standards';

/** Feed `fps` every updateMs from `from` for `ms`; returns the clock after. */
function feed(rate: LiveRate, fps: number, from: number, ms: number): number {
  let t = from;
  for (; t < from + ms; t += DELIVERED_FPS.updateMs) rate.observe(fps, t);
  return t;
}

describe('LiveRate', () => {
  it('outside a take: no rest, and the next frame is already with the worker', () => {
    const r = new LiveRate(2);
    expect(r.share).toBe(VISION_ANALYSIS.busyShareIdle);
    expect(r.restMs(40)).toBe(0);
    expect(r.inFlight).toBe(2);
    // A slow camera outside a take changes nothing: only a recording is protected.
    feed(r, 5, 0, 10_000);
    expect(r.restMs(40)).toBe(0);
  });

  it('a take starts at the recording share for the cores, one frame at a time', () => {
    const r = new LiveRate(2);
    r.setRecording(true, 0);
    expect(r.share).toBe(VISION_ANALYSIS.busyShareRecording.upTo2Cores);
    expect(r.inFlight).toBe(1);
    // 40 ms busy at 0.35 → rest 40 × (1/0.35 − 1) ≈ 74 ms: busy 35 % of the time.
    expect(40 / (40 + r.restMs(40))).toBeCloseTo(0.35, 5);
  });

  it('backs off at once when the camera delivers fewer frames, holds, then creeps back while delivery is full', () => {
    const r = new LiveRate(2);
    r.setRecording(true, 0);
    let t = feed(r, 25, 0, 10_000);
    const raised = r.share;
    expect(raised).toBeGreaterThan(VISION_ANALYSIS.busyShareRecording.upTo2Cores);
    expect(raised).toBeLessThanOrEqual(LIVE_RATE.maxShare.upTo2Cores);

    r.observe(DELIVERED_FPS.minFps - 1, t);
    expect(r.share).toBeCloseTo(raised / 2, 10);
    expect(r.backedOff).toBe(1);
    // Still low inside the hold: not halved again every reading.
    r.observe(DELIVERED_FPS.minFps - 1, t + DELIVERED_FPS.updateMs);
    expect(r.backedOff).toBe(1);
    // Full delivery inside the hold does not raise it.
    t = feed(r, 25, t + DELIVERED_FPS.updateMs * 2, LIVE_RATE.holdMs - DELIVERED_FPS.updateMs * 3);
    expect(r.share).toBeCloseTo(raised / 2, 10);
    // After it, it creeps back.
    feed(r, 25, t + LIVE_RATE.holdMs, 30_000);
    expect(r.share).toBe(LIVE_RATE.maxShare.upTo2Cores);
  });

  it('never falls below the floor, however long the camera stays low; Stop gives the worker back', () => {
    const r = new LiveRate(2);
    r.setRecording(true, 0);
    feed(r, 10, 0, 60_000);
    expect(r.share).toBe(LIVE_RATE.minShare);
    r.setRecording(false, 60_000);
    expect(r.restMs(40)).toBe(0);
    r.setRecording(true, 61_000);
    expect(r.share).toBe(VISION_ANALYSIS.busyShareRecording.upTo2Cores);
    expect(r.backedOff).toBe(0);
  });

  it('an unknown delivery rate (no track counter yet) leaves the share alone', () => {
    const r = new LiveRate(8);
    r.setRecording(true, 0);
    r.observe(null, 5000);
    expect(r.share).toBe(VISION_ANALYSIS.busyShareRecording.more);
  });
});
