import { newApiToken } from '@taskforge/auth';
import type pg from 'pg';
import { type Summary, TASK_STATUSES } from './summary.ts';

const SEED = { users: 3, workspaces: 2, projects: 4, tasks: 500 };

function statusOf(i: number): string {
  const status = TASK_STATUSES[i % TASK_STATUSES.length];
  if (!status) throw new Error('no task statuses');
  return status;
}

/** What stats.summary must return once seedBenchRows has run on an empty database. */
export function expectedSummary(): Summary {
  const tasksByStatus: Record<string, number> = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
  for (let i = 0; i < SEED.tasks; i++) {
    const status = statusOf(i);
    tasksByStatus[status] = (tasksByStatus[status] ?? 0) + 1;
  }
  return {
    users: SEED.users,
    workspaces: SEED.workspaces,
    projects: SEED.projects,
    tasks: SEED.tasks,
    tasksByStatus,
  };
}

/**
 * Plain SQL rather than the app's seed: the benchmark needs fixed, known counts. Ids and
 * updated_at are filled here because Prisma generates them client-side (no DB defaults).
 */
export async function seedBenchRows(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  // The first user operates the instance: stats.summary is an instance administrator's read.
  await client.query(
    `INSERT INTO users (id, email, name, is_instance_admin, updated_at)
     SELECT gen_random_uuid(), 'bench' || i || '@example.test', 'Bench user ' || i, i = 1, now()
     FROM generate_series(1, $1::int) AS i`,
    [SEED.users],
  );
  await client.query(
    `INSERT INTO workspaces (id, slug, name, updated_at)
     SELECT gen_random_uuid(), 'bench-' || i, 'Bench workspace ' || i, now()
     FROM generate_series(1, $1::int) AS i`,
    [SEED.workspaces],
  );
  // Projects alternate between the workspaces.
  await client.query(
    `WITH w AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS idx FROM workspaces)
     INSERT INTO projects (id, workspace_id, key, name, updated_at)
     SELECT gen_random_uuid(), w.id, 'P' || i, 'Bench project ' || i, now()
     FROM generate_series(1, $1::int) AS i JOIN w ON w.idx = i % $2::int`,
    [SEED.projects, SEED.workspaces],
  );
  const statuses = Array.from({ length: SEED.tasks }, (_, i) => statusOf(i));
  // Task i goes to project i % projects, numbered within its project, with status i % statuses.
  await client.query(
    `WITH p AS (SELECT id, workspace_id, row_number() OVER (ORDER BY key) - 1 AS idx FROM projects),
          t AS (SELECT i, s.status FROM unnest($1::text[]) WITH ORDINALITY AS s(status, i))
     INSERT INTO tasks (id, workspace_id, project_id, number, title, status, position, updated_at)
     SELECT gen_random_uuid(), p.workspace_id, p.id,
            row_number() OVER (PARTITION BY p.id ORDER BY t.i),
            'Bench task ' || t.i, t.status::"TaskStatus", lpad(t.i::text, 6, '0'), now()
     FROM t JOIN p ON p.idx = (t.i - 1) % $2::int`,
    [statuses, SEED.projects],
  );
  await client.query('COMMIT');
}

/**
 * A read-only API token of the instance administrator (bench1), as tokens.create would store
 * it (only its SHA-256): every target is called with `Authorization: Bearer <token>`.
 */
export async function seedAdminToken(client: pg.Client): Promise<string> {
  const { token, hash, prefix } = newApiToken();
  await client.query(
    `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, scope)
     SELECT gen_random_uuid(), id, 'bench', $1, $2, 'READ' FROM users WHERE email = 'bench1@example.test'`,
    [prefix, hash],
  );
  return token;
}
