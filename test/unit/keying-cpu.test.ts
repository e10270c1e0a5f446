import { describe, expect, it } from 'vitest';
import { defaultGreenParams } from '../../src/shared/green-params';
import { keyFrame } from '../../src/shared/keying/cpu-keyer';
import { hueDeg } from '../../src/shared/keying/model';
import { decodeRgba, patchAlpha } from './helpers/keying';
import { mediaFile } from './helpers/media';

const D = defaultGreenParams();
const d0 = mediaFile('driving-d0.mp4');

describe('CPU reference keyer on real footage (driving-d0.mp4, a muted green screen)', () => {
  it.each([0.2, 1, 2.4])('at %s s with the §1.3.3 defaults: backdrop corners < 0.05, face centre > 0.95', (at) => {
    const f = decodeRgba(d0, { at });
    const r = keyFrame(f, D);
    // The two top corners are backdrop (the bottom ones are the black bar and the jacket).
    expect(patchAlpha(r.alpha, f.width, 0, 0, 32, 32).max).toBeLessThan(0.05);
    expect(patchAlpha(r.alpha, f.width, f.width - 32, 0, 32, 32).max).toBeLessThan(0.05);
    // Backdrop at mid-height on both sides of the head.
    expect(patchAlpha(r.alpha, f.width, 0, 300, 24, 24).max).toBeLessThan(0.05);
    expect(patchAlpha(r.alpha, f.width, f.width - 24, 300, 24, 24).max).toBeLessThan(0.05);
    // Face centre.
    expect(patchAlpha(r.alpha, f.width, 236, 250, 40, 40).min).toBeGreaterThan(0.95);
    // The black bar at the bottom does not key: it stays in the picture (§1.2.4).
    expect(patchAlpha(r.alpha, f.width, 0, f.height - 12, f.width, 12).min).toBe(1);
  });

  it('the same holds in a 540×960 portrait frame (the §1.2.2 shape)', () => {
    const f = decodeRgba(d0, { at: 1, vf: 'crop=288:512:112:0,scale=540:960:flags=bicubic' });
    const r = keyFrame(f, D);
    expect(patchAlpha(r.alpha, f.width, 0, 0, 40, 40).max).toBeLessThan(0.05);
    expect(patchAlpha(r.alpha, f.width, f.width - 40, 0, 40, 40).max).toBeLessThan(0.05);
    expect(patchAlpha(r.alpha, f.width, 250, 480, 40, 40).min).toBeGreaterThan(0.95);
  });

  it('a yellow patch drawn into the frame keeps its hue at Colorbalance 1 and shifts at 100', () => {
    const f = decodeRgba(d0, { at: 1, vf: 'drawbox=x=200:y=400:w=60:h=40:color=0xF0DC28:t=fill' });
    const hueAt = (data: Uint8ClampedArray | Uint8Array, x: number, y: number) => {
      const j = (y * f.width + x) * 4;
      return hueDeg(data[j] ?? 0, data[j + 1] ?? 0, data[j + 2] ?? 0);
    };
    const original = hueAt(f.data, 230, 420);
    const gentle = keyFrame(f, { ...D, greenParamsColorbalance: 1 }, { composite: true });
    const full = keyFrame(f, D, { composite: true });
    expect(patchAlpha(gentle.alpha, f.width, 205, 405, 50, 30).min).toBe(1);
    expect(Math.abs(hueAt(gentle.composite ?? new Uint8Array(), 230, 420) - original)).toBeLessThan(1);
    expect(Math.abs(hueAt(full.composite ?? new Uint8Array(), 230, 420) - original)).toBeGreaterThan(5);
  });
});
