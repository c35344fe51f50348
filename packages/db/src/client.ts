import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { classifyDatabaseError, type DatabaseFailure } from './failures.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { type DatabaseLogger, FailureEpisodes } from './outage.ts';
import { handleOf, poolStats, registerHandle } from './registry.ts';

export interface CreateDbOptions {
  /** postgresql:// connection string. */
  url: string;
  /** Pool size for this process. */
  max?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
  /** How long a call may wait for a pooled connection, or for a new one to open. Default 10 s. */
  acquireTimeoutMs?: number;
  /** Server-side bound on every statement (PostgreSQL statement_timeout). 0 or unset: none. */
  statementTimeoutMs?: number;
  /** Server-side bound on every lock wait (PostgreSQL lock_timeout). 0 or unset: none. */
  lockTimeoutMs?: number;
  /** Client-side bound on a round trip, for a server that stopped answering. 0 or unset: none. */
  queryTimeoutMs?: number;
  /**
   * Receives one warn line when failures start (database down, pool exhausted, timeouts)
   * and one info line when they stop. Without it they are only counted.
   */
  logger?: DatabaseLogger;
}

/** A connection that fails while idle in the pool (or inside a transaction) is not a failed query. */
function lostConnection(error: Error): DatabaseFailure {
  return classifyDatabaseError(error) ?? { kind: 'unavailable', reason: 'connection_lost', code: null };
}

/**
 * A Prisma client over a `pg` pool we own. Every mount and every test builds its own and
 * passes it into the tRPC context as `ctx.db`; nothing imports a global client.
 *
 * Timeouts default to none, because tooling (migrations, seeds) runs long statements; apps
 * pass the limits from their configuration (`dbLimitsFromConfig`).
 */
export function createDb({
  url,
  max = 10,
  applicationName = 'taskforge',
  acquireTimeoutMs = 10_000,
  statementTimeoutMs = 0,
  lockTimeoutMs = 0,
  queryTimeoutMs = 0,
  logger,
}: CreateDbOptions) {
  const pool = new pg.Pool({
    connectionString: url,
    application_name: applicationName,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: acquireTimeoutMs,
    // Notice a peer that vanished without closing the socket (network partition, VM gone).
    keepAlive: true,
    // Sent as startup parameters, so they hold for every statement on every connection.
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    ...(lockTimeoutMs > 0 ? { lock_timeout: lockTimeoutMs } : {}),
    ...(queryTimeoutMs > 0 ? { query_timeout: queryTimeoutMs } : {}),
  });
  const handle = {
    pool,
    max,
    connection: { connectionString: url, applicationName },
    failures: new FailureEpisodes(logger ?? null, () => ({ pool: poolStats({ pool, max }) })),
  };
  // pg-pool emits `error` for a connection that breaks while idle (server restart,
  // pg_terminate_backend) and has already dropped it; without a listener the process would die.
  pool.on('error', (error) => handle.failures.record(lostConnection(error), 'idle_connection'));
  pool.on('connect', () => handle.failures.connected());

  const adapter = new PrismaPg(pool, {
    // db.$disconnect() ends our pool too (server shutdown, tests).
    disposeExternalPool: true,
    // A connection held by an interactive transaction breaking between statements.
    onConnectionError: (error) => handle.failures.record(lostConnection(error), 'idle_connection'),
  });
  // 'minimal': no call site captured (an Error and its stack) on every query, which was a tenth
  // of Prisma's CPU per call (ADR 0016). Its errors reach clients only as our own codes, and our
  // logs keep their stacks, which async stack traces carry through to the calling service.
  const db = new PrismaClient({ adapter, errorFormat: 'minimal' });
  registerHandle(db, handle);
  return db;
}

export type Db = ReturnType<typeof createDb>;

/**
 * Classifies an error a call on `db` failed with and, when it is a failure of the database
 * path (down, pool exhausted, timed out), counts it in db's outage log: the first of an
 * episode is logged, the rest are not. Null for errors that are the query's own.
 */
export function noteDatabaseFailure(db: object, error: unknown): DatabaseFailure | null {
  const failure = classifyDatabaseError(error);
  if (failure) handleOf(db)?.failures.record(failure, 'query');
  return failure;
}

/**
 * The pg pool under a client made by createDb, for libraries that speak pg directly (the
 * rate limiter's PostgreSQL store). Shares the client's connections and limits.
 */
export function poolOf(db: object): pg.Pool {
  const handle = handleOf(db);
  if (!handle) throw new Error('poolOf: this client was not made by createDb');
  return handle.pool;
}
