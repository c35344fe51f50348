import type { Db, Prisma } from '@taskforge/db';
import type { TaskStatus } from '@taskforge/db/enums';
import { changedFields, excerpt, recordActivity, taskActivityOf } from '../activity/record.ts';
import type { TaskDetail } from '../routers/tasks/task.schema.ts';
import type { UpdateTaskInput } from '../routers/tasks/tasks.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { lockProjectPositions, positionAtEnd } from './task-positions.ts';
import { fromCalendarDate, getTask, staleConflict, staleVersion } from './tasks-read.ts';
import { checkAssignee, checkLabels, type Named } from './tasks-rules.ts';

/** completedAt follows the status: set on entering DONE, cleared on leaving it. */
export function completedAtFor(from: TaskStatus, to: TaskStatus, now: Date): Date | null | undefined {
  if (to === 'DONE' && from !== 'DONE') return now;
  if (from === 'DONE' && to !== 'DONE') return null;
  return undefined;
}

function sameIds(a: readonly { id: string }[], b: readonly { id: string }[]): boolean {
  const ids = new Set(a.map((x) => x.id));
  return a.length === b.length && b.every((x) => ids.has(x.id));
}

/**
 * Changes the fields given (only those that differ count) of the task at `version`. A stale
 * version is a CONFLICT carrying the current task. A new status puts the task at the bottom of
 * that column; the label set is replaced in the same transaction; `task.updated` records each
 * changed field before and after (descriptions as excerpts, assignee and labels by name).
 */
export async function updateTask(db: Db, actor: WorkspaceActor, input: UpdateTaskInput): Promise<TaskDetail> {
  return db.$transaction(async (tx) => {
    const current = await getTask(tx, actor, { ref: input.id });
    if (current.version !== input.version) throw staleConflict(current);

    const scalars = changedFields(
      {
        title: current.title,
        description: current.description,
        status: current.status,
        priority: current.priority,
        assigneeId: current.assignee?.id ?? null,
        dueDate: current.dueDate,
      },
      {
        title: input.title,
        description: input.description,
        status: input.status,
        priority: input.priority,
        assigneeId: input.assigneeId,
        dueDate: input.dueDate,
      },
    );
    const assignee =
      scalars?.after.assigneeId === undefined
        ? undefined
        : await checkAssignee(tx, actor.workspaceId, scalars.after.assigneeId, 'assigneeId');
    const labels =
      input.labelIds === undefined
        ? undefined
        : await checkLabels(tx, actor.workspaceId, input.labelIds, 'labelIds');
    const labelsChange = labels && !sameIds(labels, current.labels) ? labels : undefined;
    if (!scalars && !labelsChange) return current;

    const after = scalars?.after ?? {};
    const data: Prisma.TaskUncheckedUpdateManyInput = {
      title: after.title,
      description: after.description,
      priority: after.priority,
      assigneeId: after.assigneeId,
      dueDate: after.dueDate === undefined ? undefined : fromCalendarDate(after.dueDate),
      version: { increment: 1 },
    };
    if (after.status !== undefined) {
      await lockProjectPositions(tx, current.project.id);
      data.status = after.status;
      data.position = await positionAtEnd(tx, current.project.id, after.status, current.id);
      data.completedAt = completedAtFor(current.status, after.status, new Date());
    }
    const { count } = await tx.task.updateMany({ where: { id: current.id, version: input.version }, data });
    if (count === 0) return staleVersion(tx, actor.workspaceId, current.id);
    if (labelsChange) {
      const ids = labelsChange.map((label) => label.id);
      await tx.taskLabel.deleteMany({ where: { taskId: current.id, labelId: { notIn: ids } } });
      await tx.taskLabel.createMany({
        data: ids.map((labelId) => ({ taskId: current.id, labelId })),
        skipDuplicates: true,
      });
    }

    const side = (which: 'before' | 'after'): Prisma.InputJsonObject => {
      const { assigneeId, description, ...rest } = scalars?.[which] ?? {};
      const who: Named | null | undefined = which === 'before' ? current.assignee : assignee;
      return {
        ...rest,
        ...(description === undefined ? {} : { description: excerpt(description) }),
        ...(assigneeId === undefined ? {} : { assignee: who ? { id: who.id, name: who.name } : null }),
        ...(labelsChange
          ? { labels: (which === 'before' ? current.labels : labelsChange).map((label) => label.name) }
          : {}),
      };
    };
    await recordActivity(tx, {
      action: 'task.updated',
      ...taskActivityOf(actor, { id: current.id, projectId: current.project.id }),
      data: {
        key: current.key,
        title: after.title ?? current.title,
        before: side('before'),
        after: side('after'),
      },
    });
    return getTask(tx, actor, { ref: current.id });
  });
}
