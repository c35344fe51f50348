import { randomBytes } from 'node:crypto';
import { type CreateDbOptions, createDb, type Db } from '@taskforge/db';
import { freePort } from '@taskforge/db-tools';
import { createTestDatabase, holdOnlyConnection, type TestDatabase } from '@taskforge/db-tools/testing';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { TRPCError } from '@trpc/server';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { fromPrismaError } from '../src/database-errors.ts';
import { AppError, describeError } from '../src/index.ts';
import { adminCallerFor } from './caller.ts';

// Each failure class of the database path, provoked on a real PostgreSQL and seen through
// the router (createCaller), as a client would get it.
const database = useTestDatabase();
const clients: Db[] = [];

function dbWith(options: Omit<CreateDbOptions, 'url'>, url = database.current.url): Db {
  const db = createDb({ url, ...options });
  clients.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(clients.splice(0).map((db) => db.$disconnect()));
});

async function side(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: database.current.url });
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  return {
    code: error.code,
    appCode: describeError(error).appCode,
    retryAfterSeconds: error instanceof AppError ? error.retryAfterSeconds : null,
    message: error.message,
  };
}

describe('with the tasks table locked by another session', () => {
  let locker: pg.Client;
  beforeEach(async () => {
    locker = await side();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
  });
  afterEach(async () => {
    await locker.query('ROLLBACK').catch(() => {});
    await locker.end();
  });

  it('a lock timeout is 504 TIMEOUT', async () => {
    const db = dbWith({ lockTimeoutMs: 200, statementTimeoutMs: 30_000 });
    expect(await failure(adminCallerFor(db).stats.summary())).toEqual({
      code: 'GATEWAY_TIMEOUT',
      appCode: 'TIMEOUT',
      retryAfterSeconds: null,
      message: 'The data is locked by another operation; try again',
    });
  });

  it('a statement timeout is 504 TIMEOUT', async () => {
    const db = dbWith({ statementTimeoutMs: 200 });
    expect(await failure(adminCallerFor(db).stats.summary())).toMatchObject({
      code: 'GATEWAY_TIMEOUT',
      appCode: 'TIMEOUT',
    });
  });

  it('a client-side query timeout is 504 TIMEOUT', async () => {
    const db = dbWith({ queryTimeoutMs: 200 });
    expect(await failure(adminCallerFor(db).stats.summary())).toMatchObject({
      code: 'GATEWAY_TIMEOUT',
      appCode: 'TIMEOUT',
    });
  });

  it('a connection terminated during the call (pg_terminate_backend) is 503 UNAVAILABLE with Retry-After', async () => {
    const name = `victim-${randomBytes(4).toString('hex')}`;
    const db = dbWith({ applicationName: name });
    const call = failure(adminCallerFor(db).stats.summary());
    const admin = await side();
    try {
      for (let i = 0; ; i++) {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [name],
        );
        if (rowCount === 1) break;
        if (i > 500) throw new Error('the call never waited on the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await admin.end();
    }
    expect(await call).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      appCode: 'UNAVAILABLE',
      retryAfterSeconds: 5,
      message: 'The database is unavailable; try again shortly',
    });
  });
});

describe('with a pool of 1 held busy', () => {
  it('a call that cannot get a connection in time is 503 UNAVAILABLE with a short Retry-After', async () => {
    const db = dbWith({ max: 1, acquireTimeoutMs: 200 });
    const release = await holdOnlyConnection(db);
    try {
      expect(await failure(adminCallerFor(db).stats.summary())).toEqual({
        code: 'SERVICE_UNAVAILABLE',
        appCode: 'UNAVAILABLE',
        retryAfterSeconds: 1,
        message: 'The server is busy; try again shortly',
      });
    } finally {
      await release();
    }
  });
});

describe('with nothing listening', () => {
  it('every call is 503 UNAVAILABLE, and the outage is logged once, not per call', async () => {
    const port = await freePort();
    const lines: string[] = [];
    const logger = { warn: (_: object, msg: string) => lines.push(`warn ${msg}`), info: () => {} };
    const db = dbWith({ max: 2, logger }, `postgresql://postgres@127.0.0.1:${port}/taskforge`);
    for (let i = 0; i < 10; i++) {
      expect(await failure(adminCallerFor(db).stats.summary())).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        appCode: 'UNAVAILABLE',
        retryAfterSeconds: 5,
      });
    }
    expect(lines).toEqual([expect.stringMatching(/^warn database unavailable/)]);
  });
});

describe('errors that are the query’s own keep their meaning', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ adminUrl: inject('testDb').adminUrl });
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it('a unique violation is CONFLICT', async () => {
    const db = database.current.db;
    const email = `dup-${randomBytes(4).toString('hex')}@example.com`;
    await db.user.create({ data: { email, name: 'A' } });
    const error = await db.user.create({ data: { email, name: 'B' } }).catch((e: unknown) => e);
    expect(fromPrismaError(error)).toMatchObject({ code: 'CONFLICT', appCode: 'CONFLICT' });
  });

  it('a missing table stays 500 INTERNAL (our bug, not an outage)', async () => {
    expect(await failure(adminCallerFor(empty.db).stats.summary())).toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      appCode: 'INTERNAL',
    });
  });
});
