import type { Logger } from '@taskforge/api';
import { type Env, redactUrl } from '@taskforge/config';

export interface DatabaseTarget {
  url: string;
  /** Stops the embedded PostgreSQL if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
  /** True when this process started an embedded PostgreSQL (and so must stop it). */
  ownsServer: boolean;
}

export class MissingDatabaseUrlError extends Error {
  constructor() {
    super(
      'DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development only)',
    );
    this.name = 'MissingDatabaseUrlError';
  }
}

/**
 * DATABASE_URL when set. Otherwise, outside production, the embedded PostgreSQL (reusing
 * one `npm run dev` already started on the same folder) with migrations applied, so a
 * fresh clone runs with nothing but Node.
 */
export async function resolveDatabase(config: Env, logger: Logger): Promise<DatabaseTarget> {
  if (config.DATABASE_URL) {
    logger.info({ url: redactUrl(config.DATABASE_URL) }, 'using DATABASE_URL');
    return { url: config.DATABASE_URL, stop: async () => {}, ownsServer: false };
  }
  if (config.NODE_ENV === 'production') throw new MissingDatabaseUrlError();

  // Loaded lazily: production never needs the embedded server or the WebAssembly schema engine.
  const { startEmbeddedPostgres } = await import('@taskforge/db/embedded');
  const { migrateDeploy } = await import('@taskforge/db/migrate');
  const pgLog = logger.child({ component: 'embedded-postgres' });
  const handle = await startEmbeddedPostgres({
    port: config.EMBEDDED_PG_PORT,
    dir: config.EMBEDDED_PG_DIR,
    log: (line) => pgLog.debug(line),
  });
  logger.info(
    { url: redactUrl(handle.url), started: handle.owned, dir: config.EMBEDDED_PG_DIR },
    handle.owned ? 'started embedded PostgreSQL' : 'reusing running embedded PostgreSQL',
  );
  try {
    const { applied } = await migrateDeploy({ url: handle.url });
    logger.info({ applied }, applied.length > 0 ? 'applied migrations' : 'migrations up to date');
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return { url: handle.url, stop: () => handle.stop(), ownsServer: handle.owned };
}
