import type { Db, Prisma } from '@taskforge/db';
import { z } from 'zod';
import { WORK_ACTION_PREFIXES } from '../activity/actions.ts';
import { notFound } from '../app-errors.ts';
import type { WorkActivityEntry } from '../routers/activity/activity.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { afterCursor, decodeAuditCursor, encodeAuditCursor } from './audit.ts';
import { projectIdByKey } from './projects.ts';
import { userSummarySelect } from './selects.ts';

/** No `ip`: every member reads the work feed, and addresses are for the ADMINs' audit log. */
const feedEntrySelect = {
  id: true,
  action: true,
  targetType: true,
  targetId: true,
  projectId: true,
  taskId: true,
  data: true,
  createdAt: true,
  actor: { select: userSummarySelect },
} satisfies Prisma.ActivitySelect;

const jsonObject = z.record(z.string(), z.json());

/** `data` is always written as an object (recordActivity); anything else reads as empty. */
function dataOf(value: Prisma.JsonValue): WorkActivityEntry['data'] {
  const parsed = jsonObject.safeParse(value);
  return parsed.success ? parsed.data : {};
}

// The prefixes are constants without LIKE wildcards (`_`, `%`), so startsWith matches them literally.
const workActions: Prisma.ActivityWhereInput = {
  OR: WORK_ACTION_PREFIXES.map((prefix) => ({ action: { startsWith: prefix } })),
};

export interface ActivityFeedPage {
  items: WorkActivityEntry[];
  nextCursor: string | null;
}

/**
 * Which rows a feed shows: the project's (by key) and/or the task's. A task that was deleted
 * keeps its feed (its history outlives it) as long as this workspace recorded some; another
 * workspace's project or task is NOT_FOUND, exactly like one that never existed.
 */
async function scopeOf(
  db: Db,
  workspaceId: string,
  input: { project?: string | undefined; taskId?: string | undefined },
): Promise<Prisma.ActivityWhereInput> {
  const scope: Prisma.ActivityWhereInput = { workspaceId };
  if (input.project !== undefined) {
    scope.projectId = await projectIdByKey(db, workspaceId, input.project);
  }
  if (input.taskId !== undefined) {
    const known =
      (await db.task.findFirst({ where: { id: input.taskId, workspaceId }, select: { id: true } })) ??
      (await db.activity.findFirst({ where: { taskId: input.taskId, workspaceId }, select: { id: true } }));
    if (!known) throw notFound('Task not found');
    scope.taskId = input.taskId;
  }
  return scope;
}

/**
 * The work feed (projects, tasks, comments, labels; not account or membership events), newest
 * first, keyset-paginated on (createdAt, id) with the audit log's cursor. A project's feed
 * includes its tasks' and comments' entries; a task's its comments'. Served by the indexes
 * activities(workspace_id | project_id | task_id, created_at DESC, id DESC).
 */
export async function listActivityFeed(
  db: Db,
  actor: Pick<WorkspaceActor, 'workspaceId'>,
  input: {
    project?: string | undefined;
    taskId?: string | undefined;
    cursor?: string | undefined;
    limit: number;
  },
): Promise<ActivityFeedPage> {
  const after = input.cursor ? decodeAuditCursor(input.cursor) : null;
  const scope = await scopeOf(db, actor.workspaceId, input);
  const rows = await db.activity.findMany({
    where: {
      AND: [scope, workActions, afterCursor(after, 'desc')],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    select: feedEntrySelect,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({ ...row, data: dataOf(row.data) })),
    nextCursor: rows.length > input.limit && last ? encodeAuditCursor(last) : null,
  };
}
