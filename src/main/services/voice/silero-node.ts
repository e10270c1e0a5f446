/**
 * Silero VAD in Node (files, CLI): the same ONNX file (@ricky0123/vad-web's silero_vad_v5.onnx) and
 * the same frame/state code (shared/voice/silero.ts) as the live page's detector, on one of two
 * runtimes of the same ONNX Runtime release:
 * - `native`: onnxruntime-node (optional dependency; its CPU binaries ship inside the npm package,
 *   and .npmrc skips its postinstall's CUDA download, so nothing is fetched). About 5× less CPU than
 *   the WebAssembly build on a 30-min file (see bench/voice.ts and the README's Speed table).
 * - `wasm`: onnxruntime-web's WebAssembly build, single-threaded, the runtime the live page uses.
 *   The fallback when the native module is missing or cannot load on this platform.
 * Both answer the same probabilities to float precision on the same input (test/unit/voice-fast-path).
 */
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadSilero, type OrtModule, type SileroModel } from '../../../shared/voice/silero';

export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';
export const SILERO_DETECTOR = 'silero-vad-v5' as const;

export type SileroRuntime = 'native' | 'wasm';

export interface NodeSileroModel extends SileroModel {
  runtime: SileroRuntime;
  /** Why the native runtime was not used (when it was wanted and failed). */
  nativeError?: string;
}

const cached = new Map<SileroRuntime, Promise<NodeSileroModel>>();

export function sileroModelPath(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@ricky0123/vad-web/package.json')), 'dist', SILERO_MODEL_FILE);
}

async function loadOn(runtime: SileroRuntime): Promise<NodeSileroModel> {
  const bytes = new Uint8Array(await fs.readFile(sileroModelPath()));
  if (runtime === 'native') {
    // A package name in a variable keeps bundlers from trying to inline the native module.
    const name = 'onnxruntime-node';
    const ort = (await import(/* @vite-ignore */ name)) as typeof import('onnxruntime-node');
    ort.env.logLevel = 'error';
    // One intra-op thread: the machine's other work (ffmpeg, the UI) keeps the other core, and a
    // second thread doubled the CPU time on the 2-core machine without shortening the run.
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
    return { ort: ort as unknown as OrtModule, session: session as unknown as SileroModel['session'], runtime };
  }
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  return { ...(await loadSilero(ort, bytes)), runtime };
}

/**
 * Loads once per process and runtime; a failure is not cached so a later call may try again.
 * `prefer: 'native'` (the default) falls back to wasm and says why in `nativeError`;
 * CAPTURE_STUDIO_SILERO_RUNTIME=wasm forces the WebAssembly build.
 */
export async function loadSileroNode(prefer: SileroRuntime = process.env.CAPTURE_STUDIO_SILERO_RUNTIME === 'wasm' ? 'wasm' : 'native'): Promise<NodeSileroModel> {
  const get = (r: SileroRuntime) => {
    let p = cached.get(r);
    if (!p) {
      p = loadOn(r);
      cached.set(r, p);
      p.catch(() => cached.delete(r));
    }
    return p;
  };
  if (prefer === 'wasm') return get('wasm');
  try {
    return await get('native');
  } catch (err) {
    const m = await get('wasm');
    return { ...m, nativeError: (err as Error).message.split('\n')[0]!.slice(0, 160) };
  }
}
