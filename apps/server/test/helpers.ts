import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { createLogger } from '@taskforge/api';
import { createDb, type Db } from '@taskforge/db';
import { useTestDatabase } from '@taskforge/db/testing/vitest';
import { afterAll, beforeAll, inject } from 'vitest';

export const silentLogger = createLogger({ level: 'silent' });

export interface ServerTestDatabases {
  /** Migrated database of this test file. */
  readonly migrated: { url: string; db: Db };
  /** A database with no tables at all: what a server sees before `db:migrate`. */
  readonly empty: { url: string; db: Db };
}

/**
 * The suite's databases in one place: the shared per-file migrated clone, plus an empty
 * database on the same server for the not-ready case.
 */
export function useServerDatabases(): ServerTestDatabases {
  const migrated = useTestDatabase();
  let empty: { url: string; db: Db; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    empty = await createEmptyDatabase(inject('testDb').adminUrl);
  });
  afterAll(async () => {
    await empty?.drop();
  });
  return {
    get migrated() {
      return migrated.current;
    },
    get empty() {
      if (!empty) throw new Error('useServerDatabases: read .empty inside a test or hook');
      return empty;
    },
  };
}

async function createEmptyDatabase(adminUrl: string) {
  // Random hex only, so the name is safe to splice into DDL (which takes no bind parameters).
  const name = `taskforge_empty_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const db = createDb({ url: adminUrl, max: 1, applicationName: 'taskforge-server-test' });
    try {
      await db.$executeRawUnsafe(sql);
    } finally {
      await db.$disconnect();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createDb({ url: url.toString(), max: 2, applicationName: 'taskforge-server-test' });
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export { freePort } from '@taskforge/db/embedded';

/** Resolves true when something accepts TCP connections on the port. */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
