import { type Log, NO_FILTER } from './engine.ts';
import { readMigrations } from './migrations-dir.ts';
import { readSchema } from './schema.ts';
import { withEngine } from './session.ts';

export interface CheckOptions {
  schemaPath?: string;
  migrationsDir?: string;
  engineLog?: Log;
}

export interface CheckResult {
  /** True when replaying the migrations yields exactly the schema's datamodel. */
  inSync: boolean;
  /** The SQL a new migration would need (empty when in sync). */
  diffSql: string;
}

/**
 * Replays the migrations into an in-memory PGlite and diffs the result against
 * schema.prisma. Needs no database, so CI can run it before anything is started.
 */
export async function migrateCheck({
  schemaPath,
  migrationsDir,
  engineLog,
}: CheckOptions = {}): Promise<CheckResult> {
  const [list, schema] = await Promise.all([readMigrations(migrationsDir), readSchema(schemaPath)]);
  const result = await withEngine({ log: engineLog }, (engine) =>
    engine.diff({
      from: { tag: 'migrations', ...list },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    }),
  );
  // With exitCode requested the engine answers 2 for "differences found", 0 for none.
  const inSync = result.exitCode === 0;
  return { inSync, diffSql: inSync ? '' : (result.stdout ?? '') };
}
