import type { Db, Prisma } from '@taskforge/db';
import { TaskStatus } from '@taskforge/db/enums';
import { z } from 'zod';
import { changedFields, excerpt, recordActivity } from '../activity/record.ts';
import { invalidField, notFound } from '../app-errors.ts';
import type { ProjectDetail, ProjectSummary } from '../routers/projects/projects.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { isUniqueViolation } from './database.ts';

const KEY_TAKEN = 'is already the key of another project in this workspace: choose another';
const CLOSED: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['DONE', 'CANCELED']);

export const projectSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  archivedAt: true,
  createdAt: true,
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;
type StatusCounts = Record<TaskStatus, number>;

function emptyCounts(): StatusCounts {
  return { BACKLOG: 0, TODO: 0, IN_PROGRESS: 0, IN_REVIEW: 0, DONE: 0, CANCELED: 0 };
}

const idRows = z.array(z.object({ id: z.string() }));

/**
 * The id of the workspace's project with this key, or NOT_FOUND (another workspace's project reads
 * as one that does not exist). One small statement (ADR 0016): activity feeds start with it; the
 * board read names its project inside its own statement and calls this only for an empty page.
 */
export async function projectIdByKey(db: Db, workspaceId: string, key: string): Promise<string> {
  const [row] = idRows.parse(
    await db.$queryRaw`SELECT id::text AS id FROM projects WHERE workspace_id = ${workspaceId}::uuid AND key = ${key}`,
  );
  if (!row) throw notFound('Project not found');
  return row.id;
}

/**
 * Not-archived tasks per project and status, for any number of projects in ONE grouped query
 * (served by the board index tasks(project_id, status, position, id)).
 */
async function countTasks(db: Db | Prisma.TransactionClient, projectIds: string[]) {
  const counts = new Map<string, StatusCounts>();
  if (projectIds.length === 0) return counts;
  const groups = await db.task.groupBy({
    by: ['projectId', 'status'],
    where: { projectId: { in: projectIds }, archivedAt: null },
    _count: { _all: true },
  });
  for (const group of groups) {
    const forProject = counts.get(group.projectId) ?? emptyCounts();
    forProject[group.status] = group._count._all;
    counts.set(group.projectId, forProject);
  }
  return counts;
}

function toSummary(row: ProjectRow, counts: StatusCounts = emptyCounts()): ProjectSummary {
  let taskCount = 0;
  let openTaskCount = 0;
  for (const status of Object.values(TaskStatus)) {
    taskCount += counts[status];
    if (!CLOSED.has(status)) openTaskCount += counts[status];
  }
  return { ...row, taskCount, openTaskCount };
}

async function summaryOf(db: Db | Prisma.TransactionClient, row: ProjectRow): Promise<ProjectSummary> {
  return toSummary(row, (await countTasks(db, [row.id])).get(row.id));
}

const lockedRow = z.array(z.object({ id: z.string() }));

/**
 * The project with `key` in the actor's workspace, its row locked until the transaction ends (so
 * two concurrent changes record each other's result as their `before`); NOT_FOUND otherwise.
 */
async function lockProject(tx: Prisma.TransactionClient, workspaceId: string, key: string) {
  const [row] = lockedRow.parse(
    await tx.$queryRaw`
      SELECT id::text AS id FROM projects
      WHERE workspace_id = ${workspaceId}::uuid AND key = ${key}
      FOR UPDATE`,
  );
  if (!row) throw notFound('Project not found');
  return tx.project.findUniqueOrThrow({ where: { id: row.id }, select: projectSelect });
}

function activityOf(actor: WorkspaceActor, projectId: string) {
  return {
    actorId: actor.userId,
    workspaceId: actor.workspaceId,
    projectId,
    targetType: 'project',
    targetId: projectId,
    ip: actor.ip,
  };
}

