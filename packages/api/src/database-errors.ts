import { type DatabaseFailure, type DatabaseFailureReason, Prisma } from '@taskforge/db';
import { AppError } from './errors.ts';

/** Retry-After for a database that is down: long enough not to hammer a restarting server. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
/** Retry-After for a full pool: load passes quickly, or the caller should back off anyway. */
export const POOL_EXHAUSTED_RETRY_AFTER_SECONDS = 1;

// Messages go to clients: they say what happened and what to do, never hosts or SQL.
const timeoutMessages: Partial<Record<DatabaseFailureReason, string>> = {
  lock_timeout: 'The data is locked by another operation; try again',
  transaction_timeout: 'The operation took too long and was rolled back; try again',
};

/**
 * A failure of the database path (classified by @taskforge/db) as the client sees it:
 * down or refusing -> 503 UNAVAILABLE with Retry-After, pool exhausted -> 503 UNAVAILABLE
 * with a shorter Retry-After, statement/lock/query timeouts -> 504 TIMEOUT. Never a 500:
 * none of these is a bug in the procedure.
 */
export function fromDatabaseFailure(failure: DatabaseFailure, cause: unknown): AppError {
  switch (failure.kind) {
    case 'unavailable':
      return new AppError({
        code: 'SERVICE_UNAVAILABLE',
        appCode: 'UNAVAILABLE',
        message: 'The database is unavailable; try again shortly',
        retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
        cause,
      });
    case 'pool_exhausted':
      return new AppError({
        code: 'SERVICE_UNAVAILABLE',
        appCode: 'UNAVAILABLE',
        message: 'The server is busy; try again shortly',
        retryAfterSeconds: POOL_EXHAUSTED_RETRY_AFTER_SECONDS,
        cause,
      });
    case 'timeout':
      return new AppError({
        code: 'GATEWAY_TIMEOUT',
        appCode: 'TIMEOUT',
        message: timeoutMessages[failure.reason] ?? 'The database did not answer in time; try again',
        cause,
      });
  }
}

/** Database errors that are the caller's doing become 4xx; anything else stays a 500. */
export function fromPrismaError(cause: unknown): AppError | null {
  if (!(cause instanceof Prisma.PrismaClientKnownRequestError)) return null;
  switch (cause.code) {
    case 'P2002':
      return new AppError({ code: 'CONFLICT', appCode: 'CONFLICT', message: conflictMessage(cause), cause });
    case 'P2025':
    case 'P2001':
      return new AppError({ code: 'NOT_FOUND', appCode: 'NOT_FOUND', message: 'Not found', cause });
    case 'P2003':
      return new AppError({
        code: 'BAD_REQUEST',
        appCode: 'BAD_REQUEST',
        message: 'A referenced record does not exist',
        cause,
      });
    default:
      return null;
  }
}

/**
 * Names the unique fields when Prisma says which. With driver adapters they are in the
 * adapter's cause (`constraint.fields`); the classic engine put them in `meta.target`.
 */
function conflictMessage(cause: Prisma.PrismaClientKnownRequestError): string {
  const fields = uniqueFields(cause.meta);
  return fields.length > 0 ? `Already exists: ${fields.join(', ')} must be unique` : 'Already exists';
}

function uniqueFields(meta: Record<string, unknown> | undefined): string[] {
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const target = strings(meta?.target);
  if (target.length > 0) return target;
  const adapterError = meta?.driverAdapterError;
  if (typeof adapterError !== 'object' || adapterError === null || !('cause' in adapterError)) return [];
  const adapterCause = adapterError.cause;
  if (typeof adapterCause !== 'object' || adapterCause === null || !('constraint' in adapterCause)) return [];
  const constraint = adapterCause.constraint;
  if (typeof constraint !== 'object' || constraint === null || !('fields' in constraint)) return [];
  return strings(constraint.fields);
}
