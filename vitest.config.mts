import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // e2e tests start browser hosts and Chromium: keep files sequential on 2 cores
    fileParallelism: true,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
