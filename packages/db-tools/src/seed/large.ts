// `npm run db:seed:large`: a workspace with as many tasks as asked for (a million in about a
// minute or two), for load tests and for trying the app at size. Server-side INSERT ... SELECT
// over generate_series in chunks, each its own transaction: a stopped run leaves whole chunks with
// their counters right, and a second run appends to the same workspace.
import type pg from 'pg';
import { DEMO_PASSWORD } from './demo-content.ts';
import { CHUNK_SQL, UUID7_SQL_FUNCTION } from './large-sql.ts';
import { demoPasswordHash } from './passwords.ts';
import { POSITION_SQL_FUNCTIONS } from './positions.ts';

export interface LargeSeedOptions {
  tasks: number;
  /** Workspace slug: created when missing, appended to when it exists. */
  workspace: string;
  /** Projects the tasks are spread over (round robin); existing ones are used first. */
  projects: number;
  /** People in a new workspace (an owner, two admins, members, viewers); an existing one keeps its own. */
  members: number;
  /** Rows per statement and transaction. */
  chunk?: number;
  onProgress?: (progress: { done: number; total: number; elapsedMs: number }) => void;
}

export interface LargeSeedReport {
  workspace: string;
  projects: string[];
  tasks: number;
  taskLabels: number;
  comments: number;
  /** Where the owner of a new workspace signs in (password: DEMO_PASSWORD); null when it existed. */
  owner: string | null;
  insertMs: number;
  analyzeMs: number;
}

const PROJECT_NAMES = [
  ['CORE', 'Core platform'],
  ['WEB', 'Web app'],
  ['API', 'Public API'],
  ['MOB', 'Mobile'],
  ['DATA', 'Data pipeline'],
  ['INFRA', 'Infrastructure'],
  ['SEC', 'Security'],
  ['QA', 'Quality'],
  ['DOCS', 'Documentation'],
  ['GROW', 'Growth'],
  ['BILL', 'Billing'],
  ['SUP', 'Support'],
] as const;
const LABELS = [
  ['Bug', '#e5484d'],
  ['Feature', '#3e63dd'],
  ['Improvement', '#30a46c'],
  ['Docs', '#8e4ec6'],
  ['Design', '#d6409f'],
  ['Infra', '#f76b15'],
  ['Security', '#ffc53d'],
  ['Performance', '#12a594'],
  ['Customer', '#0090ff'],
  ['Tech debt', '#978365'],
  ['Blocked', '#ca244d'],
  ['Good first issue', '#46a758'],
] as const;
const FIRST = [
  'Alex',
  'Sam',
  'Robin',
  'Kim',
  'Jo',
  'Max',
  'Lee',
  'Noa',
  'Ari',
  'Eli',
  'Mia',
  'Ivo',
  'Zoe',
  'Teo',
];
const LAST = [
  'Berg',
  'Costa',
  'Diaz',
  'Evans',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
];

export async function seedLarge(pool: pg.Pool, options: LargeSeedOptions): Promise<LargeSeedReport> {
  const client = await pool.connect();
  try {
    // Session-scoped helpers (pg_temp): gone with the connection, nothing left in the schema.
    for (const fn of [...POSITION_SQL_FUNCTIONS, UUID7_SQL_FUNCTION]) await client.query(fn);
    await bulkLoadSettings(client);
    const setup = await prepareWorkspace(client, options);
    const started = Date.now();
    const chunk = options.chunk ?? 50_000;
    const moment = new Date();
    let done = 0;
    let taskLabels = 0;
    let comments = 0;
    options.onProgress?.({ done, total: options.tasks, elapsedMs: 0 });
    while (done < options.tasks) {
      const last = Math.min(options.tasks, done + chunk);
      // The counter rows first, as tasks.create takes them: a create running meanwhile waits for
      // this chunk (or this chunk for it), and the chunk then reads counters and column ends
      // that include it. Without the lock both would take the same numbers.
      await client.query('BEGIN');
      await client.query('SELECT 1 FROM projects WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [
        setup.projectIds,
      ]);
      const { rows } = await client.query<{ tasks: number; labels: number; comments: number }>(CHUNK_SQL, [
        setup.workspaceId,
        setup.projectIds,
        setup.peopleIds,
        setup.labelIds,
        done + 1,
        last,
        options.tasks,
        moment,
      ]);
      await client.query('COMMIT');
      const counts = rows[0];
      if (!counts || counts.tasks !== last - done)
        throw new Error(`chunk ${done + 1}-${last} inserted ${counts?.tasks} tasks`);
      taskLabels += counts.labels;
      comments += counts.comments;
      done = last;
      options.onProgress?.({ done, total: options.tasks, elapsedMs: Date.now() - started });
    }
    const insertMs = Date.now() - started;
    // Fresh statistics for the planner, and the visibility map set so index-only scans apply.
    const analyzing = Date.now();
    await client.query('VACUUM (ANALYZE) tasks, task_labels, comments, projects, labels, memberships, users');
    return {
      workspace: options.workspace,
      projects: setup.projectKeys,
      tasks: done,
      taskLabels,
      comments,
      owner: setup.owner,
      insertMs,
      analyzeMs: Date.now() - analyzing,
    };
  } finally {
    // Closed, not returned to the pool: its session settings (no foreign-key triggers) and an
    // unfinished chunk's transaction must not outlive the seed.
    client.release(true);
  }
}

