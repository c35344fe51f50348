/**
 * What went wrong when the database path failed for a reason that is not the query's own
 * fault: the database is gone, the pool is full, or something took too long. Everything
 * else (constraint violations, bad SQL) is not a failure in this sense and classifies as null.
 *
 * Found empirically with Prisma 7 + @prisma/adapter-pg + pg 8 (see
 * docs/decisions/0010-database-timeouts-and-outages.md): the same condition surfaces as a
 * Prisma known error carrying the adapter's DriverAdapterError in `meta` (model queries:
 * P1001/P1017/P2039, raw queries: P2010), a plain pg `DatabaseError` with a SQLSTATE (idle
 * connections, our own probe), or a bare `Error` from pg / pg-pool that Prisma rethrows
 * unchanged ("timeout exceeded when trying to connect", "Query read timeout",
 * "Connection terminated unexpectedly").
 */
export type DatabaseFailureReason =
  /** Nothing listens, the host is unknown, TLS failed, or the connection attempt timed out. */
  | 'unreachable'
  /** An open connection was closed under us (server shutdown, pg_terminate_backend, network). */
  | 'connection_lost'
  /** The server is up but refuses new sessions: starting up, shutting down, in recovery. */
  | 'not_accepting'
  /** The server's max_connections is used up. */
  | 'too_many_connections'
  /** Credentials or the database name are wrong: unusable until someone fixes configuration. */
  | 'rejected'
  /** An operator cancelled the statement (pg_cancel_backend). */
  | 'canceled'
  /** Every pooled connection stayed busy for the whole acquire timeout. */
  | 'pool_exhausted'
  /** The server cancelled a statement that ran past statement_timeout. */
  | 'statement_timeout'
  /** The server gave up waiting for a lock after lock_timeout. */
  | 'lock_timeout'
  /** No answer from the server within the client-side query timeout. */
  | 'query_timeout'
  /** A Prisma interactive transaction ran past its own timeout. */
  | 'transaction_timeout';

/** How the failure is answered: 503 (unavailable, pool exhausted) or 504 (timeout). */
export type DatabaseFailureKind = 'unavailable' | 'pool_exhausted' | 'timeout';

export interface DatabaseFailure {
  kind: DatabaseFailureKind;
  reason: DatabaseFailureReason;
  /** SQLSTATE, socket error code or Prisma code when there was one (for logs). */
  code: string | null;
}

const kindOf: Record<DatabaseFailureReason, DatabaseFailureKind> = {
  unreachable: 'unavailable',
  connection_lost: 'unavailable',
  not_accepting: 'unavailable',
  too_many_connections: 'unavailable',
  rejected: 'unavailable',
  canceled: 'unavailable',
  pool_exhausted: 'pool_exhausted',
  statement_timeout: 'timeout',
  lock_timeout: 'timeout',
  query_timeout: 'timeout',
  transaction_timeout: 'timeout',
};

function failure(reason: DatabaseFailureReason, code: string | null): DatabaseFailure {
  return { kind: kindOf[reason], reason, code };
}

/** PostgreSQL SQLSTATEs that mean "not the query's fault". Class 08 is handled below. */
const bySqlState: Record<string, DatabaseFailureReason> = {
  '57014': 'statement_timeout', // query_canceled; refined by message below
  '55P03': 'lock_timeout', // lock_not_available (lock_timeout, or NOWAIT)
  '57P01': 'connection_lost', // admin_shutdown: fast shutdown or pg_terminate_backend
  '57P02': 'connection_lost', // crash_shutdown
  '57P03': 'not_accepting', // cannot_connect_now: starting up / shutting down
  '57P04': 'connection_lost', // database_dropped
  '57P05': 'connection_lost', // idle_session_timeout
  '25P03': 'connection_lost', // idle_in_transaction_session_timeout closes the session
  '53300': 'too_many_connections',
  '28000': 'rejected',
  '28P01': 'rejected',
  '3D000': 'rejected',
};

/** Node socket errors (pg surfaces them as-is; the adapter maps four of them). */
const bySocketCode: Record<string, DatabaseFailureReason> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'unreachable',
  ECONNRESET: 'connection_lost',
  EPIPE: 'connection_lost',
};

