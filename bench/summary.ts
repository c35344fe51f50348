/**
 * The `stats.summary` payload every target must return, and the SQL the baseline runs.
 * These are the statements Prisma sends for the tRPC handler (three counts and a
 * GROUP BY), written by hand.
 */
export interface Summary {
  users: number;
  workspaces: number;
  projects: number;
  tasks: number;
  tasksByStatus: Record<string, number>;
}

/** In schema order; the tRPC handler zero-fills every status the same way. */
export const TASK_STATUSES = ['BACKLOG', 'TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'CANCELED'] as const;

export const SUMMARY_SQL = {
  users: 'SELECT count(*)::int AS n FROM users',
  workspaces: 'SELECT count(*)::int AS n FROM workspaces',
  projects: 'SELECT count(*)::int AS n FROM projects',
  tasksByStatus: 'SELECT status::text AS status, count(*)::int AS n FROM tasks GROUP BY status',
} as const;

/** Keys sorted at every depth: what "the same payload" means when comparing targets. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) throw new Error(`not an object: ${JSON.stringify(value)}`);
  const sort = (v: unknown): unknown =>
    typeof v === 'object' && v !== null
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, inner]) => [k, sort(inner)]),
        )
      : v;
  return JSON.stringify(sort(value));
}
