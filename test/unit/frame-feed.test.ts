/**
 * Issue #15: the checker's frame feed without pixel copies. Main's frame reader leaves head room in
 * front of each frame and the header is written there; the page reads the pixels as a view. The
 * message must stay the framing of wire.ts (what the older page and the accuracy harness read),
 * and hostile messages at the page's end get one clear error, never a wrong-sized frame.
 */
import { describe, expect, it } from 'vitest';
import { RawFrameReader } from '../../src/main/services/ffmpeg/raw-frames';
import { decodeFrame, encodeFrame, FRAME_HEAD_ROOM, type FrameHeader } from '../../src/shared/frame-feed';
import { packBinary, unpackBinary } from '../../src/shared/wire';

const header: FrameHeader = { id: 123456, width: 3, height: 2, timestampMs: 987654321 };
const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) & 255);

function asArrayBuffer(u: Uint8Array): ArrayBuffer {
  return u.slice().buffer; // what the page's WebSocket gives: a buffer of the message alone
}

describe('frame feed without copies', () => {
  it('RawFrameReader leaves the asked head room in front of every frame, frames still whole and in order', async () => {
    const got: Uint8Array[] = [];
    const reader = new RawFrameReader(pixels.length, (f) => void got.push(f), { headRoom: FRAME_HEAD_ROOM });
    await reader.push(Uint8Array.from([...pixels, ...pixels].map((v, i) => (i < pixels.length ? v : 255 - v))));
    expect(got).toHaveLength(2);
    for (const f of got) {
      expect(f.byteOffset).toBe(FRAME_HEAD_ROOM);
      expect(f.buffer.byteLength).toBe(FRAME_HEAD_ROOM + pixels.length);
    }
    expect(Array.from(got[0]!)).toEqual(Array.from(pixels));
    expect(Array.from(got[1]!)).toEqual(Array.from(pixels, (v) => 255 - v));
    expect(got[0]!.buffer).not.toBe(got[1]!.buffer);
  });

  it('a frame with head room is sent as a view of its own buffer, readable by wire.ts and by the page', async () => {
    let frame!: Uint8Array;
    await new RawFrameReader(pixels.length, (f) => void (frame = f), { headRoom: FRAME_HEAD_ROOM }).push(pixels);
    const msg = encodeFrame(header, frame, FRAME_HEAD_ROOM);
    expect(msg.buffer).toBe(frame.buffer); // no copy
    expect(msg.byteLength).toBe(FRAME_HEAD_ROOM + pixels.length);
    expect(Array.from(frame)).toEqual(Array.from(pixels)); // the pixels untouched by the header
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

  it('without head room, or with a header too long for it, the frame is copied into a message of its own', () => {
    const plain = encodeFrame(header, pixels);
    expect(plain.buffer).not.toBe(pixels.buffer);
    expect(decodeFrame(asArrayBuffer(plain)).header).toEqual(header);
    const small = new Uint8Array(8 + pixels.length).subarray(8);
    small.set(pixels);
    const copied = encodeFrame(header, small, 8);
    expect(copied.buffer).not.toBe(small.buffer);
    expect(Array.from(decodeFrame(asArrayBuffer(copied)).rgba)).toEqual(Array.from(pixels));
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
