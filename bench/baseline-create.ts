// Task creation for the baseline: what tasks.create does (packages/api services/tasks-create.ts,
// tasks-rules.ts, task-positions.ts) in one transaction on a raw `pg` client — the assignee must be a
// member and the labels the workspace's (both held FOR KEY SHARE), the project's counter row
// updated (the lock that orders concurrent creates), the column's last key, the task, its labels
// and its history row inserted and the task read back with its relations, in one statement.
import { newId } from '@taskforge/db';
import { positionIndex, positionKey } from '@taskforge/db-tools/seed/positions';
import type pg from 'pg';

export interface CreateInput {
  workspaceId: string;
  userId: string;
  ip: string | null;
  project: string;
  title: string;
  status: string;
  assigneeId: string | null;
  labelIds: string[];
}

const DETAIL_SQL = `
  SELECT t.id::text AS id, t.number, t.title, t.description, t.status::text AS status,
         t.priority::text AS priority, t.position, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
         t.version, t.archived_at, t.completed_at, t.created_at, t.updated_at,
         json_build_object('id', p.id, 'key', p.key, 'name', p.name) AS project,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name, 'email', a.email) END AS assignee,
         CASE WHEN c.id IS NULL THEN NULL ELSE json_build_object('id', c.id, 'name', c.name, 'email', c.email) END AS creator,
         COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color) ORDER BY l.name_key, l.id)
                   FROM task_labels tl JOIN labels l ON l.id = tl.label_id WHERE tl.task_id = t.id), '[]'::json) AS labels,
         (SELECT count(*)::int FROM comments cm WHERE cm.task_id = t.id) AS comment_count
  FROM tasks t JOIN projects p ON p.id = t.project_id
  LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users c ON c.id = t.creator_id
  WHERE t.id = $1`;

interface DetailRow {
  id: string;
  number: number;
  title: string;
  description: string;
  status: string;
  priority: string;
  position: string;
  due_date: string | null;
  version: number;
  archived_at: Date | null;
  completed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  project: { id: string; key: string; name: string };
  assignee: { id: string; name: string; email: string } | null;
  creator: { id: string; name: string; email: string } | null;
  labels: { id: string; name: string; color: string }[];
  comment_count: number;
}

export type CreateOutcome =
  | { ok: true; task: ReturnType<typeof toDetail> }
  | { ok: false; status: 400 | 404 | 412; error: string };

function toDetail(row: DetailRow) {
  return {
    id: row.id,
    key: `${row.project.key}-${row.number}`,
    number: row.number,
    projectKey: row.project.key,
    title: row.title,
    status: row.status,
    priority: row.priority,
    position: row.position,
    assignee: row.assignee,
    labels: row.labels,
    dueDate: row.due_date,
    commentCount: row.comment_count,
    version: row.version,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    description: row.description,
    creator: row.creator,
    completedAt: row.completed_at,
    project: row.project,
  };
}

export async function createTask(pool: pg.Pool, input: CreateInput): Promise<CreateOutcome> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const outcome = await createIn(client, input);
    await client.query(outcome.ok ? 'COMMIT' : 'ROLLBACK');
    return outcome;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function createIn(client: pg.PoolClient, input: CreateInput): Promise<CreateOutcome> {
  const { workspaceId } = input;
  if (input.assigneeId !== null) {
    const member = await client.query(
      `SELECT u.id::text AS id, u.name FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = $1::uuid AND m.user_id = $2::uuid FOR KEY SHARE OF m`,
      [workspaceId, input.assigneeId],
    );
    if (member.rows.length === 0) return { ok: false, status: 400, error: 'VALIDATION_FAILED' };
  }
  const labelIds = [...new Set(input.labelIds)];
  if (labelIds.length > 0) {
    const labels = await client.query(
      `SELECT id::text AS id, name FROM labels WHERE workspace_id = $1::uuid AND id = ANY($2::uuid[])
       ORDER BY name_key, id FOR KEY SHARE`,
      [workspaceId, labelIds],
    );
    if (labels.rows.length !== labelIds.length) return { ok: false, status: 400, error: 'VALIDATION_FAILED' };
  }
  const counter = await client.query<{ id: string; key: string; number: number; archived: boolean }>(
    `UPDATE projects SET task_counter = task_counter + 1 WHERE workspace_id = $1::uuid AND key = $2
     RETURNING id::text AS id, key, task_counter AS number, archived_at IS NOT NULL AS archived`,
    [workspaceId, input.project],
  );
  const project = counter.rows[0];
  if (!project) return { ok: false, status: 404, error: 'NOT_FOUND' };
  if (project.archived) return { ok: false, status: 412, error: 'PRECONDITION_FAILED' };
  const last = await client.query<{ position: string }>(
    `SELECT position FROM tasks WHERE project_id = $1::uuid AND status = $2::"TaskStatus"
     ORDER BY position DESC LIMIT 1`,
    [project.id, input.status],
  );
  // generateKeyBetween(last, null): the next integer key (what fractional-indexing appends).
  const position = positionKey(positionIndex(last.rows[0]?.position ?? null) + 1);
  const now = new Date();
  const id = newId();
  // As tasks.create sends it (services/tasks-create.ts, tasks-read.ts, activity/record.ts): one
  // statement writes the task, its labels and its history row, then reads the task's detail from
  // what it wrote (the CTEs named tasks and task_labels stand for those tables inside it).
  const detail = await client.query<DetailRow>(
    `WITH tasks AS (
       INSERT INTO tasks (id, workspace_id, project_id, number, title, description, status, priority,
                          assignee_id, creator_id, due_date, position, completed_at, created_at, updated_at)
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5, '', $6::"TaskStatus", 'NONE'::"TaskPriority",
               $7::uuid, $8::uuid, NULL::date, $9, $10, $11, $11)
       RETURNING *
     ), task_labels AS (
       INSERT INTO task_labels (task_id, label_id, created_at)
       SELECT $1::uuid, label_id, $11 FROM unnest($12::uuid[]) AS label_id
       RETURNING *
     ), activity AS (
       INSERT INTO activities (id, workspace_id, actor_id, project_id, task_id, action, target_type,
                               target_id, ip, data, created_at)
       VALUES ($13::uuid, $2::uuid, $8::uuid, $3::uuid, $1::uuid, 'task.created', 'task', $1, $14, $15::jsonb, $11)
     )
     ${DETAIL_SQL}`,
    [
      id,
      workspaceId,
      project.id,
      project.number,
      input.title,
      input.status,
      input.assigneeId,
      input.userId,
      position,
      input.status === 'DONE' ? now : null,
      now,
      labelIds,
      newId(),
      input.ip,
      JSON.stringify({ key: `${project.key}-${project.number}`, title: input.title, status: input.status }),
    ],
  );
  const row = detail.rows[0];
  if (!row) throw new Error('the task just inserted is not there');
  return { ok: true, task: toDetail(row) };
}
