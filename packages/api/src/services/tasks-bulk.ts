import type { Db, Prisma } from '@taskforge/db';
import type { TaskStatus } from '@taskforge/db/enums';
import { z } from 'zod';
import { type ActivityInput, recordActivities, taskActivityOf } from '../activity/record.ts';
import { invalidField, notFound } from '../app-errors.ts';
import {
  type BulkTaskAction,
  type BulkUpdateTasksInput,
  type BulkUpdateTasksOutput,
  bulkUpdateTasksOutput,
} from '../routers/tasks/tasks.schema.ts';
import { taskStatusSchema } from '../schemas/common.ts';
import type { WorkspaceActor } from './actor.ts';
import { idempotent } from './idempotency.ts';
import { lockProjectPositions, positionsAtEnd } from './task-positions.ts';
import { taskSummaries } from './tasks-read.ts';
import { checkAssignee, checkLabels, type Named } from './tasks-rules.ts';

type Tx = Prisma.TransactionClient;

const lockedRows = z.array(
  z.object({
    id: z.string(),
    project_id: z.string(),
    key: z.string(),
    title: z.string(),
    status: taskStatusSchema,
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    labels: z.array(z.string()),
  }),
);
type LockedTask = z.infer<typeof lockedRows>[number];

/**
 * The tasks, locked (FOR UPDATE, in id order so two bulk changes never deadlock), with what the
 * activity rows need; NOT_FOUND when any id is not a task of the workspace (another workspace's
 * included). Positions' project locks are taken before this (projects before tasks, always).
 */
async function lockTasks(tx: Tx, workspaceId: string, ids: string[]): Promise<Map<string, LockedTask>> {
  const rows = lockedRows.parse(
    await tx.$queryRaw`
      SELECT t.id::text AS id, t.project_id::text AS project_id, p.key || '-' || t.number AS key,
             t.title, t.status::text AS status,
             CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS assignee,
             ARRAY(SELECT l.name FROM task_labels tl JOIN labels l ON l.id = tl.label_id
                   WHERE tl.task_id = t.id ORDER BY l.name_key) AS labels
      FROM tasks t JOIN projects p ON p.id = t.project_id LEFT JOIN users u ON u.id = t.assignee_id
      WHERE t.workspace_id = ${workspaceId}::uuid AND t.id = ANY(${ids}::uuid[])
      ORDER BY t.id
      FOR UPDATE OF t`,
  );
  if (rows.length !== ids.length) throw notFound('Task not found: one of the tasks is not in this workspace');
  return new Map(rows.map((row) => [row.id, row]));
}

/** The projects of the tasks (an unlocked read: a task never changes project), each once, in id order. */
async function projectsOf(tx: Tx, workspaceId: string, ids: string[]): Promise<string[]> {
  const rows = await tx.task.findMany({
    where: { id: { in: ids }, workspaceId },
    select: { projectId: true },
    distinct: ['projectId'],
    orderBy: { projectId: 'asc' },
  });
  return rows.map((row) => row.projectId);
}

async function moveAll(tx: Tx, tasks: LockedTask[], status: TaskStatus, now: Date) {
  const ids: string[] = [];
  const positions: string[] = [];
  const byProject = Map.groupBy(tasks, (task) => task.project_id);
  for (const [projectId, group] of byProject) {
    const keys = await positionsAtEnd(tx, projectId, status, group.length);
    for (const [i, task] of group.entries()) {
      const key = keys[i];
      if (key === undefined) throw new Error('positionsAtEnd returned too few keys');
      ids.push(task.id);
      positions.push(key);
    }
  }
  // One statement for every task: its own position, status, completedAt kept or set or cleared.
  await tx.$executeRaw`
    UPDATE tasks AS t
    SET status = ${status}::"TaskStatus", position = v.position, version = t.version + 1,
        updated_at = ${now}::timestamptz,
        completed_at = CASE WHEN ${status}::text <> 'DONE' THEN NULL
                            WHEN t.status = 'DONE' THEN t.completed_at
                            ELSE ${now}::timestamptz END
    FROM unnest(${ids}::uuid[], ${positions}::text[]) AS v(id, position)
    WHERE t.id = v.id`;
}

