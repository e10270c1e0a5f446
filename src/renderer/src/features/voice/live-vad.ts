/**
 * Silero VAD live in the page: the same model file and runtime as main (onnxruntime-web's wasm,
 * served by the app, one thread; the ONNX file from @ricky0123/vad-web), fed the microphone's
 * blocks downmixed and resampled to 16 kHz. Counts effective speech as main does (frames with
 * p ≥ 0.5). When it cannot load, the caller falls back to the level estimate and says so.
 */
import * as ort from 'onnxruntime-web/wasm';
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url&no-inline';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url&no-inline';
import modelUrl from '@ricky0123/vad-web/dist/silero_vad_v5.onnx?url&no-inline';
import { VOICE_VAD } from '../../../../shared/standards';
import { loadSilero, SileroStream, type SileroModel } from '../../../../shared/voice/silero';

let model: Promise<SileroModel> | null = null;

function load(): Promise<SileroModel> {
  model ??= (async () => {
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.wasmPaths = { mjs: mjsUrl, wasm: wasmUrl };
    const bytes = new Uint8Array(await (await fetch(modelUrl)).arrayBuffer());
    return loadSilero(ort, bytes);
  })().catch((err: unknown) => {
    model = null;
    throw err;
  });
  return model;
}

export class LiveVad {
  speechS = 0;
  private stream: SileroStream | null = null;
  private readonly frame = new Float32Array(VOICE_VAD.frameSamples);
  private fill = 0;
  private pos = 0;
  private queue = Promise.resolve();

  private constructor(private readonly rate: number, private readonly channels: number) {}

  static async open(rate: number, channels: number): Promise<LiveVad> {
    const v = new LiveVad(rate, channels);
    v.stream = new SileroStream(await load());
    return v;
  }

  /** Interleaved float samples at the capture rate; resampled by linear interpolation to 16 kHz. */
  push(pcm: Float32Array, onSpeech: (speechS: number) => void): void {
    const step = this.rate / VOICE_VAD.sampleRate;
    const frames = pcm.length / this.channels;
    const at = (i: number) => {
      let s = 0;
      for (let c = 0; c < this.channels; c++) s += pcm[i * this.channels + c]!;
      return s / this.channels;
    };
    for (; this.pos < frames - 1; this.pos += step) {
      const i = Math.floor(this.pos);
      const f = this.pos - i;
      this.frame[this.fill++] = at(i) * (1 - f) + at(i + 1) * f;
      if (this.fill === this.frame.length) {
        const x = this.frame.slice();
        this.fill = 0;
        this.queue = this.queue.then(async () => {
          const p = await this.stream!.push(x);
          if (p >= VOICE_VAD.onProb) {
            this.speechS += VOICE_VAD.frameSamples / VOICE_VAD.sampleRate;
            onSpeech(this.speechS);
          }
        });
      }
    }
    this.pos -= frames;
  }
}
