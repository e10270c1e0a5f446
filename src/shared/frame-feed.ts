/**
 * The checker's frame feed between main and the page that runs the vision worker: main sends each
 * decoded RGBA frame as one binary WebSocket message (4-byte little-endian header length, a JSON
 * header, the pixels — the framing of wire.ts); the page answers with JSON {id, frame} or {id, error}.
 *
 * No copy of the pixels on either side (issue #15, measured: the frame's way from main into the
 * worker cost more CPU than the landmarker's own share): main's frame reader leaves FRAME_HEAD_ROOM
 * bytes in front of each frame, where the header is written (padded with spaces, still JSON), and
 * the page hands the worker a view of the received buffer instead of a copy.
 */
import { packBinary } from './wire';

export const FRAME_FEED_ROUTE = '/frames';
export const FRAME_ANALYZER_PAGE = '/frame-analyzer.html';

/** Bytes in front of a frame's pixels for the length and the JSON header (ids and sizes fit in ~100). */
export const FRAME_HEAD_ROOM = 256;

export interface FrameHeader {
  id: number;
  width: number;
  height: number;
  /** Monotonic timestamp for the landmarker's VIDEO mode, ms. */
  timestampMs: number;
  /** Also answer with the landmarker's raw result (the accuracy harness; never the checker). */
  raw?: boolean;
}

const encoder = new TextEncoder();

/**
 * One message for the frame. `headRoom`: bytes of rgba's own buffer right in front of the pixels that
 * are free to write (RawFrameReader's head room): the header goes there and the message is a view of
 * that buffer. Otherwise (or if the header does not fit) a new buffer with a copy.
 */
export function encodeFrame(h: FrameHeader, rgba: Uint8Array, headRoom = 0): Uint8Array {
  const head = encoder.encode(JSON.stringify(h));
  if (headRoom >= 4 + head.byteLength && rgba.byteOffset >= headRoom) {
    const out = new Uint8Array(rgba.buffer, rgba.byteOffset - headRoom, headRoom + rgba.byteLength);
    new DataView(out.buffer, out.byteOffset).setUint32(0, headRoom - 4, true);
    out.set(head, 4);
    out.fill(0x20, 4 + head.byteLength, headRoom); // JSON allows trailing white space
    return out;
  }
  return packBinary(h, rgba);
}

/** The header, and the pixels as a view of `buf` (transferred to the worker with it; no copy). */
export function decodeFrame(buf: ArrayBuffer): { header: FrameHeader; rgba: Uint8ClampedArray<ArrayBuffer> } {
  if (buf.byteLength < 4) throw new Error('frame message too short');
  const headLen = new DataView(buf).getUint32(0, true);
  if (4 + headLen > buf.byteLength) throw new Error('frame header overruns the message');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, headLen))) as FrameHeader;
  const bytes = buf.byteLength - 4 - headLen;
  if (!Number.isSafeInteger(header.width) || !Number.isSafeInteger(header.height) || header.width * header.height * 4 !== bytes) {
    throw new Error(`frame of ${bytes} bytes is not ${header.width}×${header.height} RGBA`);
  }
  return { header, rgba: new Uint8ClampedArray(buf, 4 + headLen, bytes) };
}
