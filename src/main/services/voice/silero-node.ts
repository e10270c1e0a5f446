/**
 * Silero VAD in Node (files, CLI): onnxruntime-web's WebAssembly build, single-threaded, with the
 * model file from the @ricky0123/vad-web package (both from the npm registry; nothing downloads at
 * run time). onnxruntime-node was not used: one runtime for the browser and Node keeps the
 * detector identical in both places.
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadSilero, type SileroModel } from '../../../shared/voice/silero';

export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';
export const SILERO_DETECTOR = 'silero-vad-v5' as const;

let cached: Promise<SileroModel> | null = null;

export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', SILERO_MODEL_FILE);
}

/** Loads once per process; a failure is not cached so a later call may try again. */
export function loadSileroNode(): Promise<SileroModel> {
  cached ??= (async () => {
    const ort = await import('onnxruntime-web');
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    const bytes = await fs.readFile(sileroModelPath());
    return loadSilero(ort, new Uint8Array(bytes));
  })().catch((err: unknown) => {
    cached = null;
    throw err;
  });
  return cached;
}
