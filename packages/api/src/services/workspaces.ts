import { can, ROLE_LABELS } from '@taskforge/auth/roles';
import type { Db } from '@taskforge/db';
import { recordActivity } from '../activity/record.ts';
import { forbidden, invalidField, notFound } from '../app-errors.ts';
import type { WorkspaceSummary } from '../schemas/common.ts';
import type { Actor, WorkspaceActor } from './actor.ts';
import { isUniqueViolation } from './database.ts';
import { lockMemberships } from './membership-lock.ts';
import { toWorkspaceSummary, workspaceSummarySelect } from './selects.ts';

const SLUG_TAKEN = 'is already taken: choose another';

/** A new workspace with its creator as the only OWNER. */
export async function createWorkspace(
  db: Db,
  actor: Actor,
  input: { name: string; slug: string },
): Promise<WorkspaceSummary> {
  if (await db.workspace.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw invalidField('slug', SLUG_TAKEN);
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.workspace.create({
        data: {
          name: input.name,
          slug: input.slug,
          memberships: { create: { userId: actor.userId, role: 'OWNER' } },
        },
        select: workspaceSummarySelect,
      });
      await recordActivity(tx, {
        action: 'workspace.created',
        actorId: actor.userId,
        workspaceId: row.id,
        targetType: 'workspace',
        targetId: row.id,
        ip: actor.ip,
        data: { name: row.name, slug: row.slug },
      });
      return toWorkspaceSummary(row, 'OWNER');
    });
  } catch (error) {
    // Two requests for one slug at once: the loser gets the same answer as above.
    if (isUniqueViolation(error)) throw invalidField('slug', SLUG_TAKEN);
    throw error;
  }
}

/** The workspaces `userId` belongs to, by name, each with their role in it. */
export async function listWorkspaces(db: Db, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: workspaceSummarySelect } },
    orderBy: [{ workspace: { name: 'asc' } }, { workspace: { slug: 'asc' } }],
  });
  return rows.map((row) => toWorkspaceSummary(row.workspace, row.role));
}

export async function getWorkspace(
  db: Db,
  actor: Pick<WorkspaceActor, 'workspaceId' | 'role'>,
): Promise<WorkspaceSummary & { pendingInvitations: number }> {
  const row = await db.workspace.findUnique({
    where: { id: actor.workspaceId },
    select: {
      ...workspaceSummarySelect,
      _count: {
        select: { memberships: true, invitations: { where: { acceptedAt: null, revokedAt: null } } },
      },
    },
  });
  if (!row) throw notFound('Workspace not found');
  return { ...toWorkspaceSummary(row, actor.role), pendingInvitations: row._count.invitations };
}

export async function renameWorkspace(
  db: Db,
  actor: WorkspaceActor,
  input: { name: string },
): Promise<WorkspaceSummary> {
  if (!can(actor.role, 'workspace.rename')) throw forbidden('Renaming needs the Admin role or higher');
  return db.$transaction(async (tx) => {
    const before = await tx.workspace.findUnique({
      where: { id: actor.workspaceId },
      select: { name: true },
    });
    if (!before) throw notFound('Workspace not found');
    const row = await tx.workspace.update({
      where: { id: actor.workspaceId },
      data: { name: input.name },
      select: workspaceSummarySelect,
    });
    if (before.name !== input.name) {
      await recordActivity(tx, {
        action: 'workspace.renamed',
        actorId: actor.userId,
        workspaceId: actor.workspaceId,
        targetType: 'workspace',
        targetId: actor.workspaceId,
        ip: actor.ip,
        data: { before: before.name, after: input.name },
      });
    }
    return toWorkspaceSummary(row, actor.role);
  });
}

/**
 * Deletes the workspace and everything in it, confirmed by its slug. The audit row belongs to no
 * workspace (the workspace's own rows cascade away) and keeps the slug and name.
 */
export async function deleteWorkspace(
  db: Db,
  actor: Actor & { workspaceId: string },
  input: { confirm: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    // Under the membership lock, so an owner demoted a moment ago cannot still delete.
    const members = await lockMemberships(tx, actor.workspaceId);
    if (!can(members.actorRole(actor.userId), 'workspace.delete')) {
      throw forbidden(`Deleting the workspace needs the ${ROLE_LABELS.OWNER} role`);
    }
    const workspace = await tx.workspace.findUnique({
      where: { id: actor.workspaceId },
      select: { id: true, slug: true, name: true },
    });
    if (!workspace) throw notFound('Workspace not found');
    if (input.confirm.trim() !== workspace.slug) {
      throw invalidField('confirm', `type the workspace's slug (${workspace.slug}) to confirm`);
    }
    await recordActivity(tx, {
      action: 'workspace.deleted',
      actorId: actor.userId,
      workspaceId: null,
      targetType: 'workspace',
      targetId: workspace.id,
      ip: actor.ip,
      data: { slug: workspace.slug, name: workspace.name },
    });
    await tx.workspace.delete({ where: { id: workspace.id } });
  });
}
