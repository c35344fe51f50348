import type { Db } from './client.ts';
import { expectedMigrations } from './generated/migrations.ts';

export interface MigrationState {
  applied: number;
  /** Migrations this build expects that the database has not finished applying. */
  pending: string[];
}

/**
 * Cheap readiness check (no schema engine): compares the migrations this build was generated
 * with (recorded by `db:generate`, not read from disk) with the finished rows of
 * _prisma_migrations. A missing table means nothing is applied.
 */
export async function migrationState(db: Db): Promise<MigrationState> {
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return { applied: 0, pending: [...expectedMigrations] };
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(rows.map((r) => r.migration_name));
  return { applied: done.size, pending: expectedMigrations.filter((name) => !done.has(name)) };
}
