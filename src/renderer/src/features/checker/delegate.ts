/**
 * Which workers measure the checker's frames (issue #15): the CPU pool, or one GPU-delegate worker
 * where a real GPU is present and its answers on the file's first frames agree with the CPU's.
 *
 * Deterministic by frame position, never by timing: the first GPU_AGREEMENT.frames frames are
 * measured by both and answered with the CPU's result; later frames wait until the choice is made,
 * then all go to the chosen side. CPU and GPU workers never share the rest of a file.
 */
import { disagreement, GPU_AGREEMENT, largestDifferences } from '../../../../shared/vision/gpu-delegate';
import type { FrameMeasurement } from '../../../../shared/vision/analysis';
import type { VisionClient, VisionResult } from '../vision/vision-client';
import type { RgbaFrame } from '../vision/worker-protocol';
import type { GpuProbe } from './gpu-probe';

export interface DelegateDecision {
  delegate: 'CPU' | 'GPU';
  /** WebGL2's renderer string (null: no WebGL2). */
  renderer: string | null;
  realGpu: boolean;
  /** Why, in a sentence. */
  reason: string;
  /** Largest CPU/GPU differences over the verified frames, when they were compared. */
  largest?: { lipGap: number; angleDeg: number; boxEdge: number };
  /** Frames measured by both. */
  verifiedFrames?: number;
}

interface Job {
  frame: RgbaFrame;
  timestamp: number;
  raw: boolean;
  resolve: (r: VisionResult) => void;
  reject: (e: Error) => void;
}

export class DelegateChoice {
  decided: DelegateDecision | null = null;
  onDecided: ((d: DelegateDecision) => void) | null = null;
  private readonly idle: VisionClient[];
  private readonly waiting: Job[] = [];
  /** Frames past the verified ones, while the choice is open. */
  private readonly parked: Job[] = [];
  private readonly pairs: { cpu: FrameMeasurement; gpu: FrameMeasurement }[] = [];
  private verifying = 0;
  private firstDisagreement: string | null = null;

  private constructor(
    private readonly cpu: VisionClient[],
    private gpu: VisionClient | null,
    private readonly probe: GpuProbe,
  ) {
    this.idle = [...cpu];
  }

  static async start(o: {
    /** cpu: the default; gpu: a real GPU, verified; gpu-any: any WebGL2, software too (tests). */
    wanted: 'cpu' | 'gpu' | 'gpu-any';
    gpu: GpuProbe;
    runningMode: 'IMAGE' | 'VIDEO';
    cpu: VisionClient[];
    createGpu: () => Promise<VisionClient>;
  }): Promise<DelegateChoice> {
    const cpuOnly = (reason: string) => {
      const c = new DelegateChoice(o.cpu, null, o.gpu);
      c.decide({ delegate: 'CPU', renderer: o.gpu.renderer, realGpu: o.gpu.real, reason });
      return c;
    };
    const found = o.gpu.renderer === null ? 'no WebGL2 in this browser, so no GPU' : o.gpu.real ? `a real GPU (${o.gpu.renderer})` : `no real GPU: WebGL2 renders in software (${o.gpu.renderer})`;
    if (o.wanted === 'cpu') {
      // Measured (checker-gpu-delegate.test.ts): the GPU graph's lip gaps can sit far from the CPU's on
      // frames past the verified ones, so the CPU stays the default and the reference.
      return cpuOnly(o.gpu.real ? `${found} is present; the CPU delegate is the default (CAPTURE_STUDIO_FACE_DELEGATE=gpu tries the GPU)` : found);
    }
    if (o.runningMode === 'VIDEO') return cpuOnly('VIDEO mode (the comparison path) runs on the CPU');
    if (o.wanted === 'gpu' && !o.gpu.real) return cpuOnly(found);
    try {
      return new DelegateChoice(o.cpu, await o.createGpu(), o.gpu);
    } catch (err) {
      return cpuOnly(`the GPU delegate did not start: ${(err as Error).message}`.slice(0, 300));
    }
  }

  analyse(frame: RgbaFrame, timestamp: number, raw: boolean): Promise<VisionResult> {
    return new Promise<VisionResult>((resolve, reject) => {
      const job: Job = { frame, timestamp, raw, resolve, reject };
      if (this.decided?.delegate === 'GPU') return this.onGpu(job);
      if (this.decided || this.verifying < GPU_AGREEMENT.frames) {
        if (!this.decided) this.verify(job);
        this.waiting.push(job);
        return this.dispatch();
      }
      this.parked.push(job);
    });
  }

  private onGpu(job: Job): void {
    this.gpu!.analyse(job.frame, job.timestamp, job.raw).then(job.resolve, job.reject);
  }

  /** The same frame on the GPU worker too (a copy: the CPU worker takes the pixels' buffer). */
  private verify(job: Job): void {
    this.verifying++;
    const copy: RgbaFrame = { width: job.frame.width, height: job.frame.height, data: new Uint8ClampedArray(job.frame.data) };
    const onCpu = new Promise<FrameMeasurement>((resolve, reject) => {
      const { resolve: done, reject: failed } = job;
      job.resolve = (r) => {
        resolve(r.frame);
        done(r);
      };
      job.reject = (e) => {
        reject(e);
        failed(e);
      };
    });
    const onGpu = this.gpu!.analyse(copy, job.timestamp, false).then((r) => r.frame);
    Promise.all([onCpu, onGpu]).then(
      ([c, g]) => {
        this.firstDisagreement ??= disagreement(c, g);
        this.pairs.push({ cpu: c, gpu: g });
        if (this.pairs.length === GPU_AGREEMENT.frames) this.close();
      },
      (err: Error) => {
        this.firstDisagreement ??= `the GPU worker failed a frame: ${err.message}`;
        this.close();
      },
    );
  }

  /** Verification over: choose, then hand the parked frames to the chosen side in order. */
  private close(): void {
    if (this.decided) return;
    const base = { renderer: this.probe.renderer, realGpu: this.probe.real, largest: largestDifferences(this.pairs), verifiedFrames: this.pairs.length };
    if (this.firstDisagreement) {
      void this.gpu?.close();
      this.gpu = null;
      this.decide({ ...base, delegate: 'CPU', reason: `the GPU answers differ from the CPU's: ${this.firstDisagreement}` });
      this.waiting.push(...this.parked.splice(0));
      this.dispatch();
    } else {
      this.decide({ ...base, delegate: 'GPU', reason: `the GPU agreed with the CPU on the first ${this.pairs.length} frames` });
      // The CPU workers' last verified frames may still run; they are closed once idle.
      for (const job of this.parked.splice(0)) this.onGpu(job);
      this.dispatch();
    }
  }

  private decide(d: DelegateDecision): void {
    this.decided = d;
    this.onDecided?.(d);
  }

  private dispatch(): void {
    while (this.idle.length && this.waiting.length) {
      const client = this.idle.pop()!;
      const job = this.waiting.shift()!;
      client
        .analyse(job.frame, job.timestamp, job.raw)
        .then(job.resolve, job.reject)
        .finally(() => {
          if (this.decided?.delegate === 'GPU' && !this.waiting.length) {
            void client.close(); // its landmarker's memory back; the GPU worker takes the rest
            return;
          }
          this.idle.push(client);
          this.dispatch();
        });
    }
  }
}
