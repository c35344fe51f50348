// The board's main read for the baseline: tasks.list {project, status: [X], sort: 'position',
// limit: 50}, the same statement the service sends (packages/api services/task-list.ts and
// task-list-sql.ts: one query for the page, the project by key in a subquery, with assignees,
// labels and comment counts; the project alone only when the page is empty), mapped to the same
// JSON (taskSummary) and cursor.
import type pg from 'pg';

export const PROJECT_SQL = 'SELECT id::text AS id FROM projects WHERE workspace_id = $1::uuid AND key = $2';

/** As listTasksSql renders it for this input (run.ts checks they still agree, whitespace aside). */
export const BOARD_SQL = `
    SELECT page.id::text AS id, page.number, p.key AS project_key, page.title,
           page.status::text AS status, page.priority::text AS priority, page.position,
           to_char(page.due_date, 'YYYY-MM-DD') AS due_date, page.version,
           page.archived_at, page.created_at, page.updated_at,
           CASE WHEN u.id IS NULL THEN NULL
                ELSE json_build_object('id', u.id, 'name', u.name, 'email', u.email) END AS assignee,
           COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                                     ORDER BY l.name_key, l.id)
                     FROM task_labels tl JOIN labels l ON l.id = tl.label_id
                     WHERE tl.task_id = page.id), '[]'::json) AS labels,
           (SELECT count(*)::int FROM comments c WHERE c.task_id = page.id) AS comment_count
    FROM (SELECT t.id, t.project_id, t.number, t.title, t.status, t.priority, t.position, t.due_date, t.assignee_id, t.version, t.archived_at, t.created_at, t.updated_at FROM tasks t
    WHERE t.project_id = (SELECT id FROM projects WHERE workspace_id = $1::uuid AND key = $2) AND t.archived_at IS NULL AND t.status = ANY($3::"TaskStatus"[])
    ORDER BY t.status ASC, t.position ASC, t.id ASC LIMIT $4) AS page
    JOIN projects p ON p.id = page.project_id
    LEFT JOIN users u ON u.id = page.assignee_id
    ORDER BY page.status ASC, page.position ASC, page.id ASC`;

interface BoardRow {
  id: string;
  number: number;
  project_key: string;
  title: string;
  status: string;
  priority: string;
  position: string;
  due_date: string | null;
  version: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  assignee: { id: string; name: string; email: string } | null;
  labels: { id: string; name: string; color: string }[];
  comment_count: number;
}

/** One page of a status column, or null when the project is not the workspace's (404). */
export async function boardPage(
  pool: pg.Pool,
  input: { workspaceId: string; project: string; status: string; limit: number },
) {
  const { rows } = await pool.query<BoardRow>(BOARD_SQL, [
    input.workspaceId,
    input.project,
    [input.status],
    input.limit + 1,
  ]);
  if (rows.length === 0) {
    const project = (await pool.query(PROJECT_SQL, [input.workspaceId, input.project])).rows[0];
    if (!project) return null;
  }
  const items = rows.slice(0, input.limit).map((row) => ({
    id: row.id,
    key: `${row.project_key}-${row.number}`,
    number: row.number,
    projectKey: row.project_key,
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
  }));
  const last = items.at(-1);
  // The service's cursor: base64url JSON of where the page ended, keys in its order.
  const nextCursor =
    rows.length > input.limit && last
      ? Buffer.from(
          JSON.stringify({
            sort: 'position',
            status: last.status,
            position: last.position,
            order: 'asc',
            id: last.id,
          }),
        ).toString('base64url')
      : null;
  return { items, nextCursor };
}
