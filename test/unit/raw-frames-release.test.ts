/**
 * RawFrameReader.release (issue #15): a frame's buffer carries a later frame only once the consumer
 * gave it back; frames still held are never written over, whatever the caller gives back.
 */
import { describe, expect, it } from 'vitest';
import { RawFrameReader } from '../../src/main/services/ffmpeg/raw-frames';

/** A stream of `count` frames of `bytes` bytes, frame i filled with i + 1, cut into odd chunks. */
function stream(count: number, bytes: number, chunk = 5): Uint8Array[] {
  const all = new Uint8Array(count * bytes);
  for (let i = 0; i < count; i++) all.fill(i + 1, i * bytes, (i + 1) * bytes);
  const out: Uint8Array[] = [];
  for (let at = 0; at < all.length; at += chunk) out.push(all.slice(at, at + chunk));
  return out;
}

async function feed(reader: RawFrameReader, chunks: Uint8Array[]): Promise<void> {
  for (const c of chunks) await reader.push(c);
}

describe('RawFrameReader.release', () => {
  it('a released buffer carries the next frame; held frames keep their bytes', async () => {
    const held: Uint8Array[] = [];
    const seen: number[] = [];
    const reader = new RawFrameReader(8, (f, i) => {
      seen.push(f[0]!);
      if (i % 2 === 0) reader.release(f); // even frames are given back at once
      else held.push(f);
    });
    await feed(reader, stream(10, 8));
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Every held (odd-index) frame still has its own bytes, all 8 of them.
    expect(held.map((f) => Array.from(f))).toEqual([2, 4, 6, 8, 10].map((v) => new Array(8).fill(v)));
    expect(new Set(held.map((f) => f.buffer)).size).toBe(held.length);
  });

  it('frames released in a window of 4 (the face pipeline) come out whole and in order', async () => {
    const window: Uint8Array[] = [];
    const out: number[][] = [];
    const reader = new RawFrameReader(6, (f) => {
      window.push(f);
      if (window.length === 4) {
        const head = window.shift()!;
        out.push(Array.from(head));
        reader.release(head);
      }
    });
    await feed(reader, stream(20, 6, 7));
    for (const f of window) out.push(Array.from(f));
    expect(out).toEqual(Array.from({ length: 20 }, (_, i) => new Array(6).fill(i + 1)));
  });

  const careless: [string, (r: RawFrameReader, last: Uint8Array) => void][] = [
    ['the same frame twice', (r, last) => {
      r.release(last);
      r.release(last);
    }],
    ['a buffer of another size', (r) => r.release(new Uint8Array(5))],
    ['a view into a larger buffer', (r) => r.release(new Uint8Array(16).subarray(0, 8))],
  ];
  it.each(careless)('given %s, no two frames share a buffer', async (_name, misuse) => {
    const frames: Uint8Array[] = [];
    const reader = new RawFrameReader(8, (f) => {
      frames.push(f);
    });
    await feed(reader, stream(1, 8));
    misuse(reader, frames[0]!);
    await feed(reader, stream(3, 8).map((c) => c.map((v) => v + 10)));
    const buffers = frames.slice(1).map((f) => f.buffer);
    expect(new Set(buffers).size).toBe(3);
    expect(frames.slice(1).map((f) => f[7])).toEqual([11, 12, 13]);
  });
});
