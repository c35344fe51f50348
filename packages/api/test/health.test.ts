import { createDb } from '@taskforge/db';
import { freePort } from '@taskforge/db-tools';
import { holdOnlyConnection } from '@taskforge/db-tools/testing';
import { useTestDatabase } from '@taskforge/db-tools/testing/vitest';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/index.ts';
import { callerFor } from './caller.ts';

const database = useTestDatabase();

describe('health.ping', () => {
  it('answers with the server time and echoes trimmed text', async () => {
    const before = Date.now();
    const result = await callerFor(database.current.db).health.ping({ echo: '  hello  ' });
    expect(result.ok).toBe(true);
    expect(result.echo).toBe('hello');
    expect(result.serverTime).toBeInstanceOf(Date);
    expect(result.serverTime.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('works without input', async () => {
    expect((await callerFor(database.current.db).health.ping()).echo).toBeNull();
  });

  it('rejects bad input with VALIDATION_FAILED and a message for the field', async () => {
    const error = await callerFor(database.current.db)
      .health.ping({ echo: 'x'.repeat(101) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    if (!(error instanceof TRPCError)) return;
    expect(error.code).toBe('BAD_REQUEST');
    const described = describeError(error);
    expect(described.appCode).toBe('VALIDATION_FAILED');
    expect(described.fields?.fieldErrors.echo?.[0]).toMatch(/100/);
  });

  it('rejects unknown input fields rather than ignoring them', async () => {
    const input = JSON.parse('{"echo":"a","admin":true}');
    await expect(callerFor(database.current.db).health.ping(input)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('health.ready', () => {
  it('is ready on a migrated database and reports the applied migrations', async () => {
    const result = await callerFor(database.current.db).health.ready();
    expect(result.status).toBe('ready');
    expect(result.reason).toBeNull();
    expect(result.database.reachable).toBe(true);
    expect(result.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.migrations.applied).toBeGreaterThan(0);
    expect(result.migrations.pending).toEqual([]);
    expect(result.pool).toMatchObject({ waiting: 0, exhausted: false });
  });

  it('is degraded, not down, while the traffic pool is exhausted', async () => {
    const db = createDb({ url: database.current.url, max: 1 });
    const release = await holdOnlyConnection(db);
    try {
      // Prisma queries are lazy: then() sends this one, to queue behind the held connection.
      const queued = db.user.count().then(() => {});
      let result = await callerFor(db).health.ready();
      for (let i = 0; result.pool.waiting === 0 && i < 200; i++) {
        await new Promise((r) => setTimeout(r, 10));
        result = await callerFor(db).health.ready();
      }
      expect(result).toMatchObject({
        status: 'degraded',
        reason: 'pool_exhausted',
        database: { reachable: true },
        pool: { max: 1, waiting: 1, exhausted: true },
      });
      await release();
      await queued;
    } finally {
      await release();
      await db.$disconnect();
    }
  });

  it('is not ready when the database is unreachable, and says migrations are unknown', async () => {
    const db = createDb({ url: `postgresql://postgres@127.0.0.1:${await freePort()}/taskforge`, max: 1 });
    try {
      expect(await callerFor(db).health.ready()).toMatchObject({
        status: 'not_ready',
        reason: 'database_unreachable',
        database: { reachable: false, latencyMs: null, error: 'database unreachable' },
        migrations: { applied: null, pending: null },
      });
    } finally {
      await db.$disconnect();
    }
  });

  it('is not ready when a migration on disk has not been applied', async () => {
    const { db } = database.current;
    const [latest] = await db.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    if (!latest) throw new Error('template has no migrations');
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${latest.migration_name}`;
    try {
      const result = await callerFor(db).health.ready();
      expect(result.status).toBe('not_ready');
      expect(result.migrations.pending).toEqual([latest.migration_name]);
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest.migration_name}`;
    }
  });
});
