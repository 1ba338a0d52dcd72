import { defineConfig } from 'vitest/config';

// Unit and integration tests: beside the code (*.test.ts) and in test/contract, test/ingest, etc.
// Browser end-to-end tests have their own config (vitest.e2e.config.mts).
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
