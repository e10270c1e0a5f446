/**
 * The checker's frame feed between main and the page that runs the vision worker: main sends each
 * decoded RGBA frame as one binary WebSocket message (4-byte little-endian header length, a JSON
 * header, the pixels); the page answers with JSON {id, frame} or {id, error}.
 */
export const FRAME_FEED_ROUTE = '/frames';
export const FRAME_ANALYZER_PAGE = '/frame-analyzer.html';

export interface FrameHeader {
  id: number;
  width: number;
  height: number;
  /** Monotonic timestamp for the landmarker's VIDEO mode, ms. */
  timestampMs: number;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function encodeFrame(h: FrameHeader, rgba: Uint8Array): Uint8Array {
  const head = enc.encode(JSON.stringify(h));
  const out = new Uint8Array(4 + head.length + rgba.length);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(rgba, 4 + head.length);
  return out;
}

export function decodeFrame(buf: ArrayBuffer): { header: FrameHeader; rgba: Uint8ClampedArray<ArrayBuffer> } {
  const view = new DataView(buf);
  const n = view.getUint32(0, true);
  const header = JSON.parse(dec.decode(new Uint8Array(buf, 4, n))) as FrameHeader;
  // A copy into its own buffer: it is transferred to the worker.
  const rgba = new Uint8ClampedArray(buf.slice(4 + n));
  return { header, rgba };
}
