/**
 * Reassemble fixed-size raw frames from a byte stream (ffmpeg `-f rawvideo pipe:1`): chunks arrive
 * in any size, frames leave whole and in order. `push` returns a promise while the consumer is
 * busy, which streamFfmpeg turns into backpressure (ffmpeg waits), so memory stays at one frame.
 */
export class RawFrameReader {
  private frame: Uint8Array;
  private filled = 0;
  private count = 0;
  /** Frames the consumer gave back (`release`), filled again before a new buffer is allocated. */
  private readonly free: Uint8Array[] = [];

  constructor(
    readonly frameBytes: number,
    private readonly onFrame: (frame: Uint8Array, index: number) => void | Promise<void>,
  ) {
    if (!Number.isInteger(frameBytes) || frameBytes <= 0) throw new RangeError(`frame size must be a positive whole number of bytes, not ${frameBytes}`);
    this.frame = new Uint8Array(frameBytes);
  }

  /** Frames handed out so far. */
  get frames(): number {
    return this.count;
  }

  /** Bytes of an unfinished last frame (a truncated stream); 0 when the stream ended on a frame. */
  get leftoverBytes(): number {
    return this.filled;
  }

  /**
   * The consumer is done with `frame` (no reference to it is kept anywhere): its buffer may carry a
   * later frame. Optional — frames never given back are left to the GC, as before. The checker's
   * video pass gives each frame back once its face answer has been used (issue #15: a fresh ~1 MB
   * buffer a frame was allocation and GC work on the studio's main thread).
   */
  release(frame: Uint8Array): void {
    if (frame.byteLength !== this.frameBytes || frame.byteOffset !== 0 || frame.buffer.byteLength !== this.frameBytes) return;
    // Twice, or the buffer being filled: ignored, or two frames would share one buffer.
    if (frame === this.frame || this.free.includes(frame) || this.free.length >= MAX_FREE_FRAMES) return;
    this.free.push(frame);
  }

  async push(chunk: Uint8Array): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(this.frameBytes - this.filled, chunk.length - at);
      this.frame.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.frameBytes) {
        // Each frame gets its own buffer, the consumer keeps it until it calls release().
        const whole = this.frame;
        this.frame = this.free.pop() ?? new Uint8Array(this.frameBytes);
        this.filled = 0;
        await this.onFrame(whole, this.count++);
      }
    }
  }
}

/** Frames in flight are a handful (the face pipeline's window); more given back are left to the GC. */
const MAX_FREE_FRAMES = 8;
