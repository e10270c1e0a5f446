import type { FrameMeasurement } from '../../../shared/vision/analysis';
import type { FaceAnalyzer, RgbaFrame } from './face-analyzer';

/**
 * Keeps up to 2 × `analyzer.concurrency` frames in flight (one being measured on each vision worker,
 * one waiting) while the rules still see every answer in frame order: `push` waits only when the
 * window is full, so ffmpeg's backpressure holds memory at a few frames whatever the file's length.
 * The answer of a frame does not depend on which worker measured it (IMAGE mode, no history), so
 * the result is the same for any pool size (issue #15).
 */
export class FacePipeline {
  private readonly window: { frame: RgbaFrame; answer: Promise<FrameMeasurement>; done?: () => void }[] = [];
  private readonly depth: number;

  constructor(
    private readonly analyzer: FaceAnalyzer,
    private readonly consume: (frame: RgbaFrame, m: FrameMeasurement) => void,
  ) {
    // Two frames a worker: while one is measured the next already waits in the page, so no worker
    // idles while a frame crosses the socket (a round trip costs ~20-30 ms beyond the worker's own
    // time on the loaded test machine: bench checker's round-trip-ms).
    this.depth = 2 * Math.max(1, Math.floor(analyzer.concurrency ?? 1));
  }

  /** `done` is called once the frame's answer has been consumed (its pixels are no longer needed). */
  async push(frame: RgbaFrame, done?: () => void): Promise<void> {
    const answer = this.analyzer.measure(frame);
    // Handled when its turn comes; the catch here only keeps an early failure from being "unhandled".
    answer.catch(() => {});
    this.window.push({ frame, answer, done });
    while (this.window.length >= this.depth) await this.next();
  }

  /** Every frame still in flight, in order. */
  async drain(): Promise<void> {
    while (this.window.length) await this.next();
  }

  /**
   * One frame consumed at a time, in order, whoever asks (push's loop and drain may both wait): two
   * callers each shifting a frame and consuming it when its answer came would swap neighbours.
   */
  private next(): Promise<void> {
    this.consuming = this.consuming.then(async () => {
      const head = this.window.shift();
      if (!head) return;
      this.consume(head.frame, await head.answer);
      head.done?.();
    });
    return this.consuming;
  }
  private consuming: Promise<void> = Promise.resolve();
}
