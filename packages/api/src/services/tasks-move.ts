import type { Db } from '@taskforge/db';
import { recordActivity, taskActivityOf } from '../activity/record.ts';
import { notFound } from '../app-errors.ts';
import type { TaskSummary } from '../routers/tasks/task.schema.ts';
import type { MoveTaskInput } from '../routers/tasks/tasks.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { lockProjectPositions, placeBetween } from './task-positions.ts';
import { staleVersion, TASK_NOT_FOUND, taskKey, taskSummaries } from './tasks-read.ts';
import { completedAtFor } from './tasks-update.ts';

/**
 * Drag and drop: the task into `status`'s column between `after` and `before` (see placeBetween
 * for what happens when those moved meanwhile), at `version` like an update. Only the moved task's
 * row changes; `task.moved` records the columns it left and entered.
 */
export async function moveTask(db: Db, actor: WorkspaceActor, input: MoveTaskInput): Promise<TaskSummary> {
  return db.$transaction(async (tx) => {
    const current = await tx.task.findFirst({
      where: { id: input.id, workspaceId: actor.workspaceId },
      select: {
        id: true,
        projectId: true,
        number: true,
        title: true,
        status: true,
        version: true,
        project: { select: { key: true } },
      },
    });
    if (!current) throw notFound(TASK_NOT_FOUND);
    if (current.version !== input.version) return staleVersion(tx, actor.workspaceId, current.id);
    await lockProjectPositions(tx, current.projectId);
    const position = await placeBetween(tx, {
      projectId: current.projectId,
      taskId: current.id,
      status: input.status,
      after: input.after,
      before: input.before,
    });
    const { count } = await tx.task.updateMany({
      where: { id: current.id, version: input.version },
      data: {
        status: input.status,
        position,
        completedAt: completedAtFor(current.status, input.status, new Date()),
        version: { increment: 1 },
      },
    });
    if (count === 0) return staleVersion(tx, actor.workspaceId, current.id);
    await recordActivity(tx, {
      action: 'task.moved',
      ...taskActivityOf(actor, current),
      data: {
        key: taskKey(current.project.key, current.number),
        title: current.title,
        from: current.status,
        to: input.status,
      },
    });
    const [moved] = await taskSummaries(tx, [current.id]);
    if (!moved) throw notFound(TASK_NOT_FOUND);
    return moved;
  });
}