/** @prisma/adapter-pg's DriverAdapterError kinds (the `cause` in `meta.driverAdapterError`). */
const byAdapterKind: Record<string, DatabaseFailureReason> = {
  DatabaseNotReachable: 'unreachable',
  SocketTimeout: 'unreachable',
  TlsConnectionError: 'unreachable',
  ConnectionClosed: 'connection_lost',
  TooManyConnections: 'too_many_connections',
  AuthenticationFailed: 'rejected',
  DatabaseDoesNotExist: 'rejected',
  DatabaseAccessDenied: 'rejected',
};

/** Prisma's own codes for the same conditions, when no adapter cause is attached. */
const byPrismaCode: Record<string, DatabaseFailureReason> = {
  P1000: 'rejected',
  P1001: 'unreachable',
  P1003: 'rejected',
  P1008: 'unreachable',
  P1010: 'rejected',
  P1011: 'unreachable',
  P1017: 'connection_lost',
  P2024: 'pool_exhausted',
  P2037: 'too_many_connections',
};

/** Messages of plain Errors thrown by pg and pg-pool (they carry no code). */
const byMessage: [RegExp, DatabaseFailureReason][] = [
  [/^timeout exceeded when trying to connect$/, 'pool_exhausted'],
  [/^Connection terminated due to connection timeout$/, 'unreachable'],
  [/^Query read timeout$/, 'query_timeout'],
  [/^Connection terminated( unexpectedly)?$/, 'connection_lost'],
  [/is not queryable$/, 'connection_lost'],
  [/^Cannot use a pool after calling end on the pool$/, 'connection_lost'],
];

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function stringField(value: Fields, key: string): string | null {
  const field = value[key];
  return typeof field === 'string' ? field : null;
}

function fromSqlState(code: string, message: string | null): DatabaseFailure | null {
  if (code === '57014') {
    return failure(message?.includes('statement timeout') ? 'statement_timeout' : 'canceled', code);
  }
  const reason = bySqlState[code];
  if (reason) return failure(reason, code);
  // Class 08: connection exceptions (08000, 08003, 08006, 08001, 08004, 08P01).
  if (code.startsWith('08')) return failure('connection_lost', code);
  return null;
}

/** The driver adapter's cause object: `{ kind, code?, originalCode?, originalMessage? }`. */
function fromAdapterCause(cause: Fields): DatabaseFailure | null {
  const kind = stringField(cause, 'kind');
  if (kind === null) return null;
  const code = stringField(cause, 'originalCode') ?? stringField(cause, 'code');
  if (kind === 'postgres') {
    return code
      ? fromSqlState(code, stringField(cause, 'originalMessage') ?? stringField(cause, 'message'))
      : null;
  }
  const reason = byAdapterKind[kind];
  return reason ? failure(reason, code ?? kind) : null;
}

/** Prisma's P2028 covers both "could not start a transaction in time" and "it expired". */
function fromTransactionError(message: string): DatabaseFailure {
  return /unable to start a transaction/i.test(message)
    ? failure('pool_exhausted', 'P2028')
    : failure('transaction_timeout', 'P2028');
}

function classifyOne(error: Fields): DatabaseFailure | null {
  const meta = error.meta;
  if (isObject(meta) && isObject(meta.driverAdapterError) && isObject(meta.driverAdapterError.cause)) {
    const fromAdapter = fromAdapterCause(meta.driverAdapterError.cause);
    if (fromAdapter) return fromAdapter;
  }
  // A DriverAdapterError itself (the adapter throws these; Prisma usually wraps them).
  if (error.name === 'DriverAdapterError' && isObject(error.cause)) {
    const fromAdapter = fromAdapterCause(error.cause);
    if (fromAdapter) return fromAdapter;
  }
  const code = stringField(error, 'code');
  const message = stringField(error, 'message') ?? '';
  if (code !== null) {
    if (code === 'P2028') return fromTransactionError(message);
    const prisma = byPrismaCode[code];
    if (prisma) return failure(prisma, code);
    const socket = bySocketCode[code];
    if (socket) return failure(socket, code);
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const sql = fromSqlState(code, message);
      if (sql) return sql;
    }
  }
  for (const [pattern, reason] of byMessage) {
    if (pattern.test(message)) return failure(reason, null);
  }
  return null;
}

/** Classifies an error from any layer of the database path; null when it is not a failure of the path itself. */
export function classifyDatabaseError(error: unknown): DatabaseFailure | null {
  let current: unknown = error;
  // Follow `cause` a few levels: pg-pool and our callers wrap errors.
  for (let depth = 0; depth < 5 && isObject(current); depth++) {
    const found = classifyOne(current);
    if (found) return found;
    current = current.cause;
  }
  return null;
}
