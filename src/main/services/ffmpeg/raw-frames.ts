/**
 * Reassemble fixed-size raw frames from a byte stream (ffmpeg `-f rawvideo pipe:1`): chunks arrive
 * in any size, frames leave whole and in order. `push` returns a promise while the consumer is
 * busy, which streamFfmpeg turns into backpressure (ffmpeg waits), so memory stays at one frame.
 */
export class RawFrameReader {
  private frame: Uint8Array;
  private filled = 0;
  private count = 0;

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

  async push(chunk: Uint8Array): Promise<void> {
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(this.frameBytes - this.filled, chunk.length - at);
      this.frame.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === this.frameBytes) {
        // Each frame gets its own buffer: the consumer may keep it (continuity keeps the last one).
        const whole = this.frame;
        this.frame = new Uint8Array(this.frameBytes);
        this.filled = 0;
        await this.onFrame(whole, this.count++);
      }
    }
  }
}
