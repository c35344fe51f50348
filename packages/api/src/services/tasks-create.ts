import { type Db, newId, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { activityInsert, taskActivityOf } from '../activity/record.ts';
import { notFound, preconditionFailed } from '../app-errors.ts';
import { type TaskDetail, taskDetail } from '../routers/tasks/task.schema.ts';
import type { CreateTaskInput } from '../routers/tasks/tasks.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { idempotent } from './idempotency.ts';
import { positionAtEnd } from './task-positions.ts';
import { insertTaskReturningDetail, taskKey } from './tasks-read.ts';
import { checkAssignee, checkLabels } from './tasks-rules.ts';

const counterRow = z.array(
  z.object({ id: z.string(), key: z.string(), number: z.number(), archived: z.boolean() }),
);

/**
 * The project's next task number. The UPDATE holds the project's row until the transaction ends,
 * so concurrent creates in one project take numbers one after another: no gaps (a rolled-back
 * create gives its number back) and no duplicates. The same lock orders their positions.
 */
async function takeTaskNumber(tx: Prisma.TransactionClient, workspaceId: string, projectKey: string) {
  const [project] = counterRow.parse(
    await tx.$queryRaw`
      UPDATE projects SET task_counter = task_counter + 1
      WHERE workspace_id = ${workspaceId}::uuid AND key = ${projectKey}
      RETURNING id::text AS id, key, task_counter AS number, archived_at IS NOT NULL AS archived`,
  );
  if (!project) throw notFound('Project not found');
  if (project.archived) {
    throw preconditionFailed(`Project ${project.key} is archived: restore it before adding tasks`);
  }
  return project;
}

/**
 * A task at the bottom of its status column, numbered next in its project. With an idempotency
 * key, a retry returns this result and creates nothing.
 */
export async function createTask(db: Db, actor: WorkspaceActor, input: CreateTaskInput): Promise<TaskDetail> {
  return db.$transaction((tx) =>
    idempotent(
      tx,
      {
        userId: actor.userId,
        key: input.idempotencyKey,
        procedure: 'tasks.create',
        input,
        output: taskDetail,
      },
      async () => {
        // Checked before the counter is taken: the project's lock is held as briefly as possible.
        await checkAssignee(tx, actor.workspaceId, input.assigneeId, 'assigneeId');
        const labels = await checkLabels(tx, actor.workspaceId, input.labelIds, 'labelIds');
        const project = await takeTaskNumber(tx, actor.workspaceId, input.project);
        const position = await positionAtEnd(tx, project.id, input.status);
        const id = newId();
        const now = new Date();
        // The task, its labels, its history row and then its detail in one statement (ADR 0016):
        // the labels' and the record's foreign keys are checked at its end, when the task is there.
        return insertTaskReturningDetail(
          tx,
          Prisma.sql`
            tasks AS (
              INSERT INTO tasks (id, workspace_id, project_id, number, title, description, status, priority,
                                 assignee_id, creator_id, due_date, position, completed_at, created_at, updated_at)
              VALUES (${id}::uuid, ${actor.workspaceId}::uuid, ${project.id}::uuid, ${project.number},
                      ${input.title}, ${input.description}, ${input.status}::"TaskStatus",
                      ${input.priority}::"TaskPriority", ${input.assigneeId}::uuid, ${actor.userId}::uuid,
                      ${input.dueDate}::date, ${position}, ${input.status === 'DONE' ? now : null}, ${now}, ${now})
              RETURNING *
            ), task_labels AS (
              INSERT INTO task_labels (task_id, label_id, created_at)
              SELECT ${id}::uuid, label_id, ${now} FROM unnest(${labels.map((label) => label.id)}::uuid[]) AS label_id
              RETURNING *
            ), activity AS (
              ${activityInsert([
                {
                  action: 'task.created',
                  ...taskActivityOf(actor, { id, projectId: project.id }),
                  data: {
                    key: taskKey(project.key, project.number),
                    title: input.title,
                    status: input.status,
                  },
                },
              ])}
            )`,
          id,
        );
      },
    ),
  );
}
