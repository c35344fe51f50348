import type { DiagnoseMigrationHistoryOutput } from '@prisma/schema-engine-wasm/schema_engine_bg';
import { databaseExists, migrationRows } from './database.ts';
import { type Log, NO_FILTER } from './engine.ts';
import { migrationNames, readMigrations } from './migrations-dir.ts';
import { withEngine } from './session.ts';

export interface StatusOptions {
  url: string;
  migrationsDir?: string;
  /** Also replay the migrations in a PGlite shadow and compare with the live schema (about 2 s). */
  detectDrift?: boolean;
  engineLog?: Log;
}

export interface StatusResult {
  /** Migrations recorded as finished, in the order they were applied. */
  applied: string[];
  /** Migration folders the database has not applied (nor failed on). */
  pending: string[];
  /** Migrations that started and did not finish; `migrate deploy` refuses to continue past them. */
  failed: string[];
  /** Why the database and the migrations folder disagree beyond pending work, if they do. */
  drift?: string;
}

function describeHistory(diagnosis: DiagnoseMigrationHistoryOutput): string[] {
  const problems: string[] = [];
  if (diagnosis.editedMigrationNames.length > 0) {
    problems.push(`edited after being applied: ${diagnosis.editedMigrationNames.join(', ')}`);
  }
  const history = diagnosis.history;
  if (history?.diagnostic === 'migrationsDirectoryIsBehind') {
    problems.push(
      `applied to the database but missing here: ${history.unpersistedMigrationNames.join(', ')}`,
    );
  }
  if (history?.diagnostic === 'historiesDiverge') {
    problems.push(
      `histories diverge after ${history.lastCommonMigrationName ?? 'the first migration'}: ` +
        `the database has ${history.unpersistedMigrationNames.join(', ') || 'nothing else'}, ` +
        `this folder has ${history.unappliedMigrationNames.join(', ') || 'nothing else'}`,
    );
  }
  return problems;
}

/**
 * `prisma migrate status`: what is applied, pending and failed, plus anything that means
 * the database no longer follows the migrations folder (edited or unknown migrations
 * and, when the history is otherwise clean, schema drift). Never creates the database:
 * a missing one simply has everything pending.
 */
export async function migrateStatus({
  url,
  migrationsDir,
  detectDrift = true,
  engineLog,
}: StatusOptions): Promise<StatusResult> {
  const list = await readMigrations(migrationsDir);
  const local = migrationNames(list);
  if (!(await databaseExists(url))) return { applied: [], pending: local, failed: [] };

  const rows = await migrationRows(url);
  const live = rows.filter((r) => !r.rolledBack);
  const applied = live.filter((r) => r.finished).map((r) => r.name);
  const failed = live.filter((r) => !r.finished).map((r) => r.name);
  const settled = new Set([...applied, ...failed]);
  const pending = local.filter((name) => !settled.has(name));
  if (rows.length === 0 || local.length === 0) return { applied, pending, failed };

  const problems = await withEngine({ url, log: engineLog }, async (engine) => {
    const diagnosis = await engine.diagnoseMigrationHistory({
      migrationsList: list,
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const found = describeHistory(diagnosis);
    if (found.length === 0 && pending.length === 0 && failed.length === 0 && detectDrift) {
      const dev = await engine.devDiagnostic({ migrationsList: list, filters: NO_FILTER });
      if (dev.action.tag === 'reset') found.push(dev.action.reason);
    }
    return found;
  });
  return problems.length > 0
    ? { applied, pending, failed, drift: problems.join('\n') }
    : { applied, pending, failed };
}
