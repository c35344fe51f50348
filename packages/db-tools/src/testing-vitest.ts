import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { adminUrl: string; template: string };
  }
}

/**
 * Gives the calling test file its own migrated database (cloned in beforeAll,
 * dropped in afterAll). Read `.current` inside tests and hooks.
 */
export function useTestDatabase(): { readonly current: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(inject('testDb'));
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get current() {
      if (!database) throw new Error('useTestDatabase: read .current inside a test or hook');
      return database;
    },
  };
}
