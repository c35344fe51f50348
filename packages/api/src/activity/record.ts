import { newId, Prisma } from '@taskforge/db';
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
  await db.$executeRaw(activityInsert([entry]));
}

/** Many audit-trail rows in one statement (a bulk change records one row per task it changed). */
export async function recordActivities(
  db: Prisma.TransactionClient,
  entries: readonly ActivityInput[],
): Promise<void> {
  if (entries.length > 0) await db.$executeRaw(activityInsert(entries));
}

/**
 * The INSERT of audit-trail rows (at least one), ids made here as Prisma would. (tasks.create writes
 * its row inside its single statement, selecting ACTIVITY_COLUMNS from what that statement made.)
 */
function activityInsert(entries: readonly ActivityInput[]): Prisma.Sql {
  const createdAt = new Date();
  const rows = entries.map(
    (entry) => Prisma.sql`(
      ${newId()}::uuid, ${entry.workspaceId ?? null}::uuid, ${entry.actorId}::uuid,
      ${entry.projectId ?? null}::uuid, ${entry.taskId ?? null}::uuid, ${entry.action},
      ${entry.targetType ?? null}, ${entry.targetId ?? null}, ${entry.ip ?? null},
      ${JSON.stringify(entry.data ?? {})}::jsonb, ${createdAt})`,
  );
  return Prisma.sql`INSERT INTO activities ${ACTIVITY_COLUMNS} VALUES ${Prisma.join(rows)}`;
}

/** The columns an activity INSERT lists, in this order (tasks.create's statement selects them). */
export const ACTIVITY_COLUMNS = Prisma.raw(
  '(id, workspace_id, actor_id, project_id, task_id, action, target_type, target_id, ip, data, created_at)',
);

/** Long text (markdown) is recorded as its first characters: feeds read pages of these rows. */
export const EXCERPT_LENGTH = 280;

/** `text` cut to EXCERPT_LENGTH code points, with an ellipsis when it was longer. */
export function excerpt(text: string): string {
  const chars = Array.from(text);
  return chars.length <= EXCERPT_LENGTH ? text : `${chars.slice(0, EXCERPT_LENGTH - 1).join('')}…`;
}

type Scalar = string | number | boolean | null;

/**
 * The fields a patch really changes, as `{ before, after }` activity data (fields it leaves out or
 * sets to what they already were are not listed); null when it changes nothing.
 */
export function changedFields<Row extends Record<string, Scalar>>(
  current: Row,
  patch: { [K in keyof Row]?: Row[K] | undefined },
): { before: Partial<Row>; after: Partial<Row> } | null {
  const before: Partial<Row> = {};
  const after: Partial<Row> = {};
  let changed = false;
  for (const key in patch) {
    const next = patch[key];
    if (next === undefined || next === current[key]) continue;
    before[key] = current[key];
    after[key] = next;
    changed = true;
  }
  return changed ? { before, after } : null;
}

/**
 * Who changed which task, for a task's activity row: the workspace, project and task feeds all
 * find it. `projectId` is the task's project.
 */
export function taskActivityOf(
  actor: { userId: string; workspaceId: string; ip: string | null },
  task: { id: string; projectId: string },
): Omit<ActivityInput, 'action' | 'data'> {
  return {
    actorId: actor.userId,
    workspaceId: actor.workspaceId,
    projectId: task.projectId,
    taskId: task.id,
    targetType: 'task',
    targetId: task.id,
    ip: actor.ip,
  };
}
