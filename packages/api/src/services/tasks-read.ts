// How a task is read (one SQL statement, rows parsed by zod) and shown (taskSummary / taskDetail), by id or key.
import { type Db, Prisma } from '@taskforge/db';
import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { conflict, notFound } from '../app-errors.ts';
import type { AppError } from '../errors.ts';
import { type TaskDetail, type TaskSummary, taskLabel } from '../routers/tasks/task.schema.ts';
import { taskPrioritySchema, taskStatusSchema, userSummary } from '../schemas/common.ts';
import { commentCount, labelsJson, userJson } from './task-list-sql.ts';

type Reader = Db | Prisma.TransactionClient;

export const TASK_NOT_FOUND = 'Task not found';

/** `YYYY-MM-DD` as the Date Prisma writes into a DATE column. */
export function fromCalendarDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

export function taskKey(projectKey: string, number: number): string {
  return `${projectKey}-${number}`;
}

/** A task as the raw SQL reads return it (the list's page, a task's detail), before toSummaryRow. */
export const taskSummaryRow = z.object({
  id: z.string(),
  number: z.number(),
  project_key: z.string(),
  title: z.string(),
  status: taskStatusSchema,
  priority: taskPrioritySchema,
  position: z.string(),
  due_date: z.string().nullable(),
  version: z.number(),
  archived_at: z.date().nullable(),
  created_at: z.date(),
  updated_at: z.date(),
  assignee: userSummary.nullable(),
  labels: z.array(taskLabel),
  comment_count: z.number(),
});

export function toSummaryRow(row: z.infer<typeof taskSummaryRow>): TaskSummary {
  return {
    id: row.id,
    key: taskKey(row.project_key, row.number),
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
  };
}

const detailRow = taskSummaryRow.extend({
  project_id: z.string(),
  project_name: z.string(),
  description: z.string(),
  completed_at: z.date().nullable(),
  creator: userSummary.nullable(),
});
const detailRows = z.array(detailRow);

/**
 * One task with its project, people, labels and comment count in one statement (ADR 0016: it is
 * read after every create and before every update, where Prisma's select sent a query per
 * relation). `where` is over `t` (tasks) and `p` (projects), its values bound.
 */
export function taskDetailSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT t.id::text AS id, t.number, p.id::text AS project_id, p.key AS project_key,
           p.name AS project_name, t.title, t.description, t.status::text AS status,
           t.priority::text AS priority, t.position, to_char(t.due_date, 'YYYY-MM-DD') AS due_date,
           t.version, t.completed_at, t.archived_at, t.created_at, t.updated_at,
           ${userJson('a')} AS assignee, ${userJson('cr')} AS creator,
           ${labelsJson('t')} AS labels, ${commentCount('t')} AS comment_count
    FROM tasks t
    JOIN projects p ON p.id = t.project_id
    LEFT JOIN users a ON a.id = t.assignee_id
    LEFT JOIN users cr ON cr.id = t.creator_id
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

/** The detail a statement ending in taskDetailSql reads, or NOT_FOUND. */
async function readDetail(db: Reader, statement: Prisma.Sql): Promise<TaskDetail> {
  const [row] = detailRows.parse(await db.$queryRaw(statement));
  if (!row) throw notFound(TASK_NOT_FOUND);
  return toDetail(row);
}

/** A row holding taskDetailSql's columns (others are ignored) as the task's detail. */
export function parseTaskDetail(row: unknown): TaskDetail {
  return toDetail(detailRow.parse(row));
}

function toDetail(row: z.infer<typeof detailRow>): TaskDetail {
  return {
    ...toSummaryRow(row),
    description: row.description,
    creator: row.creator,
    completedAt: row.completed_at,
    project: { id: row.project_id, key: row.project_key, name: row.project_name },
  };
}

/** A task of the workspace by id or by key (`ENG-42`); another workspace's is NOT_FOUND like a missing one. */
export function getTask(
  db: Reader,
  actor: { workspaceId: string },
  input: { ref: string },
): Promise<TaskDetail> {
  return readDetail(db, taskDetailSql(taskWhere(actor.workspaceId, input.ref)));
}

/** Task summaries by id, in the order of `ids` (all of them exist: the caller checked). */
export async function taskSummaries(db: Reader, ids: string[]): Promise<TaskSummary[]> {
  const rows = detailRows.parse(await db.$queryRaw(taskDetailSql(Prisma.sql`t.id = ANY(${ids}::uuid[])`)));
  const byId = new Map(rows.map((row) => [row.id, toSummaryRow(row)]));
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
