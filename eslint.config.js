import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importBoundaries } from './scripts/eslint-import-boundaries.js';

const root = path.dirname(fileURLToPath(import.meta.url));

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules (ADR 0005): a promise nobody awaits loses its error; a promise where a
    // callback's void is expected (an async onClick, an async event listener) runs unobserved.
    // projectService reuses the tsconfig projects, so lint types match `npm run typecheck`.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // Import boundaries (ADR 0005), resolved to real paths so `../..` cannot slip past a pattern:
    // src/shared runs in main and renderer alike; services are transport-free (no Electron, no
    // serve.ts/index.ts); the renderer reaches main only through the contract.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'import-boundaries': importBoundaries } } },
    rules: {
      'local/import-boundaries': [
        'error',
        {
          root,
          zones: [
            {
              from: 'src/shared/',
              forbid: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'stream', 'worker_threads', 'electron', 'react', 'react-dom', 'src/main/', 'src/renderer/', 'src/preload/', 'src/cli/'],
              why: 'src/shared is imported by main and renderer alike: no Node, Electron, DOM framework or app code',
            },
            {
              from: 'src/main/services/',
              forbid: ['electron', 'src/main/serve.ts', 'src/main/index.ts', 'src/main/studio.ts', 'src/renderer/'],
              why: 'services are plain Node, used by every transport: never Electron, serve.ts, index.ts or studio.ts',
            },
            {
              from: 'src/renderer/',
              forbid: ['src/main/', 'src/cli/', 'electron', 'node:*'],
              why: 'the renderer reaches main only through the contract (src/shared/api.ts) and the preload bridge',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
