import { describe, expect, it } from 'vitest';
import { checkCaptureFormat } from '../../src/shared/capture-check';

describe('capture format against §1.2.2', () => {
  it('accepts 1080×1920 at 25 fps', () => {
    expect(checkCaptureFormat({ width: 1080, height: 1920, frameRate: 25 })).toEqual([]);
  });
  it('flags the wrong size, landscape and the wrong rate', () => {
    const ids = checkCaptureFormat({ width: 1920, height: 1080, frameRate: 30 }).map((w) => w.id);
    expect(ids).toEqual(['capture.size', 'capture.landscape', 'capture.fps']);
  });
  it('tolerates a rate reported as 24.99', () => {
    expect(checkCaptureFormat({ width: 1080, height: 1920, frameRate: 24.99 })).toEqual([]);
  });
});
