/**
 * The checker's frame feed between main and the page that runs the vision worker: main sends each
 * decoded RGBA frame as one binary WebSocket message (4-byte little-endian header length, a JSON
 * header, the pixels — the framing of wire.ts); the page answers with JSON {id, frame} or {id, error}.
 *
 * The page hands the worker a view of the received buffer, not a copy. Main still copies each frame
 * into its message (packBinary): writing the header into room left in front of the decoded frame
 * and sending that buffer itself was tried and reverted — with two workers it swapped the answers
 * of two frames near the end of d18 twice in a row (checker-determinism.test.ts) and saved no
 * measurable CPU. The swap was found later (round 3) to be a race at the end of the video pass, not
 * the buffers: streamFfmpeg resolved before the last chunk was handed over (fixed in stream.ts and
 * face-pipeline.ts); the copy stays because it measured no slower.
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

/** Room for a frame's JSON header in a reused message buffer (a header is ~70 bytes). */
const HEADER_ROOM = 256;

/**
 * encodeFrame into reused message buffers (issue #15: main allocated ~1 MB a frame for its
 * messages). `pack` copies header and pixels into a spare buffer and returns the message, a view of
 * that buffer; `giveBack` returns it once the socket has written it (ws's send callback), never
 * before — the bytes of a message in flight are never touched. The message is byte for byte what
 * encodeFrame gives.
 */
export class FramePacker {
  private spare: Uint8Array[] = [];
  private capacity = 0;

  constructor(private readonly maxSpare = 8) {}

  pack(h: FrameHeader, rgba: Uint8Array): Uint8Array {
    const head = new TextEncoder().encode(JSON.stringify(h));
    const need = 4 + HEADER_ROOM + rgba.byteLength;
    if (head.byteLength > HEADER_ROOM) return packBinary(h, rgba);
    if (need !== this.capacity) {
      this.spare = []; // frames of another size: the old buffers are left to the GC
      this.capacity = need;
    }
    const buf = this.spare.pop() ?? new Uint8Array(need);
    new DataView(buf.buffer, buf.byteOffset).setUint32(0, head.byteLength, true);
    buf.set(head, 4);
    buf.set(rgba, 4 + head.byteLength);
    return buf.subarray(0, 4 + head.byteLength + rgba.byteLength);
  }

  /** `message` (from pack) has been written out: its buffer may carry a later frame. */
  giveBack(message: Uint8Array): void {
    const buf = new Uint8Array(message.buffer);
    if (message.byteOffset !== 0 || buf.byteLength !== this.capacity) return;
    if (this.spare.length >= this.maxSpare || this.spare.some((b) => b.buffer === buf.buffer)) return;
    this.spare.push(buf);
  }
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
