import { describe, expect, it } from 'vitest';
import { dbLimitsFromConfig } from '../src/index.ts';
import { useDatabases } from './helpers.ts';

const databases = useDatabases();

async function settings(db: ReturnType<typeof databases.db>) {
  const [row] = await db.$queryRaw<{ statement: string; lock: string }[]>`
    SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`;
  return row;
}

describe('createDb', () => {
  it('sets statement and lock timeouts on every connection when given', async () => {
    const db = databases.db({ statementTimeoutMs: 5_000, lockTimeoutMs: 2_000 });
    expect(await settings(db)).toEqual({ statement: '5s', lock: '2s' });
  });

  it('sets none by default, so tooling (migrations, seeds) is never cut short', async () => {
    expect(await settings(databases.db())).toEqual({ statement: '0', lock: '0' });
  });
});

describe('dbLimitsFromConfig', () => {
  it('carries every database limit of the configuration', () => {
    expect(
      dbLimitsFromConfig({
        DATABASE_POOL_MAX: 7,
        DATABASE_ACQUIRE_TIMEOUT_MS: 2_000,
        DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
        DATABASE_LOCK_TIMEOUT_MS: 2_000,
        DATABASE_QUERY_TIMEOUT_MS: 8_000,
      }),
    ).toEqual({
      max: 7,
      acquireTimeoutMs: 2_000,
      statementTimeoutMs: 5_000,
      lockTimeoutMs: 2_000,
      queryTimeoutMs: 8_000,
    });
  });
});
