import type { AppRouter } from '@taskforge/api';
import { createApiToken, createSession, createUser } from '@taskforge/api/testing';
import { transformer } from '@taskforge/api/transformer';
import { createSessionAuth } from '@taskforge/auth';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { createTRPCClient, httpBatchLink, httpLink } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastifyMount, type Mount, nextMount, queryInput } from './mounts.ts';

// The same HTTP-level cases against both mounts of the router, so they cannot drift.
const database = useTestDatabase();

const errorBody = z.object({
  error: z.object({
    json: z.object({
      message: z.string(),
      code: z.number(),
      data: z.object({
        code: z.string(),
        httpStatus: z.number(),
        appCode: z.string(),
        fieldErrors: z.record(z.string(), z.array(z.string())).nullable(),
        requestId: z.string().nullable(),
      }),
    }),
  }),
});

async function resultOf(res: Response): Promise<unknown> {
  const body = z.object({ result: z.object({ data: z.unknown() }) }).parse(await res.json());
  // Outputs carry superjson's { json, meta }; decode them as a client would.
  return transformer.output.deserialize(body.result.data);
}

describe.each([
  ['fastify', fastifyMount],
  ['next', nextMount],
] as const)('tRPC over HTTP: %s', (_name, makeMount) => {
  let mount: Mount;
  /** An instance administrator's API token: stats.summary is theirs to read. */
  let admin: { authorization: string };
  beforeAll(async () => {
    mount = await makeMount(database.current.db);
    const user = await createUser(database.current.db, { isInstanceAdmin: true });
    admin = { authorization: `Bearer ${(await createApiToken(database.current.db, user)).token}` };
  });
  afterAll(async () => {
    await mount?.close();
  });

  it('serves a query with superjson (dates stay dates) and a request id', async () => {
    const res = await mount.request(`health.ping?${queryInput({ echo: 'hi' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const data = z
      .object({ ok: z.literal(true), echo: z.string(), serverTime: z.date() })
      .parse(await resultOf(res));
    expect(data.echo).toBe('hi');
  });

  it('answers with its own request id, never the caller’s', async () => {
    const res = await mount.request('health.ping', { headers: { 'x-request-id': 'client-req.42' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const unsafe = await mount.request('health.ping', { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers bad input with 400, VALIDATION_FAILED and the field message', async () => {
    const res = await mount.request(`health.ping?${queryInput({ echo: 'x'.repeat(101) })}`, {
      headers: { 'x-request-id': 'bad-input-1' },
    });
    expect(res.status).toBe(400);
    const { data } = errorBody.parse(await res.json()).error.json;
    expect(data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, appCode: 'VALIDATION_FAILED' });
    expect(data.fieldErrors?.echo?.[0]).toMatch(/100/);
    // The server's id, as in the header: the one its logs know the request by.
    expect(data.requestId).toBe(res.headers.get('x-request-id'));
  });

  it('takes inputs as plain JSON: a superjson envelope is refused, not walked', async () => {
    // This `meta` sent superjson's deserializer into endless recursion when inputs went through it.
    const envelope = '{"json":{"echo":"x"},"meta":{"values":{"a":"b"}}}';
    const res = await mount.request(`health.ping?input=${encodeURIComponent(envelope)}`);
    expect(res.status).toBe(400);
    const { message, data } = errorBody.parse(await res.json()).error.json;
    expect(data.appCode).toBe('VALIDATION_FAILED');
    expect(message).not.toMatch(/call stack/i);
  });

  it('answers an unknown procedure with 404 NOT_FOUND', async () => {
    const res = await mount.request('health.nope');
    expect(res.status).toBe(404);
    expect(errorBody.parse(await res.json()).error.json.data.appCode).toBe('NOT_FOUND');
  });

  it('refuses a query sent as POST', async () => {
    const res = await mount.request('health.ping', {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(405);
  });

  it('batches several calls in one request', async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { echo: 'a' } }));
    const res = await mount.request(`health.ping,stats.summary?batch=1&input=${input}`, { headers: admin });
    expect(res.status).toBe(200);
    const body = z
      .array(z.object({ result: z.object({ data: z.object({ json: z.unknown() }) }) }))
      .parse(await res.json());
    expect(body).toHaveLength(2);
    expect(body[1]?.result.data.json).toMatchObject({ tasks: 0 });
  });

  it('round-trips through @trpc/client with the shared transformer (plain input, Dates out)', async () => {
    const client = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: 'http://mount',
          transformer,
          headers: () => admin,
          fetch: (url, init) => {
            const target = new URL(String(url));
            return mount.request(`${target.pathname.slice(1)}${target.search}`, {
              method: init?.method ?? 'GET',
              headers: Object.fromEntries(new Headers(init?.headers ?? {})),
            });
          },
        }),
      ],
    });
    const [pong, summary] = await Promise.all([
      client.health.ping.query({ echo: 'typed' }),
      client.stats.summary.query(),
    ]);
    expect(pong.echo).toBe('typed');
    expect(pong.serverTime).toBeInstanceOf(Date);
    expect(summary.tasks).toBe(0);
  });

  it('carries calls without input over the unbatched httpLink too (a query, and a mutation with no body to speak of)', async () => {
    const user = await createUser(database.current.db);
    const { cookie } = await createSession(createSessionAuth(database.current.db, { secure: false }), user);
    const client = createTRPCClient<AppRouter>({
      links: [
        httpLink({
          url: 'http://mount',
          transformer,
          headers: () => ({ cookie, 'sec-fetch-site': 'same-origin' }),
          fetch: (url, init) => {
            const target = new URL(String(url));
            return mount.request(`${target.pathname.slice(1)}${target.search}`, {
              method: init?.method ?? 'GET',
              headers: Object.fromEntries(new Headers(init?.headers ?? {})),
              ...(typeof init?.body === 'string' ? { body: init.body } : {}),
            });
          },
        }),
      ],
    });
    expect((await client.auth.me.query()).email).toBe(user.email);
    expect(await client.auth.signOut.mutate()).toEqual({ ok: true });
    expect(await database.current.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it('reads the database through the same procedures', async () => {
    const ready = await mount.request('health.ready');
    expect(ready.status).toBe(200);
    expect(await resultOf(ready)).toMatchObject({ status: 'ready', database: { reachable: true } });
  });
});
