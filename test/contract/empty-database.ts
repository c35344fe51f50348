import { createTestDatabase, type TestDatabase } from '@taskforge/db-tools/testing';
import { afterAll, beforeAll, inject } from 'vitest';

/**
 * A database without tables for this file: every query fails inside Prisma, our own fault
 * (INTERNAL), which is what the error, logging and secrets contracts need to provoke.
 */
export function useEmptyDatabase(): { readonly current: TestDatabase } {
  let empty: TestDatabase | undefined;
  beforeAll(async () => {
    empty = await createTestDatabase({ adminUrl: inject('testDb').adminUrl });
  });
  afterAll(async () => {
    await empty?.drop();
  });
  return {
    get current() {
      if (!empty) throw new Error('the empty database exists inside tests only');
      return empty;
    },
  };
}
