// The data the query plans are taken on: one busy workspace (a big project ENG, two small ones,
// people, labels, comments, history) beside another workspace, so every workspace filter has
// rows to skip. Deterministic (seeded PRNG, setseed) so plans only change when code or indexes do.
import { generateNKeysBetween } from 'fractional-indexing';
import type pg from 'pg';

export interface SeedSize {
  /** Tasks in project ENG; the other projects get a tenth each, the other workspace a quarter. */
  tasks: number;
}

export interface QueryFixture {
  workspaceId: string;
  workspaceSlug: string;
  /** A member with tasks assigned across the projects ("my tasks"). */
  userId: string;
  /** Another member, for the assignee filter. */
  otherUserId: string;
  projectKey: string;
  labelId: string;
  /** A task with many comments and much history. */
  taskId: string;
}

const STATUSES = [
  ['BACKLOG', 30],
  ['TODO', 15],
  ['IN_PROGRESS', 5],
  ['IN_REVIEW', 3],
  ['DONE', 42],
  ['CANCELED', 5],
] as const;
const PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH', 'URGENT'] as const;
const WORDS = (
  'login signup password session token invite member role owner admin viewer project board column ' +
  'task label comment activity audit search filter sort cursor page index query plan cache deploy ' +
  'release build test flaky timeout retry webhook email export import csv report chart dashboard ' +
  'mobile desktop layout dark theme keyboard shortcut drag drop markdown preview editor upload ' +
  'avatar billing invoice plan quota limit rate error crash memory leak slow fast migrate schema ' +
  'postgres redis queue worker job cron backup restore archive restore notify alert onboarding guide'
).split(' ');
const USERS = 20;
const LABELS = 12;
const DAY = 86_400_000;
const EPOCH = Date.UTC(2026, 0, 1);

/** mulberry32: a small deterministic PRNG (Math.random cannot be seeded). */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof prng>;

/** A version-4-shaped UUID from the PRNG: the same ids every run, so regenerated plans differ only where plans do. */
function uuidOf(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};
const words = (random: Random, min: number, max: number) =>
  Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, () => pick(random, WORDS)).join(' ');

function statusOf(random: Random): string {
  let roll = random() * 100;
  for (const [status, weight] of STATUSES) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return 'DONE';
}

interface TaskRow {
  id: string;
  workspaceId: string;
  projectId: string;
  number: number;
  title: string;
  description: string;
  status: string;
  priority: string;
  assigneeId: string | null;
  creatorId: string;
  dueDate: string | null;
  position: string;
  archivedAt: string | null;
  createdAt: string;
}

/** A deterministic UUID (version-4 shape, as ids are checked) from a unique SQL text expression. */
function uuidSql(expression: string): string {
  return `overlay(overlay(md5(${expression}) placing '4' from 13) placing 'a' from 17)::uuid`;
}

/** Tasks for one project: random fields, then each status column's positions in creation order. */
function projectTasks(
  random: Random,
  ids: { workspace: string; project: string; users: string[] },
  count: number,
): TaskRow[] {
  const rows: TaskRow[] = [];
  for (let i = 0; i < count; i++) {
    const created = EPOCH + Math.floor((i / count) * 600 * DAY) + Math.floor(random() * DAY);
    rows.push({
      id: uuidOf(random),
      workspaceId: ids.workspace,
      projectId: ids.project,
      number: i + 1,
      title: words(random, 3, 7),
      description: random() < 0.2 ? '' : words(random, 8, 40),
      status: statusOf(random),
      priority: pick(random, PRIORITIES),
      assigneeId: random() < 0.2 ? null : pick(random, ids.users),
      creatorId: pick(random, ids.users),
      dueDate:
        random() < 0.4
          ? null
          : new Date(created + Math.floor(random() * 120) * DAY).toISOString().slice(0, 10),
      position: '',
      archivedAt: random() < 0.05 ? new Date(created + 30 * DAY).toISOString() : null,
      createdAt: new Date(created).toISOString(),
    });
  }
  for (const [status] of STATUSES) {
    const column = rows.filter((row) => row.status === status);
    const keys = generateNKeysBetween(null, null, column.length);
    column.forEach((row, k) => {
      row.position = keys[k] ?? '';
    });
  }
  return rows;
}

