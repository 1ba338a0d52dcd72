import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
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
/**
 * electron-vite's ESM shim adds `const require = __shims_module__.createRequire(import.meta.url)`
 * to any ES chunk that mentions `require(`; a bundled module that declares its own
 * `var require = createRequire(import.meta.url)` (electron/core/enrich/dataset.ts does) then makes
 * the chunk a SyntaxError ("Identifier 'require' has already been declared") and the backend
 * process dies at start. Both bindings are the same function (createRequire of the chunk's own
 * URL), so the module's copy is dropped. Runs after the shim (both 'post'; user plugins come later).
 */
function dedupeRequireShim(): Plugin {
  const shim = 'const require = __shims_module__.createRequire(import.meta.url);';
  const duplicate = /^(?:var|let|const) require = createRequire(?:\$\d+)?\(import\.meta\.url\);$/gm;
  return {
    name: 'tokenscope:dedupe-require-shim',
    apply: 'build',
    enforce: 'post',
    renderChunk(code) {
      if (!code.includes(shim) || !duplicate.test(code)) return null;
      duplicate.lastIndex = 0;
      return { code: code.replace(duplicate, '/* require: provided by the ESM shim above */'), map: null };
    },
  };
}

export default defineConfig({
  main: {
    plugins: [dedupeRequireShim()],
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
