import { Writable } from 'node:stream';
import { createLogger } from '@taskforge/api';
import { createApiToken, createUser } from '@taskforge/api/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { silentLogger, useServerDatabases } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const databases = useServerDatabases();

let app: FastifyInstance;
let unmigrated: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({
    db: databases.migrated.db,
    logger: silentLogger,
    corsOrigins: ['http://localhost:3000'],
  });
  // A route that fails the way a bug would, to see what the error handler lets out.
  app.get('/boom', async () => {
    throw new Error('secret internals: password=hunter2');
  });
  unmigrated = await buildServer({ db: databases.empty.db, logger: silentLogger });
});

afterAll(async () => {
  await app?.close();
  await unmigrated?.close();
});

/** Inputs are plain JSON on the wire; outputs are superjson. */
function trpcInput(value: unknown): string {
  return encodeURIComponent(JSON.stringify(value));
}

describe('probes', () => {
  it('GET /healthz answers without the database', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 on a migrated database', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ready');
    expect(body.database.reachable).toBe(true);
    expect(body.migrations.pending).toEqual([]);
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it('GET /readyz is 503 on a database without migrations, naming what is pending', async () => {
    const res = await unmigrated.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.status).toBe('not_ready');
    expect(body.database.reachable).toBe(true);
    expect(body.migrations.applied).toBe(0);
    expect(body.migrations.pending.length).toBeGreaterThan(0);
  });
});

describe('tRPC mount', () => {
  it('GET /trpc/health.ping returns a superjson result', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/trpc/health.ping?input=${trpcInput({ echo: 'hi' })}`,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.result.data.json).toMatchObject({ ok: true, echo: 'hi' });
    // superjson marks the Date so the client revives it.
    expect(body.result.data.meta.values.serverTime).toEqual(['Date']);
  });

  it('serves batched calls up to the batch limit (long path segment)', async () => {
    const paths = Array.from({ length: 25 }, () => 'health.ping').join(',');
    const res = await app.inject({
      method: 'GET',
      url: `/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toHaveLength(25);
  });

  it('answers stats.summary from the database, for an instance administrator only', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/trpc/stats.summary' });
    expect(anonymous.statusCode).toBe(401);
    const db = databases.migrated.db;
    const admin = await createUser(db, { isInstanceAdmin: true });
    const { token } = await createApiToken(db, admin, 'READ');
    const res = await app.inject({
      method: 'GET',
      url: '/trpc/stats.summary',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.data.json).toMatchObject({ users: 1, tasks: 0 });
  });

  it('rejects bad input with 400, VALIDATION_FAILED and the field', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/trpc/health.ping?input=${trpcInput({ echo: 'x'.repeat(500) })}`,
      headers: { 'x-request-id': 'bad-input-1' },
    });
    expect(res.statusCode).toBe(400);
    const data = res.json().error.json.data;
    expect(data.appCode).toBe('VALIDATION_FAILED');
    expect(data.fieldErrors.echo).toEqual([expect.any(String)]);
    expect(data.requestId).toBe(res.headers['x-request-id']);
  });

  it('accepts JSON bodies only within BODY_LIMIT_BYTES (1 MiB by default)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/trpc/health.ping',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ echo: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.json.data).toMatchObject({
      appCode: 'PAYLOAD_TOO_LARGE',
      requestId: res.headers['x-request-id'],
    });
  });
});

describe('request ids', () => {
  it('answers with its own id even when the caller sends a valid one', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'abc-123.X:9' },
    });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('generates a UUID when the header is absent', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('replaces an unsafe id rather than echoing it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'has spaces in it' },
    });
    expect(res.headers['x-request-id']).toMatch(UUID);
  });

  it('is on tRPC, 404 and error responses too', async () => {
    for (const url of ['/trpc/health.ping', '/nope', '/boom']) {
      const res = await app.inject({ method: 'GET', url, headers: { 'x-request-id': 'everywhere' } });
      expect(res.headers['x-request-id'], url).toMatch(UUID);
    }
  });
});

describe('errors', () => {
  it('answers unknown routes with JSON 404', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/does-not-exist',
      headers: { 'x-request-id': 'nf-1' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({
      error: 'Not found',
      appCode: 'NOT_FOUND',
      requestId: res.headers['x-request-id'],
    });
  });

  it('hides the message and stack of unexpected errors', async () => {
    const res = await app.inject({ method: 'GET', url: '/boom', headers: { 'x-request-id': 'boom-1' } });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({
      error: 'Internal server error',
      appCode: 'INTERNAL',
      requestId: res.headers['x-request-id'],
    });
    expect(res.body).not.toContain('hunter2');
  });
});

describe('security headers', () => {
  it('sets the API-relevant helmet headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows credentialed CORS only from configured origins', async () => {
    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/trpc/health.ping',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('http://localhost:3000');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(allowed.headers['access-control-allow-credentials']).toBe('true');
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('request log', () => {
  const lines: { msg: string; level: number; [key: string]: unknown }[] = [];
  let logged: FastifyInstance;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const text of chunk.toString().split('\n')) if (text) lines.push(JSON.parse(text));
        done();
      },
    });
    logged = await buildServer({
      db: databases.migrated.db,
      logger: createLogger({ level: 'info', format: 'json', destination }),
    });
  });
  afterAll(async () => {
    await logged?.close();
  });

  async function linesFor(url: string) {
    lines.length = 0;
    await logged.inject({ method: 'GET', url });
    // onResponse may trail inject()'s answer by a tick.
    await new Promise((r) => setTimeout(r, 20));
    return [...lines];
  }

  it('leaves probes out', async () => {
    expect(await linesFor('/healthz')).toEqual([]);
    expect(await linesFor('/readyz')).toEqual([]);
  });

  it('writes one line for a 404, with its code, and none of Fastify’s own request lines', async () => {
    const written = await linesFor('/nope?token=abc');
    expect(written).toEqual([
      expect.objectContaining({ msg: 'request', path: '/nope', status: 404, failures: ['NOT_FOUND'] }),
    ]);
  });
});