/**
 * For this session only: no flush to disk at each chunk's commit (a crash loses at most the last
 * chunks, which a rerun appends again), and, where allowed (a superuser, as on the embedded
 * database), no foreign-key triggers: every id the chunks write was just read from the workspace's
 * own rows, and the checks cost a third of the time.
 */
async function bulkLoadSettings(client: pg.PoolClient): Promise<void> {
  await client.query('SET synchronous_commit = off');
  try {
    await client.query('SET session_replication_role = replica');
  } catch (error) {
    // 42501: not a superuser. The checks run; the seed is only slower.
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === '42501'))
      throw error;
  }
}

interface Setup {
  workspaceId: string;
  projectIds: string[];
  projectKeys: string[];
  peopleIds: string[];
  labelIds: string[];
  owner: string | null;
}

/** The workspace, its people, projects and labels: made when missing, else found. */
async function prepareWorkspace(client: pg.PoolClient, options: LargeSeedOptions): Promise<Setup> {
  const { workspace: slug } = options;
  await client.query('BEGIN');
  try {
    const created = await client.query<{ id: string }>(
      `INSERT INTO workspaces (id, slug, name, updated_at) VALUES (gen_random_uuid(), $1, $2, now())
       ON CONFLICT (slug) DO NOTHING RETURNING id::text AS id`,
      [slug, `Large workspace (${slug})`],
    );
    const workspaceId =
      created.rows[0]?.id ??
      (await client.query<{ id: string }>('SELECT id::text AS id FROM workspaces WHERE slug = $1', [slug]))
        .rows[0]?.id;
    if (!workspaceId) throw new Error(`workspace ${slug} vanished while seeding`);
    const owner =
      created.rows.length > 0 ? await addPeople(client, workspaceId, slug, options.members) : null;
    const people = await client.query<{ id: string }>(
      `SELECT user_id::text AS id FROM memberships WHERE workspace_id = $1 AND role <> 'VIEWER'
       ORDER BY created_at, user_id`,
      [workspaceId],
    );
    if (people.rows.length === 0) throw new Error(`workspace ${slug} has no members who could own tasks`);

    const existing = await client.query<{ key: string }>(
      'SELECT key FROM projects WHERE workspace_id = $1 AND archived_at IS NULL ORDER BY created_at, key',
      [workspaceId],
    );
    const taken = new Set(existing.rows.map((r) => r.key));
    const keys = existing.rows.map((r) => r.key).slice(0, options.projects);
    for (let i = 0; keys.length < options.projects; i++) {
      const [key, name] = PROJECT_NAMES[i] ?? [`P${i + 1}`, `Project ${i + 1}`];
      if (taken.has(key)) continue;
      await client.query(
        `INSERT INTO projects (id, workspace_id, key, name, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, now())`,
        [workspaceId, key, name],
      );
      keys.push(key);
    }
    const projects = await client.query<{ id: string; key: string }>(
      `SELECT id::text AS id, key FROM projects WHERE workspace_id = $1 AND key = ANY($2::text[])`,
      [workspaceId, keys],
    );
    const projectIds = keys.map((key) => projects.rows.find((p) => p.key === key)?.id ?? '');

    await client.query(
      `INSERT INTO labels (id, workspace_id, name, name_key, color, updated_at)
       SELECT gen_random_uuid(), $1, l.name, lower(l.name), l.color, now()
       FROM unnest($2::text[], $3::text[]) AS l(name, color)
       ON CONFLICT (workspace_id, name_key) DO NOTHING`,
      [workspaceId, LABELS.map(([name]) => name), LABELS.map(([, color]) => color)],
    );
    const labels = await client.query<{ id: string }>(
      `SELECT id::text AS id FROM labels WHERE workspace_id = $1 AND name_key = ANY($2::text[]) ORDER BY name_key`,
      [workspaceId, LABELS.map(([name]) => name.toLowerCase())],
    );
    await client.query('COMMIT');
    return {
      workspaceId,
      projectIds,
      projectKeys: keys,
      peopleIds: people.rows.map((r) => r.id),
      labelIds: labels.rows.map((r) => r.id),
      owner,
    };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** `count` people for a new workspace: the first (who signs in with DEMO_PASSWORD) owns it. */
async function addPeople(
  client: pg.PoolClient,
  workspaceId: string,
  slug: string,
  count: number,
): Promise<string> {
  const emails = Array.from({ length: count }, (_, i) => `user${i + 1}@${slug}.test`);
  const names = emails.map(
    (_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`,
  );
  const owner = emails[0] ?? '';
  await client.query(
    `INSERT INTO users (id, email, name, password_hash, updated_at)
     SELECT gen_random_uuid(), u.email, u.name, CASE WHEN u.ord = 1 THEN $3 END, now()
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(email, name, ord)
     ON CONFLICT (email) DO NOTHING`,
    [emails, names, demoPasswordHash(owner, DEMO_PASSWORD)],
  );
  // An owner, two admins, viewers at the end, members in between.
  await client.query(
    `INSERT INTO memberships (id, workspace_id, user_id, role, updated_at)
     SELECT gen_random_uuid(), $1, u.id,
            (CASE WHEN e.ord = 1 THEN 'OWNER' WHEN e.ord <= 3 THEN 'ADMIN'
                  WHEN e.ord > greatest(3, $3::int - $3::int / 10) THEN 'VIEWER' ELSE 'MEMBER' END)::"Role",
            now()
     FROM unnest($2::text[]) WITH ORDINALITY AS e(email, ord) JOIN users u ON u.email = e.email
     ON CONFLICT (workspace_id, user_id) DO NOTHING`,
    [workspaceId, emails, count],
  );
  return owner;
}
