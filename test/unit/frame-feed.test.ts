/**
 * Issue #15: the checker's frame feed. The page reads the pixels as a view of the received message
 * (no copy); the message stays the framing of wire.ts (what the accuracy harness reads too), and
 * hostile messages at the page's end get one clear error, never a wrong-sized frame.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, type FrameHeader } from '../../src/shared/frame-feed';
import { packBinary, unpackBinary } from '../../src/shared/wire';

const header: FrameHeader = { id: 123456, width: 3, height: 2, timestampMs: 987654321 };
const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) & 255);

function asArrayBuffer(u: Uint8Array): ArrayBuffer {
  return u.slice().buffer; // what the page's WebSocket gives: a buffer of the message alone
}

describe('frame feed', () => {
  it('a frame is one wire.ts message, readable by wire.ts and by the page', () => {
    const msg = encodeFrame(header, pixels);
    const viaWire = unpackBinary<FrameHeader>(msg);
    expect(viaWire.header).toEqual(header);
    expect(Array.from(viaWire.bytes)).toEqual(Array.from(pixels));
    const page = decodeFrame(asArrayBuffer(msg));
    expect(page.header).toEqual(header);
    expect(Array.from(page.rgba)).toEqual(Array.from(pixels));
  });

  it('the page reads the pixels as a view of the received buffer (transferred to the worker whole)', () => {
    const buf = asArrayBuffer(encodeFrame(header, pixels));
    const { rgba } = decodeFrame(buf);
    expect(rgba.buffer).toBe(buf);
    expect(rgba.byteLength).toBe(pixels.length);
  });

  const hostile: [string, () => ArrayBuffer, RegExp][] = [
    ['empty message', () => new ArrayBuffer(0), /too short/],
    ['3 bytes', () => new ArrayBuffer(3), /too short/],
    ['header length past the end', () => {
      const b = new ArrayBuffer(16);
      new DataView(b).setUint32(0, 1000, true);
      return b;
    }, /overruns/],
    ['header not JSON', () => asArrayBuffer(packBinary('x', pixels).map((v, i) => (i === 4 ? 0x7b : v))), /JSON|Unexpected|Expected/],
    ['pixels fewer than width × height × 4', () => asArrayBuffer(packBinary(header, pixels.subarray(1))), /not 3×2 RGBA/],
    ['pixels more than width × height × 4', () => asArrayBuffer(packBinary(header, new Uint8Array(pixels.length + 4))), /not 3×2 RGBA/],
    ['width not a number', () => asArrayBuffer(packBinary({ ...header, width: '3' }, pixels)), /RGBA/],
    ['huge width × height', () => asArrayBuffer(packBinary({ ...header, width: 1e9, height: 1e9 }, pixels)), /RGBA/],
  ];
  it.each(hostile)('the page refuses a bad message: %s', (_name, make, why) => {
    expect(() => decodeFrame(make())).toThrow(why);
  });
});
