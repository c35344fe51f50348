// How a task is read (select objects) and shown (taskSummary / taskDetail), and finding one by id or key.
import { type Db, Prisma } from '@taskforge/db';
import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { conflict, notFound } from '../app-errors.ts';
import type { AppError } from '../errors.ts';
import { type TaskDetail, type TaskSummary, taskLabel } from '../routers/tasks/task.schema.ts';
import { taskPrioritySchema, taskStatusSchema, userSummary } from '../schemas/common.ts';
import { userSummarySelect } from './selects.ts';

type Reader = Db | Prisma.TransactionClient;

export const TASK_NOT_FOUND = 'Task not found';

export const taskSummarySelect = {
  id: true,
  number: true,
  title: true,
  status: true,
  priority: true,
  position: true,
  dueDate: true,
  version: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  project: { select: { id: true, key: true, name: true } },
  assignee: { select: userSummarySelect },
  labels: {
    select: { label: { select: { id: true, name: true, color: true } } },
    orderBy: [{ label: { nameKey: 'asc' } }, { labelId: 'asc' }],
  },
  _count: { select: { comments: true } },
} satisfies Prisma.TaskSelect;

type SummaryRow = Prisma.TaskGetPayload<{ select: typeof taskSummarySelect }>;

/** A DATE column as the API writes it: `YYYY-MM-DD` (PostgreSQL dates arrive as UTC midnight). */
export function toCalendarDate(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** `YYYY-MM-DD` as the Date Prisma writes into a DATE column. */
export function fromCalendarDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

export function taskKey(projectKey: string, number: number): string {
  return `${projectKey}-${number}`;
}

export function toTaskSummary(row: SummaryRow): TaskSummary {
  return {
    id: row.id,
    key: taskKey(row.project.key, row.number),
    number: row.number,
    projectKey: row.project.key,
    title: row.title,
    status: row.status,
    priority: row.priority,
    position: row.position,
    assignee: row.assignee,
    labels: row.labels.map((link) => link.label),
    dueDate: toCalendarDate(row.dueDate),
    commentCount: row._count.comments,
    version: row.version,
    archivedAt: row.archivedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const detailRows = z.array(
  z.object({
    id: z.string(),
    number: z.number(),
    project_id: z.string(),
    project_key: z.string(),
    project_name: z.string(),
    title: z.string(),
    description: z.string(),
    status: taskStatusSchema,
    priority: taskPrioritySchema,
    position: z.string(),
    due_date: z.string().nullable(),
    version: z.number(),
    completed_at: z.date().nullable(),
    archived_at: z.date().nullable(),
    created_at: z.date(),
    updated_at: z.date(),
    assignee: userSummary.nullable(),
    creator: userSummary.nullable(),
    labels: z.array(taskLabel),
    comment_count: z.number(),
  }),
);

/**
 * One task with its project, people, labels and comment count in one statement (ADR 0016: it is
 * read after every create and before every update, where Prisma's select sent a query per
 * relation). `where` is over `t` (tasks) and `p` (projects), its values bound.
 */
function taskDetailSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id::text AS id, t.number, p.id::text AS project_id, p.key AS project_key,
           p.name AS project_name, t.title, t.description, t.status::text AS status,
           t.priority::text AS priority, t.position, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
           t.version, t.completed_at, t.archived_at, t.created_at, t.updated_at,
           CASE WHEN a.id IS NULL THEN NULL
                ELSE json_build_object('id', a.id, 'name', a.name, 'email', a.email) END AS assignee,
           CASE WHEN c.id IS NULL THEN NULL
                ELSE json_build_object('id', c.id, 'name', c.name, 'email', c.email) END AS creator,
           COALESCE((SELECT json_agg(json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                                     ORDER BY l.name_key, l.id)
                     FROM task_labels tl JOIN labels l ON l.id = tl.label_id
                     WHERE tl.task_id = t.id), '[]'::json) AS labels,
           (SELECT count(*)::int FROM comments cm WHERE cm.task_id = t.id) AS comment_count
    FROM tasks t
    JOIN projects p ON p.id = t.project_id
    LEFT JOIN users a ON a.id = t.assignee_id
    LEFT JOIN users c ON c.id = t.creator_id
    WHERE ${where}`;
}

/** By id, or by key as people write it (`ENG-42`, upper-cased by taskKeySchema), in one workspace. */
function taskWhere(workspaceId: string, ref: string): Prisma.Sql {
  if (idSchema.safeParse(ref).success) {
    return Prisma.sql`t.id = ${ref}::uuid AND t.workspace_id = ${workspaceId}::uuid`;
  }
  const dash = ref.lastIndexOf('-');
  return Prisma.sql`t.workspace_id = ${workspaceId}::uuid AND p.key = ${ref.slice(0, dash)}
    AND t.number = ${Number(ref.slice(dash + 1))}`;
}

/** A task of the workspace by id or by key (`ENG-42`); another workspace's is NOT_FOUND like a missing one. */
export async function getTask(
  db: Reader,
  actor: { workspaceId: string },
  input: { ref: string },
): Promise<TaskDetail> {
  const [row] = detailRows.parse(await db.$queryRaw(taskDetailSql(taskWhere(actor.workspaceId, input.ref))));
  if (!row) throw notFound(TASK_NOT_FOUND);
  return {
    id: row.id,
    key: taskKey(row.project_key, row.number),
    number: row.number,
    projectKey: row.project_key,
    title: row.title,
    description: row.description,
    status: row.status,
    priority: row.priority,
    position: row.position,
    assignee: row.assignee,
    creator: row.creator,
    labels: row.labels,
    dueDate: row.due_date,
    commentCount: row.comment_count,
    version: row.version,
    completedAt: row.completed_at,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    project: { id: row.project_id, key: row.project_key, name: row.project_name },
  };
}

/** Task summaries by id, in the order of `ids` (all of them exist: the caller checked). */
export async function taskSummaries(db: Reader, ids: string[]): Promise<TaskSummary[]> {
  const rows = await db.task.findMany({ where: { id: { in: ids } }, select: taskSummarySelect });
  const byId = new Map(rows.map((row) => [row.id, toTaskSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * CONFLICT for a write that named an old version: `details.current` is the task as it is now, so
 * the client can show what changed and retry on top of it (never a silent overwrite).
 */
export function staleConflict(current: TaskDetail): AppError {
  return conflict(
    `Task ${current.key} was changed by someone else since you read it (now version ${current.version})`,
    { current },
  );
}

/** staleConflict with the task as committed now (after a version-checked write matched no row). */
export async function staleVersion(db: Reader, workspaceId: string, id: string): Promise<never> {
  throw staleConflict(await getTask(db, { workspaceId }, { ref: id }));
}
