import { defineConfig } from 'vitest/config';

// Unit tests of pure UI logic run in Node; browser tests (e2e/) start the whole platform and
// Debian's Chromium, so they run one file at a time with generous timeouts.
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
