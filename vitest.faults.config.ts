import { defineConfig } from 'vitest/config';

// `npm run test:faults`: tests that stop, lock or saturate a PostgreSQL of their own, send
// SIGTERM under load, or build a production install. Slower than `npm test`; CI runs both.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Load and fault tests measure timing: one file at a time keeps them from skewing each other.
    fileParallelism: false,
  },
});
