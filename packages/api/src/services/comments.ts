import { can } from '@taskforge/auth/roles';
import type { Db, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { excerpt, recordActivity } from '../activity/record.ts';
import { forbidden, notFound } from '../app-errors.ts';
import type { CommentInfo } from '../routers/comments/comments.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { afterCursor, decodeAuditCursor, encodeAuditCursor } from './audit.ts';
import { userSummarySelect } from './selects.ts';

export const commentSelect = {
  id: true,
  taskId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  author: { select: userSummarySelect },
} satisfies Prisma.CommentSelect;

export interface CommentPage {
  items: CommentInfo[];
  nextCursor: string | null;
}

const TASK_NOT_FOUND = 'Task not found';
const COMMENT_NOT_FOUND = 'Comment not found';

const taskRef = z.array(z.object({ id: z.string(), project_id: z.string(), key: z.string() }));

/**
 * The task in the actor's workspace with its reference (ENG-42), or NOT_FOUND. Its row is held
 * with FOR KEY SHARE until the transaction ends, so a task deleted meanwhile either waits for the
 * new comment (and takes it along) or is already gone here.
 */
async function lockTask(tx: Prisma.TransactionClient, workspaceId: string, taskId: string) {
  const [row] = taskRef.parse(
    await tx.$queryRaw`
      SELECT t.id::text AS id, t.project_id::text AS project_id, p.key || '-' || t.number AS key
      FROM tasks t JOIN projects p ON p.id = t.project_id
      WHERE t.id = ${taskId}::uuid AND t.workspace_id = ${workspaceId}::uuid
      FOR KEY SHARE OF t`,
  );
  if (!row) throw notFound(TASK_NOT_FOUND);
  return row;
}

const commentRef = z.array(
  z.object({
    author_id: z.string().nullable(),
    body: z.string(),
    task_id: z.string(),
    project_id: z.string(),
    task_key: z.string(),
  }),
);

/** The comment in the actor's workspace, row-locked until the transaction ends; NOT_FOUND otherwise. */
async function lockComment(tx: Prisma.TransactionClient, workspaceId: string, id: string) {
  const [row] = commentRef.parse(
    await tx.$queryRaw`
      SELECT c.author_id::text AS author_id, c.body, c.task_id::text AS task_id,
        t.project_id::text AS project_id, p.key || '-' || t.number AS task_key
      FROM comments c JOIN tasks t ON t.id = c.task_id JOIN projects p ON p.id = t.project_id
      WHERE c.id = ${id}::uuid AND c.workspace_id = ${workspaceId}::uuid
      FOR UPDATE OF c`,
  );
  if (!row) throw notFound(COMMENT_NOT_FOUND);
  return row;
}

function activityOf(actor: WorkspaceActor, commentId: string, task: { id: string; projectId: string }) {
  return {
    actorId: actor.userId,
    workspaceId: actor.workspaceId,
    projectId: task.projectId,
    taskId: task.id,
    targetType: 'comment',
    targetId: commentId,
    ip: actor.ip,
  };
}

/**
 * A task's comments, oldest first, keyset-paginated on (createdAt, id) with the audit log's
 * cursor (index comments(task_id, created_at, id)).
 */
export async function listComments(
  db: Db,
  actor: Pick<WorkspaceActor, 'workspaceId'>,
  input: { taskId: string; cursor?: string | undefined; limit: number },
): Promise<CommentPage> {
  const after = input.cursor ? decodeAuditCursor(input.cursor) : null;
  const task = await db.task.findFirst({
    where: { id: input.taskId, workspaceId: actor.workspaceId },
    select: { id: true },
  });
  if (!task) throw notFound(TASK_NOT_FOUND);
  const rows = await db.comment.findMany({
    where: {
      taskId: task.id,
      workspaceId: actor.workspaceId,
      ...afterCursor(after, 'asc'),
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: input.limit + 1,
    select: commentSelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > input.limit && last ? encodeAuditCursor(last) : null,
  };
}

/** A comment on a task of the actor's workspace (archived tasks included; deleted ones are gone). */
export async function addComment(
  db: Db,
  actor: WorkspaceActor,
  input: { taskId: string; body: string },
): Promise<CommentInfo> {
  return db.$transaction(async (tx) => {
    const task = await lockTask(tx, actor.workspaceId, input.taskId);
    const row = await tx.comment.create({
      data: { workspaceId: actor.workspaceId, taskId: task.id, authorId: actor.userId, body: input.body },
      select: commentSelect,
    });
    await recordActivity(tx, {
      action: 'comment.added',
      ...activityOf(actor, row.id, { id: task.id, projectId: task.project_id }),
      data: { task: task.key, excerpt: excerpt(row.body) },
    });
    return row;
  });
}

/** Only the author edits a comment (anyone else: FORBIDDEN); an unchanged body changes nothing. */
export async function editComment(
  db: Db,
  actor: WorkspaceActor,
  input: { id: string; body: string },
): Promise<CommentInfo> {
  return db.$transaction(async (tx) => {
    const current = await lockComment(tx, actor.workspaceId, input.id);
    if (current.author_id !== actor.userId) throw forbidden('Only its author can edit a comment');
    if (current.body === input.body) {
      return tx.comment.findUniqueOrThrow({ where: { id: input.id }, select: commentSelect });
    }
    const row = await tx.comment.update({
      where: { id: input.id },
      data: { body: input.body, editedAt: new Date() },
      select: commentSelect,
    });
    await recordActivity(tx, {
      action: 'comment.edited',
      ...activityOf(actor, row.id, { id: current.task_id, projectId: current.project_id }),
      data: { task: current.task_key, before: excerpt(current.body), after: excerpt(row.body) },
    });
    return row;
  });
}

/** The author deletes their own comment; an ADMIN (comments.moderate) anyone's. */
export async function deleteComment(db: Db, actor: WorkspaceActor, input: { id: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await lockComment(tx, actor.workspaceId, input.id);
    const own = current.author_id === actor.userId;
    if (!own && !can(actor.role, 'comments.moderate')) {
      throw forbidden('Only its author or an Admin can delete a comment');
    }
    await tx.comment.delete({ where: { id: input.id } });
    await recordActivity(tx, {
      action: 'comment.deleted',
      ...activityOf(actor, input.id, { id: current.task_id, projectId: current.project_id }),
      data: { task: current.task_key, authorId: current.author_id, excerpt: excerpt(current.body) },
    });
  });
}
