import type { Prisma } from '@taskforge/db';
import type { ActivityAction } from './actions.ts';

export interface ActivityInput {
  action: ActivityAction;
  /** Null when nobody is signed in (a failed sign-in). */
  actorId: string | null;
  /** Null for events of no workspace (sign-in, tokens, password). */
  workspaceId?: string | null;
  /** For the project feed: the project the change belongs to (a task's or comment's project too). */
  projectId?: string | null;
  /** For the task feed: the task the change belongs to (a comment's task too). */
  taskId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Details for the log: changed fields before/after, a role, an email. Never secrets. */
  data?: Prisma.InputJsonObject;
}

/**
 * One audit-trail row. Pass the transaction of the change itself, so the change and its record
 * are written together or not at all.
 */
export async function recordActivity(db: Prisma.TransactionClient, entry: ActivityInput): Promise<void> {
  await db.activity.create({
    data: {
      action: entry.action,
      actorId: entry.actorId,
      workspaceId: entry.workspaceId ?? null,
      projectId: entry.projectId ?? null,
      taskId: entry.taskId ?? null,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      ip: entry.ip ?? null,
      data: entry.data ?? {},
    },
  });
}
