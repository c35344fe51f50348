import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { pgMain } from './pg-adapter.ts';
import { pgliteAdapter, startPglite } from './pglite-adapter.ts';

/** The engine's view of the databases, plus the cleanup the engine itself does not guarantee. */
export interface EngineAdapters {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends the pool and every PGlite; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Main connections go to `url`. Shadow connections go to an in-memory PGlite, because
 * @prisma/adapter-pg's own shadow handling connects to the main database and drops its
 * shadow before closing the pool. Without a url (commands that need no database) the
 * engine, which connects and reads the server version as soon as it is built, gets a
 * PGlite as main database too, and the first shadow request reuses it: the engine never
 * writes to the main database of a diff, and each PGlite start costs time.
 */
export function engineAdapters(url?: string): EngineAdapters {
  const main = url ? pgMain(url) : undefined;
  const opened = new Set<PGlite>();
  let spare: PGlite | undefined;
  let closed = false;

  const closePglite = async (db: PGlite) => {
    if (opened.delete(db)) await db.close();
  };
  const openPglite = async () => {
    const db = await startPglite();
    opened.add(db);
    if (closed) await closePglite(db); // the engine raced past close(): do not leak it
    return db;
  };

  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      if (main) return main.connect();
      spare = await openPglite();
      return pgliteAdapter(spare);
    },
    async connectToShadowDb() {
      const db = spare ?? (await openPglite());
      spare = undefined;
      return pgliteAdapter(db, () => closePglite(db));
    },
  };

  return {
    factory,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...opened].map(closePglite));
      await main?.end();
    },
  };
}
