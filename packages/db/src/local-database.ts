import { getConfig } from '@taskforge/config';
import { startEmbeddedPostgres } from './embedded.ts';

export interface LocalDatabase {
  url: string;
  /** True when this call started an embedded PostgreSQL (DATABASE_URL was unset). */
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  release(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under EMBEDDED_PG_DIR,
 * started if it is not already running. Refused in production, where a real
 * database must be configured.
 */
export async function resolveDatabase(log: (line: string) => void = () => {}): Promise<LocalDatabase> {
  const config = getConfig();
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, embedded: false, release: async () => {} };
  if (config.NODE_ENV === 'production') {
    throw new Error(
      'DATABASE_URL is required when NODE_ENV=production (the embedded PostgreSQL is for development).',
    );
  }
  const server = await startEmbeddedPostgres({
    port: config.EMBEDDED_PG_PORT,
    dir: config.EMBEDDED_PG_DIR,
    log,
  });
  return { url: server.url, embedded: true, release: () => server.stop() };
}