/** A new project; its key is unique in the workspace (a field error on `key` otherwise). */
export async function createProject(
  db: Db,
  actor: WorkspaceActor,
  input: { key: string; name: string; description: string },
): Promise<ProjectSummary> {
  const taken = await db.project.findUnique({
    where: { workspaceId_key: { workspaceId: actor.workspaceId, key: input.key } },
    select: { id: true },
  });
  if (taken) throw invalidField('key', KEY_TAKEN);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.project.create({
        data: { workspaceId: actor.workspaceId, ...input },
        select: projectSelect,
      });
      await recordActivity(tx, {
        action: 'project.created',
        ...activityOf(actor, row.id),
        data: { key: row.key, name: row.name },
      });
      return toSummary(row);
    });
  } catch (error) {
    // Two requests for one key at once: the loser gets the same answer as above.
    if (isUniqueViolation(error)) throw invalidField('key', KEY_TAKEN);
    throw error;
  }
}

/**
 * The workspace's projects by name, active ones first (archived ones only when asked), each with
 * its task counts: two queries however many projects there are.
 */
export async function listProjects(
  db: Db,
  actor: Pick<WorkspaceActor, 'workspaceId'>,
  input: { includeArchived: boolean },
): Promise<ProjectSummary[]> {
  const rows = await db.project.findMany({
    where: { workspaceId: actor.workspaceId, ...(input.includeArchived ? {} : { archivedAt: null }) },
    orderBy: [{ name: 'asc' }, { key: 'asc' }],
    select: projectSelect,
  });
  const counts = await countTasks(
    db,
    rows.map((row) => row.id),
  );
  const summaries = rows.map((row) => toSummary(row, counts.get(row.id)));
  return [...summaries.filter((p) => !p.archivedAt), ...summaries.filter((p) => p.archivedAt)];
}

/** One project by key, with its not-archived tasks counted per status. */
export async function getProject(
  db: Db,
  actor: Pick<WorkspaceActor, 'workspaceId'>,
  input: { key: string },
): Promise<ProjectDetail> {
  const row = await db.project.findUnique({
    where: { workspaceId_key: { workspaceId: actor.workspaceId, key: input.key } },
    select: projectSelect,
  });
  if (!row) throw notFound('Project not found');
  const counts = (await countTasks(db, [row.id])).get(row.id) ?? emptyCounts();
  return { ...toSummary(row, counts), tasksByStatus: counts };
}

/** Renames and/or re-describes a project; the activity row lists only what changed. */
export async function updateProject(
  db: Db,
  actor: WorkspaceActor,
  input: { key: string; name?: string | undefined; description?: string | undefined },
): Promise<ProjectSummary> {
  return db.$transaction(async (tx) => {
    const current = await lockProject(tx, actor.workspaceId, input.key);
    const changes = changedFields(
      { name: current.name, description: current.description },
      { name: input.name, description: input.description },
    );
    if (!changes) return summaryOf(tx, current);
    const row = await tx.project.update({
      where: { id: current.id },
      data: changes.after,
      select: projectSelect,
    });
    const recorded = (side: typeof changes.before) => ({
      ...side,
      ...(side.description === undefined ? {} : { description: excerpt(side.description) }),
    });
    await recordActivity(tx, {
      action: 'project.updated',
      ...activityOf(actor, row.id),
      data: { key: row.key, before: recorded(changes.before), after: recorded(changes.after) },
    });
    return summaryOf(tx, row);
  });
}

/** Archives or restores a project; asking for the state it is already in changes and records nothing. */
export async function setProjectArchived(
  db: Db,
  actor: WorkspaceActor,
  input: { key: string; archived: boolean },
): Promise<ProjectSummary> {
  return db.$transaction(async (tx) => {
    const current = await lockProject(tx, actor.workspaceId, input.key);
    if (Boolean(current.archivedAt) === input.archived) return summaryOf(tx, current);
    const row = await tx.project.update({
      where: { id: current.id },
      data: { archivedAt: input.archived ? new Date() : null },
      select: projectSelect,
    });
    await recordActivity(tx, {
      action: input.archived ? 'project.archived' : 'project.unarchived',
      ...activityOf(actor, row.id),
      data: { key: row.key, name: row.name },
    });
    return summaryOf(tx, row);
  });
}
