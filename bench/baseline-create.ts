// Task creation for the baseline: what tasks.create does (packages/api services/tasks-create.ts)
// in the same single statement on a raw `pg` pool: the assignee must be a member and the labels the
// workspace's (both held FOR KEY SHARE), the project's counter row updated (the lock that orders
// concurrent creates), the column's next key (task_position_at_end), the task, its labels and its
// history row inserted and the task read back with its relations.
import { newId } from '@taskforge/db';
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

const CREATE_SQL = `
  WITH assignee AS (
    SELECT 1 FROM memberships WHERE workspace_id = $2::uuid AND user_id = $6::uuid FOR KEY SHARE
  ), picked_labels AS (
    SELECT 1 FROM labels WHERE workspace_id = $2::uuid AND id = ANY($10::uuid[]) FOR KEY SHARE
  ), checks AS (
    SELECT $6::uuid IS NULL OR EXISTS (SELECT 1 FROM assignee) AS assignee_ok,
           (SELECT count(*) FROM picked_labels) = cardinality($10::uuid[]) AS labels_ok
  ), project AS (
    UPDATE projects SET task_counter = task_counter + 1
    WHERE workspace_id = $2::uuid AND key = $3 AND archived_at IS NULL
      AND (SELECT assignee_ok AND labels_ok FROM checks)
    RETURNING id, key, task_counter AS number
  ), placed AS (
    SELECT id, key, number, task_position_at_end(id, $5::"TaskStatus") AS position FROM project
  ), tasks AS (
    INSERT INTO tasks (id, workspace_id, project_id, number, title, description, status, priority,
                       assignee_id, creator_id, due_date, position, completed_at, created_at, updated_at)
    SELECT $1::uuid, $2::uuid, placed.id, placed.number, $4::text, ''::text, $5::"TaskStatus",
           'NONE'::"TaskPriority", $6::uuid, $7::uuid, NULL::date, placed.position, $8::timestamptz,
           $9::timestamptz, $9::timestamptz
    FROM placed
    RETURNING *
  ), task_labels AS (
    INSERT INTO task_labels (task_id, label_id, created_at)
    SELECT tasks.id, label_id, $9::timestamptz FROM tasks, unnest($10::uuid[]) AS label_id
    RETURNING *
  ), activity AS (
    INSERT INTO activities (id, workspace_id, actor_id, project_id, task_id, action, target_type,
                            target_id, ip, data, created_at)
    SELECT $11::uuid, $2::uuid, $7::uuid, placed.id, $1::uuid, 'task.created', 'task', $1::text, $12::text,
           jsonb_build_object('key', placed.key || '-' || placed.number, 'title', $4::text, 'status', $5::text),
           $9::timestamptz
    FROM placed
  )
  SELECT checks.assignee_ok, checks.labels_ok, detail.* FROM checks LEFT JOIN (${DETAIL_SQL}) AS detail ON true`;

const PROJECT_SQL = `SELECT archived_at IS NOT NULL AS archived FROM projects WHERE workspace_id = $1::uuid AND key = $2`;

/** As tasks.create does it (services/tasks-create.ts): one statement, no transaction around it. */
export async function createTask(pool: pg.Pool, input: CreateInput): Promise<CreateOutcome> {
  const now = new Date();
  const labelIds = [...new Set(input.labelIds)];
  const result = await pool.query<DetailRow & { assignee_ok: boolean; labels_ok: boolean }>(CREATE_SQL, [
    newId(),
    input.workspaceId,
    input.project,
    input.title,
    input.status,
    input.assigneeId,
    input.userId,
    input.status === 'DONE' ? now : null,
    now,
    labelIds,
    newId(),
    input.ip,
  ]);
  const row = result.rows[0];
  if (!row) throw new Error('the create statement returned no row');
  if (!row.assignee_ok || !row.labels_ok) return { ok: false, status: 400, error: 'VALIDATION_FAILED' };
  if (row.id === null) {
    const project = (await pool.query<{ archived: boolean }>(PROJECT_SQL, [input.workspaceId, input.project]))
      .rows[0];
    return project?.archived
      ? { ok: false, status: 412, error: 'PRECONDITION_FAILED' }
      : { ok: false, status: 404, error: 'NOT_FOUND' };
  }
  return { ok: true, task: toDetail(row) };
}
