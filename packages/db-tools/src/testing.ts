import { randomBytes } from 'node:crypto';
import { getConfig, redactUrl } from '@taskforge/config';
import { createDb, type Db } from '@taskforge/db';

export { holdOnlyConnection } from '@taskforge/db/testing';

import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.ts';
import { withClient, withDatabase } from './migrate/database.ts';
import { migrateDeploy, migrationsChecksum } from './migrate/index.ts';

/**
 * Test databases: one migrated template per migrations checksum, cloned with
 * CREATE DATABASE ... TEMPLATE for every test file (fast, fully isolated).
 */
export interface TestServer {
  /** Connection to a database on the server where we may CREATE DATABASE. */
  adminUrl: string;
  /** Name of the migrated template database. */
  template: string;
  describe: string;
  stop(): Promise<void>;
}

export async function startTestServer(log: (line: string) => void = () => {}): Promise<TestServer> {
  const config = getConfig();
  let adminUrl = config.TEST_DATABASE_URL;
  let stop = async () => {};
  let describe = adminUrl ? `TEST_DATABASE_URL ${redactUrl(adminUrl)}` : '';
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({
      port: config.TEST_EMBEDDED_PG_PORT,
      dir: config.TEST_EMBEDDED_PG_DIR,
      database: 'postgres',
      fast: true,
      log,
    });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
    describe = `embedded PostgreSQL on port ${config.TEST_EMBEDDED_PG_PORT}`;
  }
  const template = await ensureTemplate(adminUrl, log);
  return { adminUrl, template, describe, stop };
}

/** Builds taskforge_tpl_<checksum> unless it exists; drops templates of older migrations. */
async function ensureTemplate(adminUrl: string, log: (line: string) => void): Promise<string> {
  const template = `taskforge_tpl_${migrationsChecksum().slice(0, 12)}`;
  const exists = await withClient(adminUrl, async (c) => {
    const stale = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'taskforge\\_tpl\\_%' AND datname <> $1`,
      [template],
    );
    for (const { datname } of stale.rows) {
      await c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => {});
    }
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    return found.rowCount === 1;
  });
  if (exists) return template;

  // Build under a private name, then rename: a concurrent run never sees a half-built template.
  const building = `${template}_b${randomBytes(3).toString('hex')}`;
  log(`building test template ${template}`);
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(building)}`));
  await migrateDeploy({ url: withDatabase(adminUrl, building) });
  await withClient(adminUrl, async (c) => {
    try {
      await c.query(
        `ALTER DATABASE ${pg.escapeIdentifier(building)} RENAME TO ${pg.escapeIdentifier(template)}`,
      );
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === '42P04')) throw error;
      await c.query(`DROP DATABASE ${pg.escapeIdentifier(building)} WITH (FORCE)`);
    }
  });
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/**
 * A fresh database: a clone of the migrated template, or (without `template`) one with no
 * tables at all, as a server sees it before `db:migrate`.
 */
export async function createTestDatabase(server: {
  adminUrl: string;
  template?: string;
}): Promise<TestDatabase> {
  const name = `taskforge_t_${randomBytes(5).toString('hex')}`;
  await withClient(server.adminUrl, async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const from = server.template ? ` TEMPLATE ${pg.escapeIdentifier(server.template)}` : '';
        await c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}${from}`);
        return;
      } catch (error) {
        // 55006: the template is briefly in use by a concurrent clone; retry.
        const busy = error instanceof Error && 'code' in error && error.code === '55006';
        if (!busy || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 50 + attempt * 25));
      }
    }
  });
  const url = withDatabase(server.adminUrl, name);
  const db = createDb({ url, max: 5, applicationName: 'taskforge-test' });
  return {
    name,
    url,
    db,
    async drop() {
      await db.$disconnect();
      await withClient(server.adminUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}
