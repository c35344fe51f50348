import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../src/embedded.ts';

// An empty mkdtemp folder, as e2e/serve.ts and the bench hand over. Made traversable so
// the `postgres` user can reach it when tests run as root.
const work = mkdtempSync(join(tmpdir(), 'taskforge-embedded-test-'));
chmodSync(work, 0o755);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('initialises a data folder, creates the database, reuses a running server and stops cleanly', async () => {
    const dir = join(work, 'data');
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir, port, database: 'app', fast: true });
    try {
      expect(first.owned).toBe(true);
      expect(existsSync(join(dir, 'PG_VERSION'))).toBe(true);
      expect(await query(first.url, 'SELECT current_database() AS db')).toEqual([{ db: 'app' }]);

      // A second caller (say `npm run db:migrate` during `npm run dev`) shares it and must not stop it.
      const second = await startEmbeddedPostgres({ dir, port, database: 'other' });
      expect(second.owned).toBe(false);
      await second.stop();
      expect(await query(second.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await first.stop();
    }
    await expect(query(first.adminUrl, 'SELECT 1')).rejects.toThrow();
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);

    // Data survives a restart.
    const again = await startEmbeddedPostgres({ dir, port, database: 'app', fast: true });
    try {
      expect(again.owned).toBe(true);
      const rows = await query(
        again.adminUrl,
        "SELECT datname FROM pg_database WHERE datname IN ('app', 'other')",
      );
      expect(rows).toHaveLength(2);
    } finally {
      await again.stop();
    }
  });

  it('accepts an existing empty folder', async () => {
    const dir = mkdtempSync(join(work, 'empty-'));
    const server = await startEmbeddedPostgres({ dir, port: await freePort(), fast: true });
    try {
      expect(await query(server.url, 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await server.stop();
    }
  });
});
