import { createApiToken, createUser } from '@taskforge/api/testing';
import { createDb, type Db } from '@taskforge/db';
import { holdOnlyConnection } from '@taskforge/db-tools/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/app.ts';
import { freePort, silentLogger, useServerDatabases } from './helpers.ts';

// /readyz answers from the router's health.ready: its own probe connection and deadline,
// the traffic pool's occupancy read (never waited on).
const databases = useServerDatabases();
const opened: { app: FastifyInstance; db: Db }[] = [];

async function serverOn(db: Db): Promise<FastifyInstance> {
  const app = await buildServer({ db, logger: silentLogger });
  opened.push({ app, db });
  return app;
}

afterEach(async () => {
  for (const { app, db } of opened.splice(0)) {
    await app.close();
    await db.$disconnect();
  }
});

describe('GET /readyz', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildServer({ db: databases.migrated.db, logger: silentLogger });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is 200 ready with the pool occupancy, and means what health.ready means', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'ready',
      reason: null,
      database: { reachable: true },
      pool: { waiting: 0, exhausted: false },
    });
    const viaTrpc = await app.inject({ method: 'GET', url: '/trpc/health.ready' });
    expect(viaTrpc.json().result.data.json).toMatchObject({ status: body.status, reason: body.reason });
  });

  it('stays 200 (degraded: pool exhausted) while every connection is busy and callers queue', async () => {
    const db = createDb({ url: databases.migrated.url, max: 1 });
    const server = await serverOn(db);
    const admin = await createUser(db, { isInstanceAdmin: true });
    const { token } = await createApiToken(db, admin, 'READ');
    const release = await holdOnlyConnection(db);
    try {
      const queued = server.inject({
        method: 'GET',
        url: '/trpc/stats.summary',
        headers: { authorization: `Bearer ${token}` },
      });
      let res = await server.inject({ method: 'GET', url: '/readyz' });
      for (let i = 0; res.json().pool.waiting === 0 && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 10));
        res = await server.inject({ method: 'GET', url: '/readyz' });
      }
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        status: 'degraded',
        reason: 'pool_exhausted',
        database: { reachable: true, error: null },
        pool: { max: 1, exhausted: true },
        migrations: { pending: [] },
      });
      await release();
      expect((await queued).statusCode).toBe(200);
    } finally {
      await release();
    }
  });

  it('is 503 when the database is down, with "unknown" (null) migrations rather than zero', async () => {
    const db = createDb({ url: `postgresql://postgres@127.0.0.1:${await freePort()}/taskforge`, max: 1 });
    const server = await serverOn(db);
    const res = await server.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'not_ready',
      reason: 'database_unreachable',
      database: { reachable: false, latencyMs: null, error: 'database unreachable' },
      migrations: { applied: null, pending: null },
    });
  });
});
