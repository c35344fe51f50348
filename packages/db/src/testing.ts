// Test support that needs nothing but the client: packages/db's own tests use it, and
// @taskforge/db-tools/testing re-exports it for everyone else (packages/db cannot import db-tools).
import type { Db } from './client.ts';

/**
 * Holds every connection of `db` (a pool of 1) in a transaction until the returned function is
 * called: a saturated pool, for the tests of acquire timeouts and readiness under load.
 */
export async function holdOnlyConnection(db: Db): Promise<() => Promise<void>> {
  const release = Promise.withResolvers<void>();
  const held = Promise.withResolvers<void>();
  const holding = db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1`;
    held.resolve();
    await release.promise;
  });
  await held.promise;
  return async () => {
    release.resolve();
    await holding;
  };
}
