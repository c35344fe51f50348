import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string };
  }
}

/** A database of the calling test file: created in beforeAll, dropped in afterAll. */
function useDatabase(
  options: () => Parameters<typeof createTestDatabase>[0],
  name: string,
): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(options());
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get current() {
      if (!database) throw new Error(`${name}: read .current inside a test or hook`);
      return database;
    },
  };
}

/**
 * Gives the calling test file its own migrated database (cloned in beforeAll,
 * dropped in afterAll). Read `.current` inside tests and hooks.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  return useDatabase(() => inject('testDb'), 'useTestDatabase');
}

/**
 * A database without tables for the calling test file, on the same server: what a server sees
 * before `db:migrate`, and where every query fails inside Prisma (our own fault, INTERNAL).
 */
export function useEmptyDatabase(): { readonly current: TestDatabase } {
  return useDatabase(() => ({ adminUrl: inject('testDb').adminUrl }), 'useEmptyDatabase');
}
