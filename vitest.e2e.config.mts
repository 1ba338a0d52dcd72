import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: playwright-core driving Debian's Chromium against the HTTP host.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
