/**
 * Build support of the live face and lip monitor (issue #5), one plugin in the renderer build:
 *  - copies MediaPipe's wasm loader and binary from node_modules/@mediapipe/tasks-vision/wasm into
 *    <renderer out>/mediapipe/wasm, so the app serves them itself (never a CDN); the dev server
 *    serves the same files from node_modules;
 *  - adds the vision harness page (src/renderer/vision-harness.html), which runs the same worker
 *    on still images and frame sequences for the e2e tests and the benchmark.
 * Only the ES-module build of the loader is needed: the worker is a module worker.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { MEDIAPIPE_WASM_ROUTE } from '../shared/contract/vision';

const WASM_FILES = ['vision_wasm_module_internal.js', 'vision_wasm_module_internal.wasm'];

export function visionAssets(): Plugin {
  const source = path.resolve('node_modules/@mediapipe/tasks-vision/wasm');
  let outDir = '';
  return {
    name: 'capture-studio-vision-assets',
    config: () => ({
      build: { rollupOptions: { input: { 'vision-harness': path.resolve('src/renderer/vision-harness.html') } } },
    }),
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use(MEDIAPIPE_WASM_ROUTE, (req, res, next) => {
        const name = path.basename(new URL(req.url ?? '/', 'http://localhost').pathname);
        if (!WASM_FILES.includes(name)) return next();
        res.setHeader('content-type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8');
        createReadStream(path.join(source, name)).pipe(res);
      });
    },
    writeBundle() {
      const dest = path.join(outDir, MEDIAPIPE_WASM_ROUTE);
      mkdirSync(dest, { recursive: true });
      for (const f of WASM_FILES) {
        const from = path.join(source, f);
        if (!existsSync(from)) this.error(`${from} is missing: is @mediapipe/tasks-vision@1.1.0 installed?`);
        copyFileSync(from, path.join(dest, f));
      }
    },
  };
}
