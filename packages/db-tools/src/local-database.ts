import { getConfig, MissingDatabaseUrlError } from '@taskforge/config';

export interface LocalDatabase {
  url: string;
  /** True when this is the embedded PostgreSQL (DATABASE_URL was unset). */
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

export interface ResolveDatabaseOptions {
  /** Apply pending migrations to the embedded database (never to DATABASE_URL). */
  migrate?: boolean;
  log?: (line: string) => void;
}

/**
 * For tooling (db:* commands, the dev database task): DATABASE_URL when set; otherwise the
 * embedded PostgreSQL under EMBEDDED_PG_DIR, started unless already running (e.g. by
 * `npm run dev`). Refused in production, where a real database must be configured.
 * Apps never call this: they connect to `databaseUrl()` from @taskforge/config.
 */
export async function resolveDatabase({ migrate = false, log = () => {} }: ResolveDatabaseOptions = {}) {
  const config = getConfig();
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, release: async () => {} } satisfies LocalDatabase;
  }
  if (config.NODE_ENV === 'production') throw new MissingDatabaseUrlError(config.NODE_ENV);

  // Loaded lazily: with DATABASE_URL set, neither the PostgreSQL binaries nor the schema engine are needed.
  const { startEmbeddedPostgres } = await import('./embedded.ts');
  const server = await startEmbeddedPostgres({
    port: config.EMBEDDED_PG_PORT,
    dir: config.EMBEDDED_PG_DIR,
    log,
  });
  log(
    server.owned
      ? `started embedded PostgreSQL on 127.0.0.1:${config.EMBEDDED_PG_PORT}`
      : `reusing the embedded PostgreSQL running on 127.0.0.1:${config.EMBEDDED_PG_PORT}`,
  );
  try {
    if (migrate) {
      const { migrateDeploy } = await import('./migrate/index.ts');
      const { applied } = await migrateDeploy({ url: server.url, log });
      log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.url, embedded: true, release: () => server.stop() } satisfies LocalDatabase;
}
