import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{apps,packages}/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Fault tests stop and lock databases of their own: `npm run test:faults` runs them.
    exclude: ['**/node_modules/**', 'apps/web/e2e/**', 'test/faults/**'],
    globalSetup: ['test/global-setup.ts'],
    // Integration tests talk to a real server; give slow machines room.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
