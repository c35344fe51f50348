import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { expectedMigrations } from '../src/generated/migrations.ts';
import { checkReadiness, createDb } from '../src/index.ts';
import { holdOnlyConnection } from '../src/testing.ts';
import { captureLogger, closedPortUrl, useDatabases, waitFor } from './helpers.ts';

const databases = useDatabases();

/** A TCP server that accepts connections and never says a word: a database that hangs. */
async function silentServer() {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/taskforge`,
    accepted: () => sockets.length,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('checkReadiness', () => {
  it('is ready on a migrated database with a free pool', async () => {
    const report = await checkReadiness(databases.db({ max: 3 }));
    expect(report).toMatchObject({
      status: 'ready',
      reason: null,
      database: { reachable: true, error: null },
      pool: { max: 3, waiting: 0, exhausted: false },
      migrations: { applied: expectedMigrations.length, pending: [] },
    });
    expect(report.database.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('is not ready when migrations are pending, naming them', async () => {
    const db = createDb({ url: databases.emptyUrl, max: 1 });
    try {
      expect(await checkReadiness(db)).toMatchObject({
        status: 'not_ready',
        reason: 'migrations_pending',
        database: { reachable: true },
        migrations: { applied: 0, pending: [...expectedMigrations] },
      });
    } finally {
      await db.$disconnect();
    }
  });

  it('says "unknown" (null), not zero, about migrations it could not look at', async () => {
    const { lines, logger } = captureLogger();
    const db = createDb({ url: await closedPortUrl(), max: 1, logger });
    try {
      const report = await checkReadiness(db);
      expect(report).toMatchObject({
        status: 'not_ready',
        reason: 'database_unreachable',
        database: { reachable: false, latencyMs: null, error: 'database unreachable' },
        migrations: { applied: null, pending: null },
      });
      await checkReadiness(db);
    } finally {
      await db.$disconnect();
    }
    // Probes during an outage join its one warn line instead of adding their own.
    expect(lines.map((l) => l.level)).toEqual(['warn']);
  });

  it('reports an exhausted pool as degraded, with the database reachable on its own connection', async () => {
    const db = databases.db({ max: 1 });
    const release = await holdOnlyConnection(db);
    // Prisma queries are lazy: then() sends it, to queue behind the held connection.
    const waiting = db.user.count().then(() => {});
    try {
      await waitFor(
        async () => (await checkReadiness(db)).pool.waiting === 1,
        'a caller to queue for the pool',
      );
      expect(await checkReadiness(db)).toMatchObject({
        status: 'degraded',
        reason: 'pool_exhausted',
        database: { reachable: true, error: null },
        pool: { max: 1, open: 1, idle: 0, waiting: 1, exhausted: true },
        migrations: { pending: [] },
      });
    } finally {
      await release();
      await waiting;
    }
  });

  it('gives up on a database that does not answer at its deadline', async () => {
    const silent = await silentServer();
    const db = createDb({ url: silent.url, max: 1 });
    try {
      expect(await checkReadiness(db, { timeoutMs: 200 })).toMatchObject({
        status: 'not_ready',
        reason: 'database_timeout',
        database: { reachable: false, error: 'database did not answer within 200 ms' },
        migrations: { applied: null, pending: null },
      });
    } finally {
      await db.$disconnect();
      await silent.close();
    }
  });

  it('shares one probe connection among concurrent checks', async () => {
    const silent = await silentServer();
    const db = createDb({ url: silent.url, max: 1 });
    try {
      const reports = await Promise.all(
        Array.from({ length: 10 }, () => checkReadiness(db, { timeoutMs: 200 })),
      );
      expect(reports.every((r) => r.reason === 'database_timeout')).toBe(true);
      expect(silent.accepted()).toBe(1);
    } finally {
      await db.$disconnect();
      await silent.close();
    }
  });

  it('refuses a client it did not make', async () => {
    const { PrismaClient } = await import('../src/index.ts');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const foreign = new PrismaClient({ adapter: new PrismaPg({ connectionString: databases.url }) });
    await expect(checkReadiness(foreign)).rejects.toThrow(/not made by createDb/);
  });
});
