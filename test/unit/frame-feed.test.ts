/**
 * Issue #15: the checker's frame feed. The page reads the pixels as a view of the received message
 * (no copy); the message stays the framing of wire.ts (what the accuracy harness reads too), and
 * hostile messages at the page's end get one clear error, never a wrong-sized frame.
 */
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, FramePacker, type FrameHeader } from '../../src/shared/frame-feed';
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

  describe('FramePacker (reused message buffers)', () => {
    const px = (seed: number, n = pixels.length) => Uint8Array.from({ length: n }, (_, i) => (i * 13 + seed * 101) & 255);

    it('a packed message is byte for byte what encodeFrame makes', () => {
      const p = new FramePacker();
      for (const h of [header, { ...header, id: 1, timestampMs: 0 }, { ...header, raw: true }]) {
        expect(Array.from(p.pack(h, pixels))).toEqual(Array.from(encodeFrame(h, pixels)));
      }
    });

    it('a message not given back is never written over by later frames', () => {
      const p = new FramePacker();
      const first = p.pack({ ...header, id: 1 }, px(1));
      const keep = Array.from(first);
      for (let i = 2; i < 20; i++) p.pack({ ...header, id: i }, px(i));
      expect(Array.from(first)).toEqual(keep);
    });

    it('a buffer is reused only after it was given back, and given back twice it still carries one frame', () => {
      const p = new FramePacker();
      const a = p.pack({ ...header, id: 1 }, px(1));
      const b = p.pack({ ...header, id: 2 }, px(2));
      expect(b.buffer).not.toBe(a.buffer);
      p.giveBack(a);
      p.giveBack(a);
      const c = p.pack({ ...header, id: 3 }, px(3));
      const d = p.pack({ ...header, id: 4 }, px(4));
      expect(c.buffer).toBe(a.buffer);
      expect(d.buffer).not.toBe(a.buffer);
      expect(decodeFrame(asArrayBuffer(c)).header.id).toBe(3);
      expect(Array.from(decodeFrame(asArrayBuffer(c)).rgba)).toEqual(Array.from(px(3)));
      expect(decodeFrame(asArrayBuffer(b)).header.id).toBe(2);
    });

    const careless: [string, (p: FramePacker) => Uint8Array][] = [
      ['a message of encodeFrame (not the packer\'s)', () => encodeFrame(header, pixels)],
      ['a view into the middle of a packed message', (p) => p.pack(header, pixels).subarray(4)],
      ['a message of an older frame size', (p) => {
        const old = p.pack({ ...header, width: 1, height: 1 }, new Uint8Array(4));
        p.pack(header, pixels);
        return old;
      }],
    ];
    it.each(careless)('given back, %s is not reused', (_name, make) => {
      const p = new FramePacker();
      const foreign = make(p);
      p.giveBack(foreign);
      const next = p.pack({ ...header, id: 9 }, px(9));
      expect(next.buffer).not.toBe(foreign.buffer);
      expect(decodeFrame(asArrayBuffer(next)).header.id).toBe(9);
    });

    it('a header longer than the room falls back to a message of its own', () => {
      const p = new FramePacker();
      const long = { ...header, note: 'x'.repeat(400) } as FrameHeader;
      expect(Array.from(p.pack(long, pixels))).toEqual(Array.from(encodeFrame(long, pixels)));
    });
  });
});
