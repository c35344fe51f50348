import { experimental_standaloneMiddleware } from '@trpc/server';
import { fromPrismaError } from '../database-errors.ts';

/** Turns unique violations into CONFLICT, missing rows into NOT_FOUND, and so on. */
export const mapDatabaseErrors = experimental_standaloneMiddleware().create(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = fromPrismaError(result.error.cause);
    if (mapped) throw mapped;
  }
  return result;
});
