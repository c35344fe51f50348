import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { newApiToken } from '@taskforge/auth';
import { useEmptyDatabase } from '@taskforge/db-tools/testing/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastifyMount, type Mount, nextMount } from './mounts.ts';

// Internal failures must not leak what they know (table and database names, file paths) to
// callers on either mount, whatever NODE_ENV says; only EXPOSE_ERRORS=true shows them.

const errorBody = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      data: z.looseObject({ appCode: z.string(), requestId: z.string().nullable() }),
    }),
  }),
});

/** Anything that would tell a caller about our internals. */
function expectNoInternals(body: string, databaseName: string): void {
  expect(body).not.toContain(databaseName);
  expect(body).not.toMatch(/prisma|does not exist|"User"|`User`|\.ts:\d+|node_modules|"stack"/i);
}

// A well-formed token makes the call look its credentials up: on a database without tables
// that query fails inside Prisma, which is the internal error under test.
const withToken = { authorization: `Bearer ${newApiToken().token}` };
const empty = useEmptyDatabase();

describe.each([
  ['fastify', fastifyMount],
  ['next', nextMount],
] as const)('internal errors over HTTP: %s', (_name, makeMount) => {
  let mount: Mount;
  beforeAll(async () => {
    mount = await makeMount(empty.current.db);
  });
  afterAll(async () => {
    await mount?.close();
  });

  it('answers 500 INTERNAL with a generic message, no stack, and the request id', async () => {
    const res = await mount.request('auth.me', { headers: withToken });
    expect(res.status).toBe(500);
    const text = await res.text();
    expectNoInternals(text, empty.current.name);
    const { message, data } = errorBody.parse(JSON.parse(text)).error.json;
    expect(message).toBe('Internal server error');
    expect(data.appCode).toBe('INTERNAL');
    expect(data.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('hides a database name from a connection failure', async () => {
    const { createDb } = await import('@taskforge/db');
    const missing = `taskforge_secret_${Date.now()}`;
    const url = new URL(empty.current.url);
    url.pathname = `/${missing}`;
    const db = createDb({ url: url.toString(), max: 1 });
    const other = await makeMount(db);
    try {
      const res = await other.request('auth.me', { headers: withToken });
      expect(res.status).toBeGreaterThanOrEqual(500);
      expectNoInternals(await res.text(), missing);
    } finally {
      await other.close();
      await db.$disconnect();
    }
  });
});

const probe = fileURLToPath(new URL('./fixtures/error-probe.ts', import.meta.url));
const run = promisify(execFile);

/** Both mounts' answers to a failing call, from a process with exactly this environment. */
async function probeWith(
  env: Record<string, string>,
): Promise<Record<string, { status: number; body: string }>> {
  const { stdout } = await run(process.execPath, [probe, empty.current.url], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  return JSON.parse(stdout);
}

describe('error exposure follows EXPOSE_ERRORS, not NODE_ENV', () => {
  it.each([
    ['NODE_ENV unset', {}],
    ['NODE_ENV=development', { NODE_ENV: 'development' }],
    ['NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('%s: both mounts hide internals', async (_label, env) => {
    const received = await probeWith(env);
    expect(Object.keys(received)).toHaveLength(2);
    for (const { status, body } of Object.values(received)) {
      expect(status).toBe(500);
      expectNoInternals(body, empty.current.name);
      expect(errorBody.parse(JSON.parse(body)).error.json.message).toBe('Internal server error');
    }
  });

  it('EXPOSE_ERRORS=true (development only) shows the message and stack on both mounts', async () => {
    const received = await probeWith({ NODE_ENV: 'development', EXPOSE_ERRORS: 'true' });
    for (const { body } of Object.values(received)) {
      const { message, data } = errorBody.parse(JSON.parse(body)).error.json;
      expect(message).toMatch(/does not exist/);
      expect(data.stack).toEqual(expect.any(String));
    }
  });
});