async function insertTasks(client: pg.Client, rows: TaskRow[]) {
  const column = <K extends keyof TaskRow>(key: K) => rows.map((row) => row[key]);
  await client.query(
    `INSERT INTO tasks (id, workspace_id, project_id, number, title, description, status, priority,
                        assignee_id, creator_id, due_date, position, archived_at, created_at, updated_at)
     SELECT i, w, p, n, ti, de, st::"TaskStatus", pr::"TaskPriority", a, c, du, po, ar, cr,
            cr + (random() * interval '20 days')
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[],
                 $9::uuid[], $10::uuid[], $11::date[], $12::text[], $13::timestamptz[], $14::timestamptz[])
          AS t(i, w, p, n, ti, de, st, pr, a, c, du, po, ar, cr)`,
    [
      column('id'),
      column('workspaceId'),
      column('projectId'),
      column('number'),
      column('title'),
      column('description'),
      column('status'),
      column('priority'),
      column('assigneeId'),
      column('creatorId'),
      column('dueDate'),
      column('position'),
      column('archivedAt'),
      column('createdAt'),
    ],
  );
}

/** Fills an empty, migrated database; returns the ids the cases call with. */
export async function seedQueryData(client: pg.Client, size: SeedSize): Promise<QueryFixture> {
  const random = prng(42);
  await client.query('BEGIN');
  await client.query('SELECT setseed(0.42)');
  const userIds: string[] = [];
  for (let i = 0; i < USERS; i++) userIds.push(uuidOf(random));
  await client.query(
    `INSERT INTO users (id, email, name, updated_at)
     SELECT id, 'person' || i || '@example.test', 'Person ' || i, now()
     FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, i)`,
    [userIds],
  );
  const [workspaceId, otherWorkspaceId] = [uuidOf(random), uuidOf(random)];
  await client.query(
    `INSERT INTO workspaces (id, slug, name, updated_at)
     VALUES ($1, 'busy', 'Busy workspace', now()), ($2, 'elsewhere', 'Another workspace', now())`,
    [workspaceId, otherWorkspaceId],
  );
  await client.query(
    `INSERT INTO memberships (id, workspace_id, user_id, role, updated_at)
     SELECT ${uuidSql("'membership' || id::text")}, $1, id, CASE WHEN i = 1 THEN 'OWNER' ELSE 'MEMBER' END::"Role", now()
     FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, i)`,
    [workspaceId, userIds],
  );
  const projects: { id: string; workspace: string; key: string; tasks: number }[] = [
    { id: uuidOf(random), workspace: workspaceId, key: 'ENG', tasks: size.tasks },
    { id: uuidOf(random), workspace: workspaceId, key: 'OPS', tasks: Math.ceil(size.tasks / 10) },
    { id: uuidOf(random), workspace: workspaceId, key: 'WEB', tasks: Math.ceil(size.tasks / 10) },
    { id: uuidOf(random), workspace: otherWorkspaceId, key: 'ENG', tasks: Math.ceil(size.tasks / 4) },
  ];
  for (const project of projects) {
    await client.query(
      `INSERT INTO projects (id, workspace_id, key, name, task_counter, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [project.id, project.workspace, project.key, `${project.key} project`, project.tasks],
    );
    const rows = projectTasks(
      random,
      { workspace: project.workspace, project: project.id, users: userIds },
      project.tasks,
    );
    for (let start = 0; start < rows.length; start += 5_000)
      await insertTasks(client, rows.slice(start, start + 5_000));
  }
  await client.query(
    `INSERT INTO labels (id, workspace_id, name, name_key, color, updated_at)
     SELECT ${uuidSql("w.id::text || 'label' || i")}, w.id, 'label ' || i, 'label ' || i, '#6366f1', now()
     FROM workspaces w CROSS JOIN generate_series(1, $1::int) AS i`,
    [LABELS],
  );
  // Four tasks in ten carry a label, some two; labels come from the task's own workspace.
  await client.query(
    `INSERT INTO task_labels (task_id, label_id)
     SELECT DISTINCT t.id, l.id FROM tasks t
     JOIN LATERAL (SELECT id FROM labels WHERE workspace_id = t.workspace_id
                   ORDER BY md5(t.id::text || id::text) LIMIT 1 + (random() < 0.3)::int) l ON true
     WHERE random() < 0.4`,
  );
  const eng = projects[0];
  if (!eng) throw new Error('no project');
  const { rows: busy } = await client.query<{ id: string }>(
    `SELECT id::text FROM tasks WHERE project_id = $1 AND archived_at IS NULL ORDER BY number LIMIT 1`,
    [eng.id],
  );
  const taskId = busy[0]?.id;
  if (!taskId) throw new Error('no task');
  // About two comments per task, and two hundred on the busy one.
  await client.query(
    `INSERT INTO comments (id, workspace_id, task_id, author_id, body, created_at, updated_at)
     SELECT ${uuidSql("t.id::text || 'comment' || g")}, t.workspace_id, t.id, t.assignee_id, 'A comment', t.created_at + g * interval '1 hour', now()
     FROM tasks t CROSS JOIN generate_series(1, 4) AS g WHERE random() < 0.5`,
  );
  await client.query(
    `INSERT INTO comments (id, workspace_id, task_id, author_id, body, created_at, updated_at)
     SELECT ${uuidSql("t.id::text || 'thread' || g")}, t.workspace_id, t.id, $2, 'Busy thread ' || g, t.created_at + g * interval '1 minute', now()
     FROM tasks t CROSS JOIN generate_series(1, 200) AS g WHERE t.id = $1`,
    [taskId, userIds[0]],
  );
  // History: the work (created, updated, moved, comments) and some account events per workspace.
  await client.query(
    `INSERT INTO activities (id, workspace_id, actor_id, project_id, task_id, action, target_type, target_id, data, created_at)
     SELECT ${uuidSql("t.id::text || 'activity' || g")}, t.workspace_id, t.creator_id, t.project_id, t.id,
            (ARRAY['task.created','task.updated','task.moved','comment.added'])[g], 'task', t.id::text,
            jsonb_build_object('title', t.title), t.created_at + g * interval '3 hours'
     FROM tasks t CROSS JOIN generate_series(1, 4) AS g WHERE g = 1 OR random() < 0.5`,
  );
  await client.query(
    `INSERT INTO activities (id, workspace_id, actor_id, action, target_type, target_id, created_at)
     SELECT ${uuidSql("w.id::text || 'event' || g")}, w.id, NULL, (ARRAY['member.joined','invitation.created','member.role_changed'])[1 + g % 3],
            'user', g::text, timestamptz '2026-01-01' + g * interval '7 hours'
     FROM workspaces w CROSS JOIN generate_series(1, $1::int) AS g`,
    [Math.ceil(size.tasks / 10)],
  );
  await client.query('COMMIT');
  await client.query('VACUUM ANALYZE');
  const [userId, otherUserId] = userIds;
  const { rows: labels } = await client.query<{ id: string }>(
    `SELECT id::text FROM labels WHERE workspace_id = $1 ORDER BY name_key LIMIT 1`,
    [workspaceId],
  );
  const labelId = labels[0]?.id;
  if (!userId || !otherUserId || !labelId) throw new Error('seed: no user or label');
  return { workspaceId, workspaceSlug: 'busy', userId, otherUserId, projectKey: eng.key, labelId, taskId };
}
