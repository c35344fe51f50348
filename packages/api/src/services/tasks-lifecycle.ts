import type { Db, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { recordActivity, taskActivityOf } from '../activity/record.ts';
import { notFound } from '../app-errors.ts';
import type { TaskSummary } from '../routers/tasks/task.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { TASK_NOT_FOUND, taskSummaries } from './tasks-read.ts';

const lockedTask = z.array(
  z.object({
    id: z.string(),
    project_id: z.string(),
    key: z.string(),
    title: z.string(),
    archived: z.boolean(),
  }),
);

/**
 * The task in the actor's workspace, its row locked until the transaction ends (FOR UPDATE: a
 * concurrent comment, which holds the task FOR KEY SHARE, finishes first or sees it gone), with
 * its key; NOT_FOUND otherwise.
 */
async function lockTask(tx: Prisma.TransactionClient, workspaceId: string, id: string) {
  const [row] = lockedTask.parse(
    await tx.$queryRaw`
      SELECT t.id::text AS id, t.project_id::text AS project_id, p.key || '-' || t.number AS key,
             t.title, t.archived_at IS NOT NULL AS archived
      FROM tasks t JOIN projects p ON p.id = t.project_id
      WHERE t.id = ${id}::uuid AND t.workspace_id = ${workspaceId}::uuid
      FOR UPDATE OF t`,
  );
  if (!row) throw notFound(TASK_NOT_FOUND);
  return row;
}

/**
 * Takes a task off the board and lists (`archived: true`) or puts it back where it was (its
 * position is kept). Asking for the state it is already in changes and records nothing.
 */
export async function setTaskArchived(
  db: Db,
  actor: WorkspaceActor,
  input: { id: string; archived: boolean },
): Promise<TaskSummary> {
  return db.$transaction(async (tx) => {
    const task = await lockTask(tx, actor.workspaceId, input.id);
    if (task.archived !== input.archived) {
      await tx.task.update({
        where: { id: task.id },
        data: { archivedAt: input.archived ? new Date() : null, version: { increment: 1 } },
        select: { id: true },
      });
      await recordActivity(tx, {
        action: input.archived ? 'task.archived' : 'task.unarchived',
        ...taskActivityOf(actor, { id: task.id, projectId: task.project_id }),
        data: { key: task.key, title: task.title },
      });
    }
    const [summary] = await taskSummaries(tx, [task.id]);
    if (!summary) throw notFound(TASK_NOT_FOUND);
    return summary;
  });
}

/** Deletes a task with its labels and comments; the activity log keeps its key and title. */
export async function deleteTask(db: Db, actor: WorkspaceActor, input: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const task = await lockTask(tx, actor.workspaceId, input.id);
    await tx.task.delete({ where: { id: task.id }, select: { id: true } });
    await recordActivity(tx, {
      action: 'task.deleted',
      ...taskActivityOf(actor, { id: task.id, projectId: task.project_id }),
      data: { key: task.key, title: task.title },
    });
  });
}
