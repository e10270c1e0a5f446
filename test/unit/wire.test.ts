import { describe, expect, it } from 'vitest';
import { decodeClientFrame, encodeBinaryCall } from '../../src/shared/wire';

describe('serve-mode wire framing', () => {
  it('round-trips a call with bytes', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const frame = encodeBinaryCall({ t: 'call', id: 7, method: 'recording.chunk', input: { seq: 3 }, binaryField: 'data' }, bytes);
    const msg = decodeClientFrame(frame);
    expect(msg).toMatchObject({ t: 'call', id: 7, method: 'recording.chunk' });
    expect((msg.input as { data: Uint8Array }).data).toEqual(bytes);
    expect((msg.input as { seq: number }).seq).toBe(3);
  });

  it('decodes a text call', () => {
    expect(decodeClientFrame('{"t":"call","id":1,"method":"app.info","input":{}}')).toEqual({
      t: 'call',
      id: 1,
      method: 'app.info',
      input: {},
    });
  });

  it('refuses truncated binary frames', () => {
    expect(() => decodeClientFrame(new Uint8Array([1, 0]))).toThrow();
    const frame = encodeBinaryCall({ t: 'call', id: 1, method: 'x', input: {} }, new Uint8Array(0));
    expect(() => decodeClientFrame(frame.subarray(0, 8))).toThrow();
  });
});
