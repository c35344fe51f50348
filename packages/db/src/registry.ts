import type pg from 'pg';
import type { FailureEpisodes } from './outage.ts';

/** Occupancy of a traffic pool. */
export interface PoolStats {
  max: number;
  /** Connections open (idle or checked out). */
  open: number;
  idle: number;
  /** Callers queued for a connection. */
  waiting: number;
  /** Every connection is busy and callers are queued: new calls wait, then fail with 503. */
  exhausted: boolean;
}

/** What createDb knows about a client beyond Prisma: its pool, how to open a side connection, its failure log. */
export interface DatabaseHandle {
  pool: pg.Pool;
  max: number;
  /** Connection settings without pool or timeout options, for a probe connection of our own. */
  connection: { connectionString: string; applicationName: string };
  failures: FailureEpisodes;
}

// Keyed by the client object, so the `db` every mount already passes around is all a caller
// needs, and a dropped client takes its entry with it. Kept on globalThis: Next can load this
// module twice (once per bundle layer), and both copies must see the same clients.
const KEY: unique symbol = Symbol.for('taskforge.db.handles');
const holder = globalThis as typeof globalThis & { [KEY]?: WeakMap<object, DatabaseHandle> };
holder[KEY] ??= new WeakMap<object, DatabaseHandle>();
const handles = holder[KEY];

export function registerHandle(db: object, handle: DatabaseHandle): void {
  handles.set(db, handle);
}

/** The handle of a client made by createDb; null for any other client. */
export function handleOf(db: object): DatabaseHandle | null {
  return handles.get(db) ?? null;
}

export function poolStats(handle: Pick<DatabaseHandle, 'pool' | 'max'>): PoolStats {
  const { pool, max } = handle;
  const open = pool.totalCount;
  const idle = pool.idleCount;
  const waiting = pool.waitingCount;
  return { max, open, idle, waiting, exhausted: waiting > 0 && idle === 0 && open >= max };
}
