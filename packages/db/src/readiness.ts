import { readdirSync } from 'node:fs';
import type { Db } from './client.ts';
import { prismaPaths } from './paths.ts';

export interface MigrationState {
  applied: number;
  /** Migration folders on disk that the database has not finished applying. */
  pending: string[];
}

let onDisk: string[] | undefined;

function migrationsOnDisk(): string[] {
  onDisk ??= readdirSync(prismaPaths().migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return onDisk;
}

/**
 * Cheap readiness check (no schema engine): compares migration folders with the
 * finished rows of _prisma_migrations. A missing table means nothing is applied.
 */
export async function migrationState(db: Db): Promise<MigrationState> {
  const expected = migrationsOnDisk();
  const [table] = await db.$queryRaw<{ exists: boolean }[]>`
    SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS "exists"`;
  if (!table?.exists) return { applied: 0, pending: expected };
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const done = new Set(rows.map((r) => r.migration_name));
  return { applied: done.size, pending: expected.filter((name) => !done.has(name)) };
}
