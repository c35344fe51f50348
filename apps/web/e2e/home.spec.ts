import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { z } from 'zod';

// The wire shape of a single, non-batched tRPC query answer (superjson puts values under `json`).
const summaryResponse = z.object({
  result: z.object({
    data: z.object({
      json: z.object({ users: z.number(), workspaces: z.number(), projects: z.number(), tasks: z.number() }),
    }),
  }),
});

test('home dashboard shows a ready instance with live counts', async ({ page, request }, testInfo) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle('Taskforge');
  await expect(page.getByRole('heading', { level: 1, name: 'Taskforge' })).toBeVisible();

  const badge = page.getByTestId('status-badge');
  await expect(badge).toHaveAttribute('data-status', 'ready');
  await expect(badge).toHaveText('Ready');

  // The numbers on the page are the numbers the API reports.
  const summary = await request.get('/api/trpc/stats.summary');
  expect(summary.ok()).toBe(true);
  const counts = summaryResponse.parse(await summary.json()).result.data.json;
  for (const key of ['users', 'workspaces', 'projects', 'tasks'] as const) {
    await expect(page.getByTestId(`stat-${key}-value`)).toHaveText(
      new Intl.NumberFormat('en-US').format(counts[key]),
    );
  }
  await expect(page.getByTestId('tasks-by-status')).toBeVisible();
  await expect(page.getByTestId('status-row-DONE')).toBeVisible();
  await expect(page.getByTestId('migrations-pending')).toHaveText('0');
  await expect(page.getByTestId('db-latency')).toHaveText(/\d ms$/);
  await expect(page.getByTestId('server-time')).toHaveText(/\d{2}:\d{2}:\d{2} UTC/);
  await expect(page.getByTestId('api-endpoint')).toHaveText('/api/trpc');

  // The dashboard refreshes itself through the browser's tRPC client.
  const refresh = await page.waitForResponse((res) => res.url().includes('/api/trpc/'), { timeout: 12_000 });
  expect(refresh.status()).toBe(200);
  expect(refresh.headers()['x-request-id']).toMatch(/^[\w.:-]+$/);

  await page.screenshot({ path: join(testInfo.project.outputDir, 'home.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('tRPC responses carry the server’s request id, never the caller’s', async ({ request }) => {
  const generated = await request.get('/api/trpc/health.ping');
  expect(generated.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

  const sent = await request.get('/api/trpc/health.ping', { headers: { 'x-request-id': 'e2e-trace-42' } });
  expect(sent.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

  const failed = await request.get('/api/trpc/no.such.procedure', {
    headers: { 'x-request-id': 'e2e-trace-43' },
  });
  expect(failed.status()).toBe(404);
  expect(failed.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
});

test('TRACE is refused with the JSON 405, not a crash', async ({ request }) => {
  // The route module installs the guard when first called; instrumentation.ts should install it
  // at startup (then this warm-up is unnecessary).
  await request.get('/api/trpc/health.ping');
  const res = await request.fetch('/api/trpc/health.ping', { method: 'TRACE' });
  expect(res.status()).toBe(405);
  expect(res.headers().allow).toBe('GET, HEAD, OPTIONS, POST');
});

test('pages are served with security headers', async ({ request }) => {
  const home = await request.get('/');
  const headers = home.headers();
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('unknown pages render the styled 404', async ({ page }) => {
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await expect(page).toHaveURL('/');
});
