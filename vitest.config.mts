import { defineConfig } from 'vitest/config';

// Two projects so `npm test` can run the browser tests on their own, after the rest:
// on a 2-core CI machine an e2e test sharing the CPU with the crash trials and the
// 30,000-row imports ran four times slower than alone and hit its timeout.
export default defineConfig({
  test: {
    environment: 'node',
    hookTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // a whole user journey in a real browser; a hang still fails, just later
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
