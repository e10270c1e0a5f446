/**
 * The checker's frame feed between main and the page that runs the vision worker: main sends each
 * decoded RGBA frame as one binary WebSocket message (4-byte little-endian header length, a JSON
 * header, the pixels — the framing of wire.ts); the page answers with JSON {id, frame} or {id, error}.
 */
import { packBinary, unpackBinary } from './wire';

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

export function decodeFrame(buf: ArrayBuffer): { header: FrameHeader; rgba: Uint8ClampedArray<ArrayBuffer> } {
  // unpackBinary copies the pixels into a buffer of their own: they are transferred to the worker.
  const { header, bytes } = unpackBinary<FrameHeader>(new Uint8Array(buf));
  return { header, rgba: new Uint8ClampedArray(bytes.buffer) };
}
