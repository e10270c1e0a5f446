/**
 * FacePipeline's bookkeeping (issue #15): answers that come back out of order (several workers)
 * reach the rules in frame order, the window never holds more than two frames a worker, and a
 * failed frame fails the pass instead of being skipped. The real workers are exercised by
 * checker-face-pool.test.ts; here an analyzer answers when the test says so.
 */
import { describe, expect, it } from 'vitest';
import { FacePipeline } from '../../src/main/services/checker/face-pipeline';
import type { FaceAnalyzer, RgbaFrame } from '../../src/main/services/checker/face-analyzer';
import type { FrameMeasurement } from '../../src/shared/vision/analysis';

function controlled(concurrency: number) {
  const waiting: { t: number; resolve: (m: FrameMeasurement) => void; reject: (e: Error) => void }[] = [];
  let maxInFlight = 0;
  const analyzer: FaceAnalyzer = {
    concurrency,
    measure: (frame) =>
      new Promise((resolve, reject) => {
        waiting.push({ t: frame.t, resolve, reject });
        maxInFlight = Math.max(maxInFlight, waiting.length);
      }),
    close: async () => {},
  };
  return { analyzer, waiting, maxInFlight: () => maxInFlight };
}

const frame = (t: number): RgbaFrame => ({ t, rgba: new Uint8Array(4), width: 1, height: 1 });
const answer = (t: number) => ({ faces: [], t }) as unknown as FrameMeasurement;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('FacePipeline', () => {
  it('consumes answers in frame order when they arrive newest first, two frames a worker at most', async () => {
    const { analyzer, waiting, maxInFlight } = controlled(2);
    const seen: number[] = [];
    const pipe = new FacePipeline(analyzer, (f) => seen.push(f.t));
    const pushes: Promise<void>[] = [];
    for (let t = 0; t < 10; t++) {
      const p = pipe.push(frame(t));
      pushes.push(p);
      await Promise.race([p, tick()]);
      // Answer the newest waiting frame first, whenever the window is full.
      if (waiting.length === 4) {
        for (const w of waiting.splice(0).reverse()) w.resolve(answer(w.t));
      }
    }
    for (const w of waiting.splice(0).reverse()) w.resolve(answer(w.t));
    await Promise.all(pushes);
    await pipe.drain();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(maxInFlight()).toBe(4);
  });

  it('a frame the page could not measure fails the pass', async () => {
    const { analyzer, waiting } = controlled(1);
    const pipe = new FacePipeline(analyzer, () => {});
    const first = pipe.push(frame(0));
    await tick();
    const second = pipe.push(frame(1));
    await tick();
    waiting[0]!.reject(new Error('the analyzer page went away'));
    waiting[1]!.resolve(answer(1));
    await first;
    await expect(second).rejects.toThrow('went away');
  });

  it('gives each frame back (done) only after its answer was consumed, in frame order', async () => {
    const { analyzer, waiting } = controlled(2);
    const events: string[] = [];
    const pipe = new FacePipeline(analyzer, (f) => events.push(`consume ${f.t}`));
    const pushes: Promise<void>[] = [];
    for (let t = 0; t < 6; t++) {
      const p = pipe.push(frame(t), () => events.push(`done ${t}`));
      pushes.push(p);
      await Promise.race([p, tick()]);
      if (waiting.length === 4) for (const w of waiting.splice(0).reverse()) w.resolve(answer(w.t));
    }
    for (const w of waiting.splice(0)) w.resolve(answer(w.t));
    await Promise.all(pushes);
    await pipe.drain();
    expect(events).toEqual([0, 1, 2, 3, 4, 5].flatMap((t) => [`consume ${t}`, `done ${t}`]));
  });
  it('drain while a push still waits (ffmpeg closed before the last chunk was handed over): answers arriving newest first are still consumed in frame order', async () => {
    // What a CI run caught: frames 428/429 of d18x2 swapped when drain() and push()'s loop each took
    // a frame and consumed it when its own answer came.
    const { analyzer, waiting } = controlled(1);
    const seen: number[] = [];
    const pipe = new FacePipeline(analyzer, (f) => seen.push(f.t));
    await Promise.race([pipe.push(frame(0)), tick()]);
    const pushing = pipe.push(frame(1)); // window full: waits for frame 0's answer
    await tick();
    const draining = pipe.drain(); // the caller goes on at once, as the video pass used to
    await tick();
    waiting[1]!.resolve(answer(1));
    await tick();
    waiting[0]!.resolve(answer(0));
    await Promise.all([pushing, draining]);
    await pipe.drain();
    expect(seen).toEqual([0, 1]);
  });
});
