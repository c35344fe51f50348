import { connect } from 'node:net';
import { createLogger } from '@taskforge/api';
import type { Db } from '@taskforge/db';
import { useEmptyDatabase, useTestDatabase } from '@taskforge/db-tools/testing/vitest';

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
  const empty = useEmptyDatabase();
  return {
    get migrated() {
      return migrated.current;
    },
    get empty() {
      return empty.current;
    },
  };
}

export { freePort } from '@taskforge/db-tools';

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
