// How a task is read (select objects) and shown (taskSummary / taskDetail), and finding one by id or key.
import type { Db, Prisma } from '@taskforge/db';
import { idSchema } from '@taskforge/validators';
import { conflict, notFound } from '../app-errors.ts';
import type { AppError } from '../errors.ts';
import type { TaskDetail, TaskSummary } from '../routers/tasks/task.schema.ts';
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

export const taskDetailSelect = {
  ...taskSummarySelect,
  description: true,
  completedAt: true,
  creator: { select: userSummarySelect },
} satisfies Prisma.TaskSelect;

type SummaryRow = Prisma.TaskGetPayload<{ select: typeof taskSummarySelect }>;
type DetailRow = Prisma.TaskGetPayload<{ select: typeof taskDetailSelect }>;

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

export function toTaskDetail(row: DetailRow): TaskDetail {
  return {
    ...toTaskSummary(row),
    description: row.description,
    creator: row.creator,
    completedAt: row.completedAt,
    project: row.project,
  };
}

/** `ENG-42` (already upper-cased by taskKeySchema) as a where clause inside one workspace. */
function byKey(workspaceId: string, key: string): Prisma.TaskWhereInput {
  const dash = key.lastIndexOf('-');
  return { workspaceId, number: Number(key.slice(dash + 1)), project: { key: key.slice(0, dash) } };
}

/** A task of the workspace by id or by key (`ENG-42`); another workspace's is NOT_FOUND like a missing one. */
export async function getTask(
  db: Reader,
  actor: { workspaceId: string },
  input: { ref: string },
): Promise<TaskDetail> {
  const { ref } = input;
  const where = idSchema.safeParse(ref).success
    ? { id: ref, workspaceId: actor.workspaceId }
    : byKey(actor.workspaceId, ref);
  const row = await db.task.findFirst({ where, select: taskDetailSelect });
  if (!row) throw notFound(TASK_NOT_FOUND);
  return toTaskDetail(row);
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
