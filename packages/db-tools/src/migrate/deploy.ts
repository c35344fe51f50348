import { ensureDatabase } from './database.ts';
import { type Log, NO_FILTER } from './engine.ts';
import { migrationsDirOrDefault, readMigrations } from './migrations-dir.ts';
import { withEngine } from './session.ts';

export interface DeployOptions {
  url: string;
  migrationsDir?: string;
  log?: Log;
  /** Receives the engine's own tracing lines (JSON); dropped when omitted. */
  engineLog?: Log;
}

/**
 * `prisma migrate deploy`: applies pending migrations in order, each recorded in
 * _prisma_migrations exactly as the native engine records it. Creates the database first
 * when it is missing. Never generates SQL and needs no shadow database.
 */
export async function migrateDeploy({
  url,
  migrationsDir,
  log = () => {},
  engineLog,
}: DeployOptions): Promise<{ applied: string[] }> {
  const list = await readMigrations(migrationsDir);
  await ensureDatabase(url, log);
  if (list.migrationDirectories.length === 0) {
    log(`No migrations found in ${migrationsDirOrDefault(migrationsDir)}`);
    return { applied: [] };
  }
  const { appliedMigrationNames } = await withEngine({ url, log: engineLog }, (engine) =>
    engine.applyMigrations({ migrationsList: list, filters: NO_FILTER }),
  );
  if (appliedMigrationNames.length === 0) log('No pending migrations to apply.');
  for (const name of appliedMigrationNames) log(`Applied migration ${name}`);
  return { applied: appliedMigrationNames };
}
