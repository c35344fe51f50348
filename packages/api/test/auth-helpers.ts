// Helpers for the account, session and token tests (auth*, account*, sessions*, tokens*.test.ts).
import type { Db } from '@taskforge/db';
import { TRPCError } from '@trpc/server';
import { AppError, describeError } from '../src/index.ts';

/** The TRPCError a call failed with, with its stable code and zod field messages. */
export async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  const described = describeError(error);
  return {
    code: error.code,
    appCode: described.appCode,
    message: error.message,
    fieldErrors: described.fields?.fieldErrors ?? {},
    retryAfterSeconds: error instanceof AppError ? error.retryAfterSeconds : null,
  };
}

/** `name=value` of a Set-Cookie line. */
export function cookieValue(setCookie: string | undefined): string {
  const value = setCookie?.split(';')[0];
  if (!value) throw new Error('no Set-Cookie');
  return value;
}

/** Rows of the tables account procedures write: "nothing written" is these unchanged. */
export async function rowCounts(db: Db) {
  const [users, sessions, apiTokens, activities] = await Promise.all([
    db.user.count(),
    db.session.count(),
    db.apiToken.count(),
    db.activity.count(),
  ]);
  return { users, sessions, apiTokens, activities };
}

/**
 * Runs `body` in a transaction that holds the user's row FOR UPDATE; `body` gets a function that
 * resolves once some other connection is waiting for a lock in this database (the call under
 * test has reached its own lock), so a race can be staged in a fixed order.
 */
export async function whileUserLocked(
  db: Db,
  userId: string,
  body: (
    tx: Parameters<Parameters<Db['$transaction']>[0]>[0],
    othersWaiting: () => Promise<void>,
  ) => Promise<void>,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
      await body(tx, () => waitForLockWaiter(db));
    },
    { timeout: 20_000 },
  );
}

async function waitForLockWaiter(db: Db): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const [row] = await db.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody started waiting for the lock');
}
