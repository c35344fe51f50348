import pg from 'pg';
import type { Db } from './client.ts';
import { classifyDatabaseError, type DatabaseFailure } from './failures.ts';
import { expectedMigrations } from './generated/migrations.ts';
import { type DatabaseHandle, handleOf, type PoolStats, poolStats } from './registry.ts';

export interface MigrationState {
  applied: number;
  /** Migrations this build expects that the database has not finished applying. */
  pending: string[];
}

function migrationStateOf(done: ReadonlySet<string>): MigrationState {
  return { applied: done.size, pending: expectedMigrations.filter((name) => !done.has(name)) };
}

/**
 * Compares the migrations this build was generated with (recorded by `db:generate`, not
 * read from disk) with the finished rows of _prisma_migrations. A missing table means
 * nothing is applied. For tooling (wait-ready); readiness uses its own connection below.
 */
export async function migrationState(db: Db): Promise<MigrationState> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return migrationStateOf(new Set());
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return migrationStateOf(new Set(rows.map((r) => r.migration_name)));
}

/** Well under the 1 s a typical orchestrator probe waits. */
export const READINESS_TIMEOUT_MS = 500;

export type ReadinessStatus = 'ready' | 'degraded' | 'not_ready';
export type ReadinessReason =
  | 'database_unreachable'
  | 'database_timeout'
  | 'migrations_pending'
  | 'pool_exhausted';

export interface ReadinessReport {
  /**
   * ready: serve. degraded: serve, but the traffic pool is exhausted (calls queue, and
   * fail fast with 503 past the acquire timeout). not_ready: the database is down or too slow
   * to answer the probe, or migrations are pending.
   */
  status: ReadinessStatus;
  reason: ReadinessReason | null;
  database: { reachable: boolean; latencyMs: number | null; error: string | null };
  pool: PoolStats;
  /** null when the database could not be asked: unknown, not zero. */
  migrations: { applied: number | null; pending: string[] | null };
}

type ProbeResult =
  | { ok: true; latencyMs: number; migrations: MigrationState }
  | { ok: false; timedOut: boolean; failure: DatabaseFailure | null };

const UNDEFINED_TABLE = '42P01';

async function appliedMigrations(client: pg.Client): Promise<MigrationState> {
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return migrationStateOf(new Set(rows.map((r) => r.migration_name)));
  } catch (error) {
    if (error instanceof pg.DatabaseError && error.code === UNDEFINED_TABLE)
      return migrationStateOf(new Set());
    throw error;
  }
}

/**
 * One short-lived connection of its own, outside the traffic pool: a saturated pool must not
 * make the probe queue behind traffic, and a fresh connection proves the server accepts new
 * sessions. Every step is bounded by `timeoutMs`.
 */
async function probe(handle: DatabaseHandle, timeoutMs: number): Promise<ProbeResult> {
  const client = new pg.Client({
    connectionString: handle.connection.connectionString,
    application_name: `${handle.connection.applicationName}-readiness`,
    // Our deadline below answers first; this only makes pg destroy a socket left hanging.
    connectionTimeoutMillis: timeoutMs + 50,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs,
  });
  // Errors after we stopped waiting (the deadline won) have nobody left to report to.
  client.on('error', () => {});
  const work = (async (): Promise<ProbeResult> => {
    await client.connect();
    const started = performance.now();
    const migrations = await appliedMigrations(client);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100, migrations };
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, timedOut: true, failure: null }), timeoutMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    return { ok: false, timedOut: false, failure: classifyDatabaseError(error) };
  } finally {
    clearTimeout(timer);
    work.catch(() => {}); // the side of the race that lost must not become an unhandled rejection
    client.end().catch(() => {});
  }
}

const inFlight = new WeakMap<DatabaseHandle, Promise<ProbeResult>>();

/** Concurrent checks share one probe, so a burst of probes opens one connection, not a burst. */
function sharedProbe(handle: DatabaseHandle, timeoutMs: number): Promise<ProbeResult> {
  const running = inFlight.get(handle);
  if (running) return running;
  const started = probe(handle, timeoutMs).finally(() => inFlight.delete(handle));
  inFlight.set(handle, started);
  return started;
}

function probeError(result: Extract<ProbeResult, { ok: false }>, timeoutMs: number): string {
  if (result.timedOut || result.failure?.kind === 'timeout')
    return `database did not answer within ${timeoutMs} ms`;
  switch (result.failure?.reason) {
    case 'unreachable':
      return 'database unreachable';
    case 'connection_lost':
      return 'database closed the connection';
    case 'not_accepting':
      return 'database not accepting connections (starting up or shutting down)';
    case 'too_many_connections':
      return 'database has no connections left (max_connections)';
    case 'rejected':
      return 'database refused the credentials or the database name';
    default:
      return 'database check failed';
  }
}

/**
 * Readiness of a client made by createDb: one bounded probe on its own connection, plus the
 * traffic pool's occupancy (read, not waited on). Failures the probe sees feed the client's
 * outage log like those of traffic; a success ends an outage.
 */
export async function checkReadiness(
  db: Db,
  { timeoutMs = READINESS_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<ReadinessReport> {
  const handle = handleOf(db);
  if (!handle) throw new Error('checkReadiness: this client was not made by createDb');
  const result = await sharedProbe(handle, timeoutMs);
  const pool = poolStats(handle);
  if (!result.ok) {
    if (result.failure?.kind === 'unavailable') handle.failures.record(result.failure, 'readiness');
    const timedOut = result.timedOut || result.failure?.kind === 'timeout';
    return {
      status: 'not_ready',
      reason: timedOut ? 'database_timeout' : 'database_unreachable',
      database: { reachable: false, latencyMs: null, error: probeError(result, timeoutMs) },
      pool,
      migrations: { applied: null, pending: null },
    };
  }
  handle.failures.connected();
  const database = { reachable: true, latencyMs: result.latencyMs, error: null };
  if (result.migrations.pending.length > 0) {
    return {
      status: 'not_ready',
      reason: 'migrations_pending',
      database,
      pool,
      migrations: result.migrations,
    };
  }
  // A full pool is load, not a fault: see docs/decisions/0010-database-timeouts-and-outages.md.
  if (pool.exhausted) {
    return { status: 'degraded', reason: 'pool_exhausted', database, pool, migrations: result.migrations };
  }
  return { status: 'ready', reason: null, database, pool, migrations: result.migrations };
}
