import { newApiToken } from '@taskforge/auth';
import { seedLarge } from '@taskforge/db-tools/seed/large';
import type pg from 'pg';
import { BOARD_PROJECTS, BOARD_WORKSPACE, type BoardFixture } from './board.ts';
import { SUMMARY_SQL, type Summary, TASK_STATUSES } from './summary.ts';

/**
 * What stats.summary must return for the database as it is now (the board's tasks grow during a
 * run), counted by the bench with its own SQL.
 */
export async function currentSummary(pool: pg.Pool): Promise<Summary> {
  const count = async (sql: string) => (await pool.query<{ n: number }>(sql)).rows[0]?.n ?? 0;
  const groups = await pool.query<{ status: string; n: number }>(SUMMARY_SQL.tasksByStatus);
  const tasksByStatus: Record<string, number> = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0]));
  for (const row of groups.rows) tasksByStatus[row.status] = row.n;
  return {
    users: await count(SUMMARY_SQL.users),
    workspaces: await count(SUMMARY_SQL.workspaces),
    projects: await count(SUMMARY_SQL.projects),
    tasks: Object.values(tasksByStatus).reduce((a, b) => a + b, 0),
    tasksByStatus,
  };
}

/**
 * Plain SQL rather than the app's seed: an instance administrator (bench1, who holds the READ
 * token stats.summary is called with), two more users, two small workspaces with four projects.
 * Ids and updated_at are filled here because Prisma generates them client-side (no DB defaults).
 */
export async function seedBenchRows(pool: pg.Pool): Promise<void> {
  await pool.query(
    `INSERT INTO users (id, email, name, is_instance_admin, updated_at)
     SELECT gen_random_uuid(), 'bench' || i || '@example.test', 'Bench user ' || i, i = 1, now()
     FROM generate_series(1, 3) AS i`,
  );
  await pool.query(
    `INSERT INTO workspaces (id, slug, name, updated_at)
     SELECT gen_random_uuid(), 'bench-' || i, 'Bench workspace ' || i, now() FROM generate_series(1, 2) AS i`,
  );
  await pool.query(
    `WITH w AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS idx FROM workspaces)
     INSERT INTO projects (id, workspace_id, key, name, updated_at)
     SELECT gen_random_uuid(), w.id, 'P' || i, 'Bench project ' || i, now()
     FROM generate_series(1, 4) AS i JOIN w ON w.idx = i % 2`,
  );
}

/** An API token of `userId` as tokens.create stores it (only its SHA-256). */
async function seedToken(pool: pg.Pool, userId: string, scope: 'READ' | 'READ_WRITE'): Promise<string> {
  const { token, hash, prefix } = newApiToken();
  await pool.query(
    `INSERT INTO api_tokens (id, user_id, name, prefix, token_hash, scope)
     VALUES (gen_random_uuid(), $1, 'bench', $2, $3, $4::"TokenScope")`,
    [userId, prefix, hash, scope],
  );
  return token;
}

/** The instance administrator's READ token (stats.summary). */
export async function seedAdminToken(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id::text AS id FROM users WHERE email = 'bench1@example.test'`,
  );
  const admin = rows[0];
  if (!admin) throw new Error('seedBenchRows first');
  return seedToken(pool, admin.id, 'READ');
}

/**
 * The board workspace with `tasks` tasks (the large seed: round robin over BOARD_PROJECTS, every
 * status, assignees, labels, comments), and a MEMBER of it with a READ and a READ_WRITE token.
 */
export async function seedBoard(pool: pg.Pool, tasks: number): Promise<BoardFixture> {
  const report = await seedLarge(pool, {
    tasks,
    workspace: BOARD_WORKSPACE,
    projects: BOARD_PROJECTS,
    members: 20,
  });
  const member = await pool.query<{ id: string }>(
    `SELECT m.user_id::text AS id FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
     WHERE w.slug = $1 AND m.role = 'MEMBER' ORDER BY m.created_at, m.user_id LIMIT 1`,
    [BOARD_WORKSPACE],
  );
  const memberId = member.rows[0]?.id;
  if (!memberId) throw new Error(`no MEMBER in ${BOARD_WORKSPACE}`);
  const labels = await pool.query<{ id: string }>(
    `SELECT l.id::text AS id FROM labels l JOIN workspaces w ON w.id = l.workspace_id
     WHERE w.slug = $1 ORDER BY l.name_key`,
    [BOARD_WORKSPACE],
  );
  return {
    workspace: BOARD_WORKSPACE,
    projects: report.projects,
    memberId,
    labelIds: labels.rows.map((r) => r.id),
    readToken: await seedToken(pool, memberId, 'READ'),
    writeToken: await seedToken(pool, memberId, 'READ_WRITE'),
  };
}

/** Adds tasks to the board workspace until the instance holds `total`; returns the seconds it took. */
export async function growBoard(pool: pg.Pool, total: number, log: (line: string) => void): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tasks');
  const missing = total - (rows[0]?.n ?? 0);
  if (missing <= 0) return 0;
  let lastTenth = -1;
  const report = await seedLarge(pool, {
    tasks: missing,
    workspace: BOARD_WORKSPACE,
    projects: BOARD_PROJECTS,
    members: 20,
    onProgress: ({ done, total: all, elapsedMs }) => {
      const tenth = Math.floor((done / all) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      log(
        `seeding: ${done.toLocaleString('en-US')}/${all.toLocaleString('en-US')} tasks, ${(elapsedMs / 1000).toFixed(0)} s`,
      );
    },
  });
  // The seed leaves ~1 GB of dirty pages; without a checkpoint here, writing them back competes with
  // the first measured rounds at the new size (and skews its latency against the smaller size's).
  const checkpointing = Date.now();
  await pool.query('CHECKPOINT');
  log(`checkpoint after seeding: ${((Date.now() - checkpointing) / 1000).toFixed(1)} s`);
  return (report.insertMs + report.analyzeMs) / 1000;
}
