import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyDatabaseError, createDb, type Db } from '../src/index.ts';
import { holdOnlyConnection } from '../src/testing.ts';
import { closedPortUrl, connect, useDatabases, waitFor } from './helpers.ts';

// How each failure of the database path really surfaces through Prisma 7 + @prisma/adapter-pg
// + pg, against a real PostgreSQL: model queries and raw queries take different routes.
const databases = useDatabases();

async function failureOf(call: () => Promise<unknown>) {
  const error = await call().then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  return classifyDatabaseError(error);
}

const calls = {
  model: (db: Db) => db.task.count(),
  raw: (db: Db) => db.$queryRaw`SELECT count(*)::int AS n FROM tasks`,
};

describe('on a locked table', () => {
  let locker: pg.Client;
  beforeEach(async () => {
    locker = await connect(databases.url);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE tasks IN ACCESS EXCLUSIVE MODE');
  });
  afterEach(async () => {
    await locker.query('ROLLBACK').catch(() => {});
    await locker.end();
  });

  it.each(Object.entries(calls))('statement_timeout cancels a %s query: 57014', async (_route, call) => {
    const db = databases.db({ statementTimeoutMs: 200 });
    expect(await failureOf(() => call(db))).toEqual({
      kind: 'timeout',
      reason: 'statement_timeout',
      code: '57014',
    });
  });

  it.each(Object.entries(calls))('lock_timeout gives up on a %s query: 55P03', async (_route, call) => {
    const db = databases.db({ lockTimeoutMs: 200, statementTimeoutMs: 30_000 });
    expect(await failureOf(() => call(db))).toEqual({
      kind: 'timeout',
      reason: 'lock_timeout',
      code: '55P03',
    });
  });

  it('the client-side query timeout fires when the server does not answer: "Query read timeout"', async () => {
    const db = databases.db({ queryTimeoutMs: 200 });
    expect(await failureOf(() => calls.model(db))).toEqual({
      kind: 'timeout',
      reason: 'query_timeout',
      code: null,
    });
  });

  it('a connection terminated mid-query is connection_lost: 57P01', async () => {
    const name = `victim-${randomBytes(4).toString('hex')}`;
    const db = databases.db({ applicationName: name });
    const failing = failureOf(() => calls.model(db));
    const admin = await connect(databases.url);
    try {
      await waitFor(async () => {
        const { rowCount } = await admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'`,
          [name],
        );
        return rowCount === 1;
      }, 'the query to wait on the lock');
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [name],
      );
    } finally {
      await admin.end();
    }
    expect(await failing).toEqual({ kind: 'unavailable', reason: 'connection_lost', code: '57P01' });
  });
});

describe('a pool of 1 held busy', () => {
  it.each(Object.entries(calls))(
    'a %s query waiting past the acquire timeout is pool_exhausted',
    async (_route, call) => {
      const db = databases.db({ max: 1, acquireTimeoutMs: 200 });
      const release = await holdOnlyConnection(db);
      try {
        expect(await failureOf(() => call(db))).toEqual({
          kind: 'pool_exhausted',
          reason: 'pool_exhausted',
          code: null,
        });
      } finally {
        await release();
      }
    },
  );
});

describe('nothing listening', () => {
  it.each(Object.entries(calls))('a %s query is unreachable', async (_route, call) => {
    const db = createDb({ url: await closedPortUrl(), max: 1 });
    try {
      expect(await failureOf(() => call(db))).toMatchObject({ kind: 'unavailable', reason: 'unreachable' });
    } finally {
      await db.$disconnect();
    }
  });
});

describe('errors that are the query’s own', () => {
  it('a unique violation is not a failure of the path', async () => {
    const db = databases.db();
    const email = `dup-${randomBytes(4).toString('hex')}@example.com`;
    await db.user.create({ data: { email, name: 'A' } });
    expect(await failureOf(() => db.user.create({ data: { email, name: 'B' } }))).toBeNull();
  });

  it('a missing table is not a failure of the path', async () => {
    const db = createDb({ url: databases.emptyUrl, max: 1 });
    try {
      expect(await failureOf(() => calls.model(db))).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
