import { expect, test } from '@playwright/test';
import { collectProblems } from './accounts.ts';

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
  const page = await request.get('/sign-in');
  const headers = page.headers();
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
});

test('the CSP has a fresh nonce per request, no inline scripts, and Next’s scripts carry the nonce', async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const res = await request.get('/sign-in');
    const csp = res.headers()['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
    expect(scriptSrc).toContain("'strict-dynamic'");
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
    expect(nonce).toBeTruthy();
    nonces.push(nonce ?? '');

    // Every script element of the page carries this response's nonce (Next reads it from the request).
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test('unknown pages render the styled 404', async ({ page }) => {
  const problems = await collectProblems(page);
  const response = await page.goto('/no-such-page');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  // Signed out, the dashboard sends you to sign in.
  await expect(page).toHaveURL('/sign-in');
  expect(problems).toEqual([]);
});
