import { type Db, newId, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { ACTIVITY_COLUMNS } from '../activity/record.ts';
import { conflict, invalidField, notFound, preconditionFailed } from '../app-errors.ts';
import { type TaskDetail, taskDetail } from '../routers/tasks/task.schema.ts';
import type { CreateTaskInput } from '../routers/tasks/tasks.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { idempotent } from './idempotency.ts';
import { parseTaskDetail, taskDetailSql } from './tasks-read.ts';
import { LABEL_NOT_IN_WORKSPACE, NOT_A_MEMBER } from './tasks-rules.ts';

type Writer = Db | Prisma.TransactionClient;

/**
 * A task at the bottom of its status column, numbered next in its project. With an idempotency
 * key, a retry returns this result and creates nothing (the key's row and the task share one
 * transaction); without one, the create is a single statement and needs no transaction at all.
 */
export function createTask(db: Db, actor: WorkspaceActor, input: CreateTaskInput): Promise<TaskDetail> {
  if (input.idempotencyKey === undefined) return insertTask(db, actor, input);
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
      () => insertTask(tx, actor, input),
    ),
  );
}

/** What the statement says beside the task's detail: which check failed when it wrote nothing. */
const outcomeRows = z.array(
  z.looseObject({ assignee_ok: z.boolean(), labels_ok: z.boolean(), id: z.string().nullable() }),
);

/**
 * The whole create as ONE statement (ADR 0017): one round trip, no interactive transaction, and
 * a statement is atomic by itself. In order:
 * - the assignee's membership and the labels are checked and held (FOR KEY SHARE), so a removal
 *   running at the same moment waits for the create;
 * - only if both are fine, the project's counter row is updated: its lock orders concurrent
 *   creates in the project, so numbers come one after another, without gaps or duplicates (a
 *   failed statement gives its number back), and an archived project is left alone;
 * - task_position_at_end reads the column's last key with a snapshot taken after that lock (it is
 *   VOLATILE), so a create that waited sees the task of the one it waited for;
 * - the task, its labels and its history row are inserted, and the task's detail is read from
 *   what the statement wrote: inside it the CTEs named tasks and task_labels stand for those tables.
 */
async function insertTask(db: Writer, actor: WorkspaceActor, input: CreateTaskInput): Promise<TaskDetail> {
  const { workspaceId, userId } = actor;
  const id = newId();
  const now = new Date();
  const labelIds = [...new Set(input.labelIds)];
  const [outcome] = outcomeRows.parse(
    await db.$queryRaw`
    WITH assignee AS (
      SELECT 1 FROM memberships
      WHERE workspace_id = ${workspaceId}::uuid AND user_id = ${input.assigneeId}::uuid
      FOR KEY SHARE
    ), picked_labels AS (
      SELECT 1 FROM labels WHERE workspace_id = ${workspaceId}::uuid AND id = ANY(${labelIds}::uuid[])
      FOR KEY SHARE
    ), checks AS (
      SELECT ${input.assigneeId}::uuid IS NULL OR EXISTS (SELECT 1 FROM assignee) AS assignee_ok,
             (SELECT count(*) FROM picked_labels) = ${labelIds.length} AS labels_ok
    ), project AS (
      UPDATE projects SET task_counter = task_counter + 1
      WHERE workspace_id = ${workspaceId}::uuid AND key = ${input.project} AND archived_at IS NULL
        AND (SELECT assignee_ok AND labels_ok FROM checks)
      RETURNING id, key, task_counter AS number
    ), placed AS (
      SELECT id, key, number, task_position_at_end(id, ${input.status}::"TaskStatus") AS position FROM project
    ), tasks AS (
      INSERT INTO tasks (id, workspace_id, project_id, number, title, description, status, priority,
                         assignee_id, creator_id, due_date, position, completed_at, created_at, updated_at)
      SELECT ${id}::uuid, ${workspaceId}::uuid, placed.id, placed.number, ${input.title}::text,
             ${input.description}::text, ${input.status}::"TaskStatus", ${input.priority}::"TaskPriority",
             ${input.assigneeId}::uuid, ${userId}::uuid, ${input.dueDate}::date, placed.position,
             ${input.status === 'DONE' ? now : null}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM placed
      RETURNING *
    ), task_labels AS (
      INSERT INTO task_labels (task_id, label_id, created_at)
      SELECT tasks.id, label_id, ${now}::timestamptz FROM tasks, unnest(${labelIds}::uuid[]) AS label_id
      RETURNING *
    ), activity AS (
      INSERT INTO activities ${ACTIVITY_COLUMNS}
      SELECT ${newId()}::uuid, ${workspaceId}::uuid, ${userId}::uuid, placed.id, ${id}::uuid, 'task.created',
             'task', ${id}::text, ${actor.ip}::text,
             jsonb_build_object('key', placed.key || '-' || placed.number, 'title', ${input.title}::text,
                                'status', ${input.status}::text),
             ${now}::timestamptz
      FROM placed
    )
    SELECT checks.assignee_ok, checks.labels_ok, detail.*
    FROM checks LEFT JOIN (${taskDetailSql(Prisma.sql`t.id = ${id}::uuid`)}) AS detail ON true`,
  );
  if (!outcome) throw new Error('the create statement returned no row');
  if (!outcome.assignee_ok) throw invalidField('assigneeId', NOT_A_MEMBER);
  if (!outcome.labels_ok) throw invalidField('labelIds', LABEL_NOT_IN_WORKSPACE);
  if (outcome.id === null) throw await projectRefusal(db, workspaceId, input.project);
  return parseTaskDetail(outcome);
}

const projectState = z.array(z.object({ key: z.string(), archived: z.boolean() }));

/** Why the counter's UPDATE matched no row: no such project (404), or it is archived (412). */
async function projectRefusal(db: Writer, workspaceId: string, key: string) {
  const [project] = projectState.parse(
    await db.$queryRaw`
      SELECT key, archived_at IS NOT NULL AS archived FROM projects
      WHERE workspace_id = ${workspaceId}::uuid AND key = ${key}`,
  );
  if (!project) return notFound('Project not found');
  if (project.archived) {
    return preconditionFailed(`Project ${project.key} is archived: restore it before adding tasks`);
  }
  // Archived (or renamed) and restored again while the statement ran: nothing was written.
  return conflict(`Project ${project.key} changed while the task was being created: try again`);
}
