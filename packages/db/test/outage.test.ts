import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDb, noteDatabaseFailure } from '../src/index.ts';
import { FailureEpisodes, QUIET_PERIOD_MS } from '../src/outage.ts';
import { captureLogger, closedPortUrl, connect, useDatabases, waitFor } from './helpers.ts';

const databases = useDatabases();

describe('FailureEpisodes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs the first failure of an outage once at warn and its end once at info', () => {
    const { lines, logger } = captureLogger();
    const episodes = new FailureEpisodes(logger);
    for (let i = 0; i < 100; i++) {
      episodes.record({ kind: 'unavailable', reason: 'unreachable', code: 'ECONNREFUSED' }, 'query');
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      obj: {
        database: { failure: 'unavailable', reason: 'unreachable', code: 'ECONNREFUSED', source: 'query' },
      },
    });
    episodes.connected();
    episodes.connected();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({
      level: 'info',
      obj: { database: { failure: 'unavailable', failures: 100 } },
    });
  });

  it('ends a timeout episode only after a quiet period without another', () => {
    vi.useFakeTimers();
    const { lines, logger } = captureLogger();
    const episodes = new FailureEpisodes(logger);
    const timeout = { kind: 'timeout', reason: 'lock_timeout', code: '55P03' } as const;
    episodes.record(timeout, 'query');
    vi.advanceTimersByTime(QUIET_PERIOD_MS - 1_000);
    episodes.record(timeout, 'query');
    vi.advanceTimersByTime(QUIET_PERIOD_MS - 1);
    // A connection succeeding says nothing about timeouts.
    episodes.connected();
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    vi.advanceTimersByTime(1);
    expect(lines.map((l) => l.level)).toEqual(['warn', 'info']);
    expect(lines[1]?.obj).toMatchObject({ database: { failure: 'timeout', failures: 2 } });
    expect(episodes.active).toEqual([]);
  });

  it('keeps separate episodes per kind', () => {
    const { lines, logger } = captureLogger();
    const episodes = new FailureEpisodes(logger);
    episodes.record({ kind: 'pool_exhausted', reason: 'pool_exhausted', code: null }, 'query');
    episodes.record({ kind: 'unavailable', reason: 'connection_lost', code: '57P01' }, 'query');
    episodes.record({ kind: 'pool_exhausted', reason: 'pool_exhausted', code: null }, 'query');
    expect(lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    episodes.close();
  });
});

describe('a client from createDb', () => {
  it('logs one warn line for many failed calls while the database is unreachable', async () => {
    const { lines, logger } = captureLogger();
    const db = createDb({ url: await closedPortUrl(), max: 2, logger });
    try {
      for (let i = 0; i < 20; i++) {
        const error = await db.user.count().catch((e: unknown) => e);
        expect(noteDatabaseFailure(db, error)).toMatchObject({ kind: 'unavailable' });
      }
    } finally {
      await db.$disconnect();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'warn',
      obj: { database: { failure: 'unavailable', reason: 'unreachable' } },
    });
  });

  it('survives an idle pooled connection being terminated, logs it at warn, and reconnects', async () => {
    const { lines, logger } = captureLogger();
    const name = `idle-${randomBytes(4).toString('hex')}`;
    const db = databases.db({ applicationName: name, logger });
    await db.user.count(); // one connection, now idle in the pool
    const admin = await connect(databases.url);
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle'`,
        [name],
      );
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    await waitFor(async () => lines.length > 0, 'the idle error to be logged');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        obj: {
          database: expect.objectContaining({
            reason: 'connection_lost',
            code: '57P01',
            source: 'idle_connection',
          }),
        },
      }),
    ]);
    // The pool dropped the dead connection; the next call opens a new one.
    expect(await db.user.count()).toBe(0);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['warn', expect.any(String)],
      ['info', 'database available again'],
    ]);
  });
});
