/**
 * Silero VAD v5 (the ONNX file @ricky0123/vad-web ships) run through onnxruntime-web: in Node for
 * files and the CLI (the browser can run the same code; the live screen does not use it yet). No
 * download at run time. The model takes 512 new samples at 16 kHz plus the previous frame's last
 * 64 (its context), a recurrent state [2, B, 128], and answers a speech probability per frame.
 *
 * For files the audio is cut into `lanes` contiguous stretches that run as one batch (B = lanes):
 * the per-call overhead, not the arithmetic, dominates a single stream. Each lane first runs
 * `warmupFrames` frames of the audio before its start so its state has settled; those outputs are
 * dropped.
 */
import type * as Ort from 'onnxruntime-web';

const FRAME = 512;
const CONTEXT = 64;

export type OrtModule = Pick<typeof Ort, 'Tensor' | 'InferenceSession'>;

export interface SileroModel {
  ort: OrtModule;
  session: Ort.InferenceSession;
}

export async function loadSilero(ort: OrtModule, modelBytes: Uint8Array): Promise<SileroModel> {
  const session = await ort.InferenceSession.create(modelBytes);
  return { ort, session };
}

export async function sileroProbs(
  model: SileroModel,
  samples: Float32Array,
  opts: { lanes?: number; warmupFrames?: number; signal?: AbortSignal; onProgress?: (fraction: number) => void } = {},
): Promise<Float32Array> {
  const { ort, session } = model;
  const frames = Math.floor(samples.length / FRAME);
  const out = new Float32Array(frames);
  if (frames === 0) return out;
  // About 5 s of audio a lane, at most 256 lanes (measured: 180 s took 18.4 s at 32 lanes, 10.0 s at
  // 128, 7.8 s at 512 on this loaded 2-core machine; the per-call overhead shrinks with the batch).
  const lanes = Math.max(1, Math.min(opts.lanes ?? 256, Math.ceil(frames / 156)));
  const warm = opts.warmupFrames ?? 16;
  const per = Math.ceil(frames / lanes);
  const starts = Array.from({ length: lanes }, (_, l) => l * per);
  const sr = new ort.Tensor('int64', BigInt64Array.from([16000n]));
  let state: Ort.Tensor = new ort.Tensor('float32', new Float32Array(2 * lanes * 128), [2, lanes, 128]);
  const input = new Float32Array(lanes * (CONTEXT + FRAME));
  const steps = per + warm;
  for (let s = 0; s < steps; s++) {
    if (opts.signal?.aborted) throw new Error('cancelled');
    for (let l = 0; l < lanes; l++) {
      // Lane l's frame index at this step; before its start while warming up (clamped at 0).
      const f = starts[l]! - warm + s;
      const base = l * (CONTEXT + FRAME);
      const from = f * FRAME - CONTEXT;
      for (let i = 0; i < CONTEXT + FRAME; i++) {
        const k = from + i;
        input[base + i] = k >= 0 && k < samples.length && f >= 0 && f < frames ? samples[k]! : 0;
      }
    }
    const res = await session.run({ input: new ort.Tensor('float32', input, [lanes, CONTEXT + FRAME]), state, sr });
    state = res.stateN as Ort.Tensor;
    const probs = res.output!.data as Float32Array;
    for (let l = 0; l < lanes; l++) {
      const f = starts[l]! - warm + s;
      if (s >= warm && f >= starts[l]! && f < Math.min(frames, starts[l]! + per)) out[f] = probs[l]!;
    }
    if (s % 50 === 0) opts.onProgress?.(s / steps);
  }
  return out;
}

/** One live stream (the browser's microphone): 512-sample frames at 16 kHz in, a probability out. */
export class SileroStream {
  private state: Ort.Tensor;
  private readonly sr: Ort.Tensor;
  private context = new Float32Array(CONTEXT);

  constructor(private readonly model: SileroModel) {
    this.state = new model.ort.Tensor('float32', new Float32Array(256), [2, 1, 128]);
    this.sr = new model.ort.Tensor('int64', BigInt64Array.from([16000n]));
  }

  async push(frame: Float32Array): Promise<number> {
    const x = new Float32Array(CONTEXT + FRAME);
    x.set(this.context, 0);
    x.set(frame.subarray(0, FRAME), CONTEXT);
    this.context = x.slice(FRAME);
    const res = await this.model.session.run({ input: new this.model.ort.Tensor('float32', x, [1, CONTEXT + FRAME]), state: this.state, sr: this.sr });
    this.state = res.stateN as Ort.Tensor;
    return (res.output!.data as Float32Array)[0]!;
  }
}
