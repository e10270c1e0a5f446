/**
 * The landmarker's GPU delegate for the checker (issue #15): used only where a real GPU is present,
 * and only once its answers on the file's first frames agree with the CPU delegate's on the same
 * frames; otherwise the CPU pool runs (the fallback). Never mixed with CPU workers in one pass: a
 * frame's answer must not depend on which worker took it.
 */
import type { FaceMeasurement, FrameMeasurement } from './analysis';

/** WebGL renderers that draw on the CPU (no GPU behind them). */
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software|lavapipe|basic render driver|mesa offscreen/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERERS.test(renderer);
}

/**
 * How far a GPU answer may sit from the CPU answer of the same frame and still count as the same
 * (engineering bounds, not the standard): both delegates run the same model in float32 but add and
 * multiply in another order, which moves landmarks by thousandths of the frame. Each bound is well
 * inside its rule's threshold (lip gap open from 0.012 of the eye distance, angle limits of 15° and
 * more, face height shares in percent), so an answer within them cannot move a finding by more than
 * the frame where a value sits on the threshold.
 */
export const GPU_AGREEMENT = {
  /** Frames of the file measured by both delegates before the GPU is trusted. */
  frames: 8,
  lipGap: 0.002,
  angleDeg: 1.5,
  boxEdge: 0.01,
} as const;

/** Why the GPU answer of a frame does not agree with the CPU answer, or null when it does. */
export function disagreement(cpu: FrameMeasurement, gpu: FrameMeasurement): string | null {
  if (cpu.faces.length !== gpu.faces.length) return `${gpu.faces.length} face(s) on the GPU, ${cpu.faces.length} on the CPU`;
  for (let i = 0; i < cpu.faces.length; i++) {
    const why = faceDisagreement(cpu.faces[i]!, gpu.faces[i]!);
    if (why) return `face ${i + 1}: ${why}`;
  }
  return null;
}

function faceDisagreement(c: FaceMeasurement, g: FaceMeasurement): string | null {
  const gap = Math.abs(c.lipGap - g.lipGap);
  if (gap > GPU_AGREEMENT.lipGap) return `lip gap differs by ${gap.toFixed(4)}`;
  for (const axis of ['yaw', 'pitch', 'roll'] as const) {
    const a = c[axis];
    const b = g[axis];
    if ((a === null) !== (b === null)) return `${axis} missing on one side`;
    if (a !== null && b !== null && Math.abs(a - b) > GPU_AGREEMENT.angleDeg) return `${axis} differs by ${Math.abs(a - b).toFixed(2)}°`;
  }
  for (const edge of ['x0', 'y0', 'x1', 'y1'] as const) {
    const d = Math.abs(c.box[edge] - g.box[edge]);
    if (d > GPU_AGREEMENT.boxEdge) return `face box ${edge} differs by ${d.toFixed(4)}`;
  }
  if (c.occluded !== g.occluded) return 'the lip colour check differs';
  return null;
}

/** The largest differences seen between the two delegates (for the log and the test). */
export function largestDifferences(pairs: { cpu: FrameMeasurement; gpu: FrameMeasurement }[]): { lipGap: number; angleDeg: number; boxEdge: number } {
  const out = { lipGap: 0, angleDeg: 0, boxEdge: 0 };
  for (const { cpu, gpu } of pairs) {
    for (let i = 0; i < Math.min(cpu.faces.length, gpu.faces.length); i++) {
      const c = cpu.faces[i]!;
      const g = gpu.faces[i]!;
      out.lipGap = Math.max(out.lipGap, Math.abs(c.lipGap - g.lipGap));
      for (const axis of ['yaw', 'pitch', 'roll'] as const) {
        const a = c[axis];
        const b = g[axis];
        if (a !== null && b !== null) out.angleDeg = Math.max(out.angleDeg, Math.abs(a - b));
      }
      for (const edge of ['x0', 'y0', 'x1', 'y1'] as const) out.boxEdge = Math.max(out.boxEdge, Math.abs(c.box[edge] - g.box[edge]));
    }
  }
  return out;
}
