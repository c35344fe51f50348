import type { Env } from './schema.ts';

/**
 * The development PostgreSQL that `npm run dev` / `turbo dev` starts (packages/db-tools).
 * It listens on loopback only, so its fixed password grants nothing beyond this machine.
 */
export const EMBEDDED_PG_USER = 'postgres';
export const EMBEDDED_PG_PASSWORD = 'postgres';
export const EMBEDDED_PG_DATABASE = 'taskforge';

export function embeddedDatabaseUrl(port: number, database = EMBEDDED_PG_DATABASE): string {
  return `postgresql://${EMBEDDED_PG_USER}:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export class MissingDatabaseUrlError extends Error {
  constructor(nodeEnv: string) {
    super(
      `DATABASE_URL is required when NODE_ENV=${nodeEnv} ` +
        '(only development defaults to the embedded PostgreSQL that `npm run dev` starts)',
    );
    this.name = 'MissingDatabaseUrlError';
  }
}

/**
 * The database an app connects to: DATABASE_URL, or in development the embedded PostgreSQL
 * the dev task runs. Apps never start a database themselves.
 */
export function databaseUrl(env: Pick<Env, 'DATABASE_URL' | 'NODE_ENV' | 'EMBEDDED_PG_PORT'>): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  if (env.NODE_ENV === 'development') return embeddedDatabaseUrl(env.EMBEDDED_PG_PORT);
  throw new MissingDatabaseUrlError(env.NODE_ENV);
}
