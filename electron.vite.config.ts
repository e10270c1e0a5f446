import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { visionAssets } from './src/build/vite-vision-assets';

// A separate output folder lets parallel builds (several worktrees or agents) not trample each other.
const out = process.env.CAPTURE_STUDIO_OUT ?? 'out';

export default defineConfig({
  main: {
    build: { outDir: `${out}/main`, rollupOptions: { input: { index: resolve('src/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot be an ES module: emit CommonJS.
    build: {
      outDir: `${out}/preload`,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: resolve(`${out}/renderer`),
      rollupOptions: {
        input: {
          index: resolve('src/renderer/index.html'),
          // The acceptance checker's page: the vision worker fed with decoded frames (CLI, serve mode).
          'frame-analyzer': resolve('src/renderer/frame-analyzer.html'),
        },
      },
    },
    plugins: [react(), visionAssets()],
  },
});
