/**
 * The checker's frame feed between main and the page that runs the vision worker: main sends each
 * decoded RGBA frame as one binary WebSocket message (4-byte little-endian header length, a JSON
 * header, the pixels — the framing of wire.ts); the page answers with JSON {id, frame} or {id, error}.
 *
 * The page hands the worker a view of the received buffer, not a copy. Main still copies each frame
 * into its message (packBinary): writing the header into room left in front of the decoded frame
 * and sending that buffer itself was tried and reverted — with two workers it swapped the answers
 * of two frames near the end of d18 twice in a row (checker-determinism.test.ts), not root-caused,
 * and saved no measurable CPU (see notes).
 */
import { packBinary } from './wire';

export const FRAME_FEED_ROUTE = '/frames';
export const FRAME_ANALYZER_PAGE = '/frame-analyzer.html';

export interface FrameHeader {
  id: number;
  width: number;
  height: number;
  /** Monotonic timestamp for the landmarker's VIDEO mode, ms. */
  timestampMs: number;
  /** Also answer with the landmarker's raw result (the accuracy harness; never the checker). */
  raw?: boolean;
}

export function encodeFrame(h: FrameHeader, rgba: Uint8Array): Uint8Array {
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
