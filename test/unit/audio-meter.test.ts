import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { MeterBallistics, type MeterReading, meterFraction, peakDbfs, rmsDbfsOf } from '../../src/shared/audio-meter';
import { AUDIO_METER } from '../../src/shared/standards';
import { ffmpegSync } from './helpers/derive';
import { mediaFile } from './helpers/media';

const RATE = 48_000;
const WINDOW = (RATE * AUDIO_METER.updateMs) / 1000;
const JFK = mediaFile('audio/jfk.wav');

/** Mono float samples at 48 kHz, decoded by ffmpeg, with an optional filter (gain etc.). */
function samples(file: string, filter?: string): Float32Array {
  const buf = ffmpegSync(['-i', file, ...(filter ? ['-af', filter] : []), '-ac', '1', '-ar', String(RATE), '-f', 'f32le', '-']);
  return new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
}

/** The meter fed as live: one reading per update window. */
function meter(x: Float32Array): MeterReading[] {
  const b = new MeterBallistics();
  const out: MeterReading[] = [];
  for (let i = 0; i + WINDOW <= x.length; i += WINDOW) {
    const w = x.subarray(i, i + WINDOW);
    out.push(b.update(peakDbfs(w), rmsDbfsOf(w), (i / RATE) * 1000));
  }
  return out;
}

/** ffmpeg's astats of the same decode (float, 48 kHz): the independent measurement. */
function astatsPeakDb(file: string, filter?: string): number {
  const af = [filter, `aresample=${RATE}`, 'aformat=sample_fmts=flt', 'astats=metadata=0'].filter(Boolean).join(',');
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostats', '-i', file, '-af', af, '-f', 'null', '-'], { encoding: 'utf8' });
  const m = /Overall[\s\S]*?Peak level dB: (-?[\d.]+|-inf)/.exec(r.stderr);
  if (!m?.[1]) throw new Error(`no astats in ffmpeg output: ${r.stderr.slice(-400)}`);
  return Number(m[1]);
}

describe('audio meter (issue #13, §1.2.2)', () => {
  it('reads the same loudest peak of jfk.wav as ffmpeg astats, and no warning at its normal level', () => {
    const r = meter(samples(JFK));
    const maxPeak = Math.max(...r.map((x) => x.peakDb));
    expect(Math.abs(maxPeak - astatsPeakDb(JFK))).toBeLessThan(0.1);
    // RMS never above peak; the room tone between phrases keeps the meter off "too quiet".
    expect(r.every((x) => x.rmsDb <= x.peakDb + 1e-9)).toBe(true);
    expect(r.filter((x) => x.warning !== null)).toEqual([]);
  });

  it('lights the clip lamp on jfk.wav 12 dB too hot and holds it for clipHoldMs after the last clip', () => {
    const hot = meter(samples(JFK, 'volume=12dB,alimiter=limit=1:level=false'));
    const clipped = hot.filter((x) => x.peakDb >= AUDIO_METER.clipDbfs);
    expect(clipped.length).toBeGreaterThan(0);
    expect(hot.some((x) => x.clipHold && x.warning === 'clipping')).toBe(true);
    const last = hot.map((x) => x.peakDb >= AUDIO_METER.clipDbfs).lastIndexOf(true);
    const holdWindows = AUDIO_METER.clipHoldMs / AUDIO_METER.updateMs;
    if (last + holdWindows + 1 < hot.length) {
      expect(hot[last + holdWindows - 1]?.clipHold).toBe(true);
      expect(hot[last + holdWindows + 1]?.clipHold).toBe(false);
    }
  });

  it('says "too quiet" for jfk.wav 50 dB down, but only after a whole window was heard', () => {
    const quiet = meter(samples(JFK, 'volume=-50dB'));
    const firstWarn = quiet.findIndex((x) => x.warning === 'too-quiet');
    expect(firstWarn).toBeGreaterThanOrEqual(AUDIO_METER.quietWindowMs / AUDIO_METER.updateMs);
    expect(quiet.slice(firstWarn).every((x) => x.warning === 'too-quiet')).toBe(true);
  });

  it('holds the peak, then lets it fall', () => {
    const b = new MeterBallistics();
    expect(b.update(-6, -12, 0).peakHoldDb).toBe(-6);
    expect(b.update(-40, -45, AUDIO_METER.peakHoldMs - 1).peakHoldDb).toBe(-6);
    const fallen = b.update(-40, -45, AUDIO_METER.peakHoldMs + 500).peakHoldDb;
    expect(fallen).toBeLessThan(-6);
    expect(fallen).toBeGreaterThanOrEqual(-40);
  });

  it('maps dBFS on the scale and treats digital silence and NaN-free edges', () => {
    expect(meterFraction(0)).toBe(1);
    expect(meterFraction(AUDIO_METER.floorDb)).toBe(0);
    expect(meterFraction(-200)).toBe(0);
    expect(meterFraction(6)).toBe(1);
    expect(peakDbfs(new Float32Array(100))).toBe(-120);
    expect(rmsDbfsOf(new Float32Array(0))).toBe(-120);
  });
});
