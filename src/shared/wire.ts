/**
 * Serve mode's WebSocket framing of the contract. Calls are JSON text frames; a call that carries
 * bytes (recording chunks) is one binary frame: a 4-byte little-endian header length, the JSON
 * header, then the raw bytes, which land in the input field named by `binaryField`.
 */
import type { Result } from './api';

export type ClientMessage = { t: 'call'; id: number; method: string; input: unknown; binaryField?: string };
export type ServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; event: string; payload: unknown };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** One binary message: a 4-byte little-endian header length, the JSON header, then the bytes. */
export function packBinary(header: unknown, bytes: Uint8Array): Uint8Array {
  const head = encoder.encode(JSON.stringify(header));
  const out = new Uint8Array(4 + head.byteLength + bytes.byteLength);
  new DataView(out.buffer).setUint32(0, head.byteLength, true);
  out.set(head, 4);
  out.set(bytes, 4 + head.byteLength);
  return out;
}

/** The inverse of packBinary; the bytes come back as a copy with a buffer of their own. */
export function unpackBinary<H>(frame: Uint8Array): { header: H; bytes: Uint8Array<ArrayBuffer> } {
  if (frame.byteLength < 4) throw new Error('binary frame too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const headLen = view.getUint32(0, true);
  if (4 + headLen > frame.byteLength) throw new Error('binary frame header overruns the frame');
  const header = JSON.parse(decoder.decode(frame.subarray(4, 4 + headLen))) as H;
  return { header, bytes: frame.slice(4 + headLen) };
}

export function encodeBinaryCall(header: ClientMessage, bytes: Uint8Array): Uint8Array {
  return packBinary(header, bytes);
}

/**
 * Decode either frame kind into a call whose input has the bytes put back in place. Throws on
 * anything that is not a call object ({t:'call', id, method}): `null`, `[]`, `"x"`, `{"t":1}` …
 */
export function decodeClientFrame(frame: string | Uint8Array): ClientMessage {
  if (typeof frame === 'string') return asCall(JSON.parse(frame));
  const { header, bytes } = unpackBinary<unknown>(frame);
  const call = asCall(header);
  if (call.binaryField && call.input && typeof call.input === 'object' && !Array.isArray(call.input)) {
    (call.input as Record<string, unknown>)[call.binaryField] = bytes;
  }
  return call;
}

function asCall(v: unknown): ClientMessage {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('a frame must be a JSON object');
  const m = v as Record<string, unknown>;
  if (m.t !== 'call' || !Number.isSafeInteger(m.id) || typeof m.method !== 'string') throw new Error('a frame must be a call {t, id, method, input}');
  if (m.binaryField !== undefined && (typeof m.binaryField !== 'string' || m.binaryField === '__proto__')) throw new Error('binaryField must be a field name');
  return m as ClientMessage;
}
