import { databaseName, ensureDatabase } from './database.ts';
import { type Log, NO_FILTER, type SchemaEngine } from './engine.ts';
import {
  migrationsDirOrDefault,
  migrationTimestamp,
  readMigrations,
  slugifyMigrationName,
  writeMigration,
} from './migrations-dir.ts';
import { readSchema } from './schema.ts';
import { withEngine } from './session.ts';

export interface DevOptions {
  url: string;
  /** Free text; slugged the way `prisma migrate dev --name` slugs it. */
  name: string;
  schemaPath?: string;
  migrationsDir?: string;
  log?: Log;
  engineLog?: Log;
  /** Create and apply a migration even though it drops data (where the Prisma CLI would ask). */
  acceptDataLoss?: boolean;
}

export interface DevResult {
  /** Folder name of the new migration, or null when the schema needed none. */
  created: string | null;
  /** Migrations applied to the database by this run, the new one included. */
  applied: string[];
}

async function applyPending(engine: SchemaEngine, migrationsDir: string, log: Log): Promise<string[]> {
  const migrationsList = await readMigrations(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return [];
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
  for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
  return appliedMigrationNames;
}

/**
 * `prisma migrate dev`, non-interactively: bring the development database up to the
 * migration history, diff that history (replayed in an in-memory PGlite shadow) against
 * schema.prisma, write the difference as a new migration folder and apply it. Where the
 * Prisma CLI would prompt (drift, data loss) this stops with the reason and creates nothing.
 */
export async function migrateDev({
  url,
  name,
  schemaPath,
  migrationsDir,
  log = () => {},
  engineLog,
  acceptDataLoss = false,
}: DevOptions): Promise<DevResult> {
  const slug = slugifyMigrationName(name);
  if (!slug) throw new Error(`migration name "${name}" has no letters or digits to name a folder with`);
  const dir = migrationsDirOrDefault(migrationsDir);
  const schema = await readSchema(schemaPath);
  await ensureDatabase(url, log);

  const session = { url, schema, log: engineLog };
  const applied = await withEngine(session, async (engine) => {
    const history = await readMigrations(dir);
    const diagnostic = await engine.devDiagnostic({ migrationsList: history, filters: NO_FILTER });
    if (diagnostic.action.tag === 'reset') {
      throw new Error(
        `${diagnostic.action.reason}\n` +
          'The development database cannot take a new migration as it is. Reset it (all data is lost) ' +
          'with `npm run db:reset`, then run this again.',
      );
    }
    return applyPending(engine, dir, log);
  });

  return withEngine(session, async (engine) => {
    const current = await readMigrations(dir);
    const diff = await engine.diff({
      from: { tag: 'migrations', ...current },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    if (diff.exitCode === 0 || !diff.stdout) {
      log('Already in sync: schema.prisma matches the migrations, no new migration created.');
      return { created: null, applied };
    }

    // In this wasm build evaluateDataLoss only finds the shadow database ("PostgreSQL shadow
    // DB must be provided through an external factory") after a devDiagnostic that used it
    // on the same engine. The first one may not have (a database without migrations needs
    // no drift check), hence this second engine and diagnostic.
    await engine.devDiagnostic({ migrationsList: current, filters: NO_FILTER });
    const loss = await engine.evaluateDataLoss({ migrationsList: current, schema, filters: NO_FILTER });
    if (loss.unexecutableSteps.length > 0) {
      const steps = loss.unexecutableSteps.map((s) => `  - ${s.message}`).join('\n');
      throw new Error(
        `This migration cannot be applied to the current data:\n${steps}\n` +
          'Change the schema (e.g. add a default), or reset the development database with `npm run db:reset`.',
      );
    }
    if (loss.warnings.length > 0) {
      const warnings = loss.warnings.map((w) => `  - ${w.message}`).join('\n');
      if (!acceptDataLoss) {
        throw new Error(
          `This migration would lose data in ${databaseName(url)}:\n${warnings}\n` +
            'Nothing was created. Re-run with --force (acceptDataLoss: true) to create and apply it anyway.',
        );
      }
      log(`Accepted data loss:\n${warnings}`);
    }

    const folder = `${migrationTimestamp()}_${slug}`;
    const path = await writeMigration(dir, folder, diff.stdout);
    log(`Created migration ${folder} (${path})`);
    applied.push(...(await applyPending(engine, dir, log)));
    return { created: folder, applied };
  });
}
