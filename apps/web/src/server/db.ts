import 'server-only';
import { databaseUrl, getConfig } from '@taskforge/config';
import { createDb, type Db } from '@taskforge/db';

// `next dev` re-evaluates modules on every edit; keeping the client on globalThis stops
// each reload from opening a new connection pool.
const cache = globalThis as typeof globalThis & { __taskforgeWebDb?: Db };

/**
 * The web app's one Prisma client, created on first use: DATABASE_URL, or in development
 * the embedded PostgreSQL that `npm run dev` starts.
 */
export function getDb(): Db {
  if (cache.__taskforgeWebDb) return cache.__taskforgeWebDb;
  const config = getConfig();
  cache.__taskforgeWebDb = createDb({
    url: databaseUrl(config),
    max: config.DATABASE_POOL_MAX,
    applicationName: 'taskforge-web',
  });
  return cache.__taskforgeWebDb;
}
