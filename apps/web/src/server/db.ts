import 'server-only';
import { getConfig } from '@taskforge/config';
import { createDb, type Db } from '@taskforge/db';

// `next dev` re-evaluates modules on every edit; keeping the client on globalThis stops
// each reload from opening a new connection pool.
const cache = globalThis as typeof globalThis & { __taskforgeWebDb?: Db };

/** The web app's one Prisma client, created on first use. */
export function getDb(): Db {
  if (cache.__taskforgeWebDb) return cache.__taskforgeWebDb;
  const { DATABASE_URL, DATABASE_POOL_MAX } = getConfig();
  if (!DATABASE_URL) {
    throw new Error(
      'DATABASE_URL is not set: start the app with `npm run dev` from the repository root, which starts the embedded PostgreSQL',
    );
  }
  cache.__taskforgeWebDb = createDb({
    url: DATABASE_URL,
    max: DATABASE_POOL_MAX,
    applicationName: 'taskforge-web',
  });
  return cache.__taskforgeWebDb;
}
