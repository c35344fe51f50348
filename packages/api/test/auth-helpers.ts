// Helpers for the account, session and token tests (auth*, account*, sessions*, tokens*.test.ts).
import type { Db } from '@taskforge/db';
import { lockWaiter } from './failures.ts';

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
      await body(tx, () => lockWaiter(db));
    },
    { timeout: 20_000 },
  );
}