/** The labels of a task after adding and removing, by name as the activity log records them. */
function relabelled(before: string[], add: Named[], remove: Named[]): string[] {
  const removed = new Set(remove.map((label) => label.name));
  const names = new Set([...before.filter((name) => !removed.has(name)), ...add.map((label) => label.name)]);
  return [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}

/** Checks what the action points at (field errors), before anything is locked. */
async function checkAction(tx: Tx, workspaceId: string, action: BulkTaskAction) {
  switch (action.type) {
    case 'move':
      return { type: action.type, status: action.status };
    case 'assign':
      return {
        type: action.type,
        assignee: await checkAssignee(tx, workspaceId, action.assigneeId, 'action.assigneeId'),
      };
    case 'label': {
      if (action.add.length === 0 && action.remove.length === 0) {
        throw invalidField('action.add', 'name at least one label to add or remove');
      }
      if (action.add.some((id) => action.remove.includes(id))) {
        throw invalidField('action.remove', 'names a label that is also added');
      }
      return {
        type: action.type,
        add: await checkLabels(tx, workspaceId, action.add, 'action.add'),
        remove: await checkLabels(tx, workspaceId, action.remove, 'action.remove'),
      };
    }
  }
}

/**
 * One change (move to the bottom of a column, assign, add/remove labels) to up to 100 tasks in one
 * transaction, all or nothing: one id that is not the workspace's task changes none. Every task's
 * version is bumped and gets its own activity row. With an idempotency key, a retry returns the
 * first result and changes nothing.
 */
export async function bulkUpdateTasks(
  db: Db,
  actor: WorkspaceActor,
  input: BulkUpdateTasksInput,
): Promise<BulkUpdateTasksOutput> {
  const ids = [...new Set(input.ids)];
  return db.$transaction(
    (tx) =>
      idempotent(
        tx,
        {
          userId: actor.userId,
          key: input.idempotencyKey,
          procedure: 'tasks.bulkUpdate',
          input,
          output: bulkUpdateTasksOutput,
        },
        async () => {
          const action = await checkAction(tx, actor.workspaceId, input.action);
          if (action.type === 'move') {
            for (const projectId of await projectsOf(tx, actor.workspaceId, ids)) {
              await lockProjectPositions(tx, projectId);
            }
          }
          const locked = await lockTasks(tx, actor.workspaceId, ids);
          const tasks = ids.flatMap((id) => locked.get(id) ?? []);
          const now = new Date();
          const activity = (
            task: LockedTask,
            entry: Pick<ActivityInput, 'action' | 'data'>,
          ): ActivityInput => ({
            ...entry,
            ...taskActivityOf(actor, { id: task.id, projectId: task.project_id }),
          });
          const where = { id: { in: ids } };
          let entries: ActivityInput[];
          switch (action.type) {
            case 'move':
              await moveAll(tx, tasks, action.status, now);
              entries = tasks.map((task) =>
                activity(task, {
                  action: 'task.moved',
                  data: {
                    key: task.key,
                    title: task.title,
                    from: task.status,
                    to: action.status,
                    bulk: true,
                  },
                }),
              );
              break;
            case 'assign':
              await tx.task.updateMany({
                where,
                data: { assigneeId: action.assignee?.id ?? null, version: { increment: 1 } },
              });
              entries = tasks.map((task) =>
                activity(task, {
                  action: 'task.updated',
                  data: {
                    key: task.key,
                    title: task.title,
                    before: { assignee: task.assignee },
                    after: { assignee: action.assignee },
                    bulk: true,
                  },
                }),
              );
              break;
            case 'label':
              if (action.remove.length > 0) {
                await tx.taskLabel.deleteMany({
                  where: { taskId: { in: ids }, labelId: { in: action.remove.map((label) => label.id) } },
                });
              }
              await tx.taskLabel.createMany({
                data: ids.flatMap((taskId) => action.add.map((label) => ({ taskId, labelId: label.id }))),
                skipDuplicates: true,
              });
              await tx.task.updateMany({ where, data: { version: { increment: 1 } } });
              entries = tasks.map((task) =>
                activity(task, {
                  action: 'task.updated',
                  data: {
                    key: task.key,
                    title: task.title,
                    before: { labels: task.labels },
                    after: { labels: relabelled(task.labels, action.add, action.remove) },
                    bulk: true,
                  },
                }),
              );
              break;
          }
          await recordActivities(tx, entries);
          return { tasks: await taskSummaries(tx, ids) };
        },
      ),
    // A hundred tasks' rows, positions and activity: more than the 5 s default on a loaded machine.
    { timeout: 10_000 },
  );
}
