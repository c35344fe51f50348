import { noteDatabaseFailure } from '@taskforge/db';
import { fromDatabaseFailure, fromPrismaError } from '../database-errors.ts';
import { AppError } from '../errors.ts';
import { t } from '../init.ts';

/**
 * Database outages become 503/504 (counted in the client's outage log, which logs the first
 * of an episode once), unique violations CONFLICT, missing rows NOT_FOUND, and so on.
 */
export const mapDatabaseErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  // An AppError was mapped on purpose by whoever threw it.
  if (result.ok || result.error instanceof AppError) return result;
  const cause = result.error.cause;
  const failure = noteDatabaseFailure(ctx.db, cause);
  const mapped = failure ? fromDatabaseFailure(failure, cause) : fromPrismaError(cause);
  if (mapped) throw mapped;
  return result;
});
