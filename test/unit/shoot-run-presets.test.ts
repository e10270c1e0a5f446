import { describe, expect, it } from 'vitest';
import { TakeSchema } from '../../src/shared/api';
import { phaseStarts, plannedSeconds, snapToFrame } from '../../src/shared/presets';
import { SHOOT_PRESETS, SILENT_SEGMENT_SECONDS } from '../../src/shared/standards';
import { phasesFromMarkers } from '../../src/main/services/take-phases';

describe('shoot presets against the standard', () => {
  it('§1.2.1 standard: 30 s silent, then ≈5 min (short video) or 20–30 min (live) narration', () => {
    expect(SILENT_SEGMENT_SECONDS.seconds).toBe(30);
    expect(SHOOT_PRESETS['standard-short'].phases).toMatchObject([
      { kind: 'silent', seconds: 30 },
      { kind: 'narration', targetSeconds: 300 },
    ]);
    expect(SHOOT_PRESETS['standard-live'].phases[1]).toMatchObject({ kind: 'narration', minSeconds: 1200, maxSeconds: 1800 });
  });
  it('§2.1 premium: 30 s + ≈4.5 min, total ≈5 min, with action markers', () => {
    const p = SHOOT_PRESETS.premium;
    expect(plannedSeconds(p)).toBe(300);
    expect(p.actionMarkers).toBe(true);
  });
  it('§3.1 motion lip video: 3.5 min = 30 s silent + 3 min; §3.2 motion video: idle then ≈3 s actions ≤ 10 s', () => {
    expect(plannedSeconds(SHOOT_PRESETS['motion-lip'])).toBe(210);
    expect(SHOOT_PRESETS['motion-actions'].phases).toMatchObject([
      { kind: 'idle' },
      { kind: 'actions', actionSeconds: 3, actionMaxSeconds: 10 },
    ]);
  });
  it('§4.1 multi-scene: primary 30 s + 4.5 min; auxiliary has no silent segment, 3–4 min', () => {
    expect(plannedSeconds(SHOOT_PRESETS['multi-primary'])).toBe(300);
    const aux = SHOOT_PRESETS['multi-aux'].phases;
    expect(aux.some((p) => p.kind === 'silent')).toBe(false);
    expect(aux[0]).toMatchObject({ kind: 'narration', minSeconds: 180, maxSeconds: 240 });
  });
  it('§5.3 quick digital human cannot use green-screen segmentation', () => {
    expect(SHOOT_PRESETS.quick.greenScreen).toBe(false);
  });
  it('phase boundaries fall where the plan says, on frames', () => {
    expect(phaseStarts(SHOOT_PRESETS['standard-short'].phases)).toEqual([0, 30]);
    expect(phaseStarts(SHOOT_PRESETS['multi-aux'].phases)).toEqual([0]);
    expect(snapToFrame(10.419)).toBeCloseTo(10.4, 10);
    expect(snapToFrame(10.421)).toBeCloseTo(10.44, 10);
    expect(snapToFrame(-1)).toBe(0);
  });
  it('phase spans come from phase markers', () => {
    expect(
      phasesFromMarkers(
        [
          { id: 'b', kind: 'phase', phase: 'narration', t: 30 },
          { id: 'x', kind: 'flub', t: 12.4 },
          { id: 'a', kind: 'phase', phase: 'silent', t: 0 },
        ],
        95.2,
      ),
    ).toEqual([
      { kind: 'silent', start: 0, end: 30 },
      { kind: 'narration', start: 30, end: 95.2 },
    ]);
  });
});

describe('take.json schema', () => {
  const base = {
    schemaVersion: 1,
    id: 'take-001',
    shootId: 's1',
    name: 'take-001',
    status: 'ready',
    createdAt: '2026-11-25T00:00:00Z',
    recording: { mimeType: 'video/x-matroska', rawFile: 'raw.mkv', bytes: 1, chunks: 1, startedAt: 'x', stoppedAt: null },
    devices: {
      camera: { deviceId: 'c', label: 'cam', width: 1080, height: 1920, frameRate: 25 },
      microphone: { deviceId: 'm', label: 'mic', sampleRate: 48000, channelCount: 1, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
    },
    delivery: null,
    error: null,
  };
  it('reads a take written before presets and markers existed, with defaults', () => {
    const t = TakeSchema.parse(base);
    expect(t).toMatchObject({ preset: 'standard-short', starred: false, markers: [], phases: [], checklist: [], recovered: null });
  });
  it('refuses unknown presets, marker kinds and negative times', () => {
    expect(TakeSchema.safeParse({ ...base, preset: 'deluxe' }).success).toBe(false);
    expect(TakeSchema.safeParse({ ...base, markers: [{ id: 'a', kind: 'oops', t: 1 }] }).success).toBe(false);
    expect(TakeSchema.safeParse({ ...base, markers: [{ id: 'a', kind: 'flub', t: -1 }] }).success).toBe(false);
    expect(TakeSchema.safeParse({ ...base, id: '../x' }).success).toBe(false);
  });
});
