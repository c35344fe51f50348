import 'server-only';
import { databaseUrl, getConfig } from '@taskforge/config';
import { createDb, type Db, dbLimitsFromConfig } from '@taskforge/db';
import { getLogger } from './logger.ts';

// `next dev` re-evaluates modules on every edit; keeping the client on globalThis stops
// each reload from opening a new connection pool.
const cache = globalThis as typeof globalThis & { __taskforgeWebDb?: Db };

/**
 * The web app's one Prisma client, created on first use: DATABASE_URL, or in development
 * the embedded PostgreSQL that `npm run dev` starts. Same pool size and timeouts as the
 * standalone server, and the same once-per-outage logging.
 */
export function getDb(): Db {
  if (cache.__taskforgeWebDb) return cache.__taskforgeWebDb;
  const config = getConfig();
  cache.__taskforgeWebDb = createDb({
    url: databaseUrl(config),
    applicationName: 'taskforge-web',
    ...dbLimitsFromConfig(config),
    logger: getLogger(),
  });
  return cache.__taskforgeWebDb;
}
