import { analyseBackdrop, type KeyAnalysis } from '../../../../shared/keying/analysis';
import type { GreenParams } from '../../../../shared/green-params';
import type { RgbaFrame } from '../../../../shared/keying/cpu-keyer';

export interface AnalysisRequest {
  id: number;
  width: number;
  height: number;
  /** The frame's pixels, transferred (not copied) to the worker. */
  data: ArrayBuffer;
  params: GreenParams;
  time: number;
}
export type AnalysisReply = { id: number; analysis: KeyAnalysis } | { id: number; error: string };

/**
 * Runs the backdrop check in a worker, newest picture first: while one frame is analysed, only the
 * latest request waits (older ones are dropped, their answer would be stale anyway). Where a worker
 * cannot start, the check runs on this thread as before.
 */
export class BackdropAnalyser {
  private worker: Worker | null = null;
  private busy: number | null = null;
  private waiting: { req: AnalysisRequest; done: (a: KeyAnalysis | null) => void } | null = null;
  private pending = new Map<number, (a: KeyAnalysis | null) => void>();
  private nextId = 1;

  constructor() {
    try {
      this.worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'keying-analysis' });
      this.worker.onmessage = (e: MessageEvent<AnalysisReply>) => this.settle(e.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.worker = null;
    }
  }

  /** Where the check runs: 'worker', or 'main' after a worker could not start or died. */
  get thread(): 'worker' | 'main' {
    return this.worker ? 'worker' : 'main';
  }

  /** The analysis of `frame`, or null when a newer frame replaced it before it ran. */
  analyse(frame: RgbaFrame, params: GreenParams, time: number): Promise<KeyAnalysis | null> {
    if (!this.worker) return Promise.resolve(analyseBackdrop(frame, params, { time }));
    // A private copy to transfer: the caller's buffer may be a canvas's, reused for the next grab.
    const data = new Uint8ClampedArray(frame.data).buffer;
    const req: AnalysisRequest = { id: this.nextId++, width: frame.width, height: frame.height, data, params, time };
    return new Promise((done) => {
      if (this.busy === null) this.send(req, done);
      else {
        this.waiting?.done(null);
        this.waiting = { req, done };
      }
    });
  }

  close(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const done of this.pending.values()) done(null);
    this.pending.clear();
    this.waiting?.done(null);
    this.waiting = null;
  }

  private send(req: AnalysisRequest, done: (a: KeyAnalysis | null) => void): void {
    this.busy = req.id;
    this.pending.set(req.id, done);
    this.worker!.postMessage(req, [req.data]);
  }

  private settle(reply: AnalysisReply): void {
    const done = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.busy = null;
    if ('analysis' in reply) done?.(reply.analysis);
    else {
      console.error(`backdrop check failed: ${reply.error}`);
      done?.(null);
    }
    const next = this.waiting;
    this.waiting = null;
    if (next && this.worker) this.send(next.req, next.done);
  }

  /** The worker died (e.g. a CSP or bundling problem): answer what is open on this thread from now on. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    this.busy = null;
    for (const done of this.pending.values()) done(null);
    this.pending.clear();
    this.waiting?.done(null);
    this.waiting = null;
  }
}
