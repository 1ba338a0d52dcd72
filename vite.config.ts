import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer build, shared by `vite build` (served by the HTTP host) and `electron-vite build`
 * (served from app://tokenscope/ in Electron), so both hosts run the very same bundle.
 * base './' keeps asset URLs relative, which works under both origins.
 */
export const rendererViteConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    // Set explicitly because electron-vite's renderer defaults differ from vite's (no minify),
    // and both hosts must serve the same bundle. Chromium has native modulepreload.
    minify: true,
    modulePreload: { polyfill: false },
    sourcemap: false,
    rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
  },
} satisfies UserConfig;

export default defineConfig(rendererViteConfig);
