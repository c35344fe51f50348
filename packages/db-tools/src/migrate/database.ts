import { redactUrl } from '@taskforge/config';
import pg from 'pg';
import type { Log } from './engine.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const MAINTENANCE_DB = 'postgres';

/** PostgreSQL's "database does not exist" SQLSTATE. */
const INVALID_CATALOG_NAME = '3D000';
const DUPLICATE_DATABASE = '42P04';

function sqlState(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Host of a postgresql:// URL as libpq sees it: `?host=` wins over the authority; empty means a local socket. */
export function databaseHost(url: string): string {
  const parsed = new URL(url);
  return parsed.searchParams.get('host') ?? parsed.hostname;
}

/** localhost, a loopback address or a Unix socket (a host that is a path, or none at all). */
export function isLocalDatabase(url: string): boolean {
  const host = databaseHost(url);
  return host === '' || host.startsWith('/') || LOCAL_HOSTS.has(host.toLowerCase());
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`the database URL names no database: ${redactUrl(url)}`);
  return name;
}

/** The same server URL, naming another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** One short-lived connection to `url` for `fn`. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'taskforge-migrate' });
  client.on('error', () => {}); // a server-side disconnect surfaces through the pending query instead
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** True when the database exists; false only for "does not exist" (other errors propagate). */
export async function databaseExists(url: string): Promise<boolean> {
  try {
    await withClient(url, async () => {});
    return true;
  } catch (error) {
    if (sqlState(error) === INVALID_CATALOG_NAME) return false;
    throw error;
  }
}

/** Like the Prisma CLI before `migrate deploy`: create the database when it is missing. */
export async function ensureDatabase(url: string, log: Log): Promise<boolean> {
  if (await databaseExists(url)) return false;
  const name = databaseName(url);
  await withClient(withDatabase(url, MAINTENANCE_DB), async (client) => {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`).catch((error: unknown) => {
      if (sqlState(error) !== DUPLICATE_DATABASE) throw error; // created concurrently: fine
    });
  });
  log(`Created database "${name}" on ${databaseHost(url) || 'the local socket'}`);
  return true;
}

/**
 * Empties the database. Dropping and recreating it also removes extensions, other schemas
 * and stray objects, and WITH (FORCE) ends sessions such as a running dev server. When that
 * is impossible (it is the maintenance database itself, or the role may not create
 * databases) the public schema is dropped and recreated instead.
 */
export async function recreateDatabase(url: string, log: Log): Promise<void> {
  const name = databaseName(url);
  if (name !== MAINTENANCE_DB) {
    try {
      await withClient(withDatabase(url, MAINTENANCE_DB), async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      });
      log(`Dropped and recreated database "${name}"`);
      return;
    } catch (error) {
      if (!(await databaseExists(url))) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      log(`Could not recreate database "${name}" (${reason}); dropping schema "public" instead`);
    }
  }
  await withClient(url, (client) =>
    client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;'),
  );
  log(`Dropped and recreated schema "public" in "${name}"`);
}

export interface MigrationRow {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

/** Rows of _prisma_migrations in the order they were started; none when the table or database is missing. */
export async function migrationRows(url: string): Promise<MigrationRow[]> {
  if (!(await databaseExists(url))) return [];
  return withClient(url, async (client) => {
    const table = await client.query<{ present: boolean }>(
      "SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present",
    );
    if (!table.rows[0]?.present) return [];
    const rows = await client.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name',
    );
    return rows.rows.map((r) => ({
      name: r.migration_name,
      checksum: r.checksum,
      finished: r.finished_at !== null,
      rolledBack: r.rolled_back_at !== null,
    }));
  });
}
