/**
 * Progress and ETA of a voice job made of steps of known size (seconds of audio × a cost weight):
 * the overall fraction is the weighted sum of the steps' fractions, and the ETA is the time so far
 * scaled by what is left. The weights are rough (QC ≈ 1, afftdn ≈ 0.3, a copy ≈ 0.02 per second of
 * audio); the ETA corrects itself as the job runs because it is measured, not predicted.
 */
export interface WorkProgress {
  stage: string;
  fraction: number;
  etaSeconds: number | null;
}

export class WorkPlan {
  private readonly sizes: number[] = [];
  private readonly done: number[] = [];
  private readonly started = performance.now();

  constructor(private readonly emit: (p: WorkProgress) => void) {}

  /** Adds a step; the returned function reports its own fraction (0–1). */
  step(stage: string, seconds: number, weight: number): (fraction: number) => void {
    const i = this.sizes.push(Math.max(1e-3, seconds * weight)) - 1;
    this.done.push(0);
    return (fraction) => {
      this.done[i] = Math.min(1, Math.max(0, fraction)) * this.sizes[i]!;
      const total = this.sizes.reduce((a, b) => a + b, 0);
      const f = this.done.reduce((a, b) => a + b, 0) / total;
      const elapsed = (performance.now() - this.started) / 1000;
      this.emit({ stage, fraction: f, etaSeconds: f > 0.02 ? Math.round((elapsed * (1 - f)) / f) : null });
    };
  }
}
