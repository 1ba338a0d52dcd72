import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererViteConfig } from './vite.config';

/**
 * Three builds for the Electron app:
 *  - main: the Electron host (out/main/index.js) AND the backend process entry
 *    (out/main/backend.js), which main starts with utilityProcess.fork. @duckdb/node-api stays
 *    external (it is a runtime dependency; duckdb.node must sit next to libduckdb.so on disk).
 *  - preload: one CommonJS file (out/preload/index.cjs), because a sandboxed preload cannot be
 *    an ES module and can only require 'electron'; everything else (the method list) is bundled.
 *  - renderer: the same build as the plain `vite build` used by the HTTP host (vite.config.ts).
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          backend: resolve(import.meta.dirname, 'electron/core/process.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle the contract into the preload: a sandboxed preload can only require('electron').
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererViteConfig,
});
