import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Test tooling, not app code: like e2e/serve.ts it may read process.env directly.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

/** Debian's Chromium where present: `npx playwright install` cannot download browsers here. */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined; // undefined: Playwright's own
}

export default defineConfig({
  testDir: 'e2e',
  // The root vitest config excludes apps/web/e2e, so these *.spec.ts files are Playwright's alone.
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // CI also writes JSON so .ci/run can print one closing pass/fail line for every suite.
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never' }], ['json', { outputFile: 'test-results/results.json' }]]
    : 'list',
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 1000 },
        launchOptions: {
          executablePath: chromiumExecutable(),
          // Without the networking flags Chromium floods the closed network with refused
          // connections; the resolver rule leaves it nothing but loopback.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-quic',
            '--disable-dev-shm-usage',
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
          ],
        },
      },
    },
  ],
  webServer: {
    // Embedded PostgreSQL (migrated, seeded) + `next start` on the production build.
    command: 'node e2e/serve.ts',
    url: `${baseURL}/api/trpc/health.ping`,
    // Quiet per-call logs unless asked for; failures still log at error level.
    env: { E2E_PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
  },
});
