import { canGrantRole, canManageMember, ROLE_LABELS } from '@taskforge/auth/roles';
import type { Db, Prisma } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { recordActivity } from '../activity/record.ts';
import { conflict, forbidden, invalidField, notFound } from '../app-errors.ts';
import type { MemberInfo } from '../routers/members/members.schema.ts';
import type { Actor } from './actor.ts';
import { lockMemberships } from './membership-lock.ts';
import { userSummarySelect } from './selects.ts';

export const memberSelect = {
  role: true,
  createdAt: true,
  user: { select: userSummarySelect },
} satisfies Prisma.MembershipSelect;

type MemberRow = Prisma.MembershipGetPayload<{ select: typeof memberSelect }>;

function toMemberInfo(row: MemberRow): MemberInfo {
  return { user: row.user, role: row.role, joinedAt: row.createdAt };
}

function lastOwner(who: 'This member is' | 'You are'): string {
  return `${who} the last Owner of this workspace: make someone else an Owner first, or delete the workspace`;
}

function cannotManage(actorRole: Role, memberRole: Role): string {
  return `Your role (${ROLE_LABELS[actorRole]}) cannot manage a member who is ${ROLE_LABELS[memberRole]}`;
}

/** Owners first (the enum's order), then by name. */
export async function listMembers(db: Db, workspaceId: string): Promise<MemberInfo[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: memberSelect,
    orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }, { userId: 'asc' }],
  });
  return rows.map(toMemberInfo);
}

type WorkspaceScoped = Actor & { workspaceId: string };

/**
 * The workspace's memberships, locked (see lockMemberships), with the actor's role and the
 * member's, once the actor may manage that member at all; NOT_FOUND or FORBIDDEN otherwise.
 */
async function lockManagedMember(tx: Prisma.TransactionClient, actor: WorkspaceScoped, userId: string) {
  const members = await lockMemberships(tx, actor.workspaceId);
  const actorRole = members.actorRole(actor.userId);
  const current = members.roleOf(userId);
  if (!current) throw notFound('Member not found');
  if (!canManageMember(actorRole, current)) throw forbidden(cannotManage(actorRole, current));
  return { members, actorRole, current };
}

/**
 * Gives a member another role: the actor must be allowed to manage the member's current role
 * (ADMINs do not manage OWNERs) and to grant the new one (never above their own). The last
 * OWNER keeps the role, even against two racing requests (see lockMemberships).
 */
export async function changeMemberRole(
  db: Db,
  actor: WorkspaceScoped,
  input: { userId: string; role: Role },
): Promise<MemberInfo> {
  return db.$transaction(async (tx) => {
    const { members, actorRole, current } = await lockManagedMember(tx, actor, input.userId);
    if (!canGrantRole(actorRole, input.role)) {
      throw forbidden(
        `Your role (${ROLE_LABELS[actorRole]}) cannot grant the ${ROLE_LABELS[input.role]} role`,
      );
    }
    const where = { workspaceId_userId: { workspaceId: actor.workspaceId, userId: input.userId } };
    if (current === input.role) {
      return toMemberInfo(await tx.membership.findUniqueOrThrow({ where, select: memberSelect }));
    }
    if (current === 'OWNER' && members.owners <= 1) {
      throw conflict(lastOwner('This member is'));
    }
    const row = await tx.membership.update({ where, data: { role: input.role }, select: memberSelect });
    await recordActivity(tx, {
      action: 'member.role_changed',
      actorId: actor.userId,
      workspaceId: actor.workspaceId,
      targetType: 'user',
      targetId: input.userId,
      ip: actor.ip,
      data: { before: current, after: input.role, name: row.user.name, email: row.user.email },
    });
    return toMemberInfo(row);
  });
}

/** Removes another member (leaving is `leaveWorkspace`), by the same rules as changing a role. */
export async function removeMember(db: Db, actor: WorkspaceScoped, input: { userId: string }): Promise<void> {
  if (input.userId === actor.userId) throw invalidField('userId', 'is you: leave the workspace instead');
  await db.$transaction(async (tx) => {
    const { members, current } = await lockManagedMember(tx, actor, input.userId);
    if (current === 'OWNER' && members.owners <= 1) throw conflict(lastOwner('This member is'));
    const row = await tx.membership.delete({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: input.userId } },
      select: memberSelect,
    });
    const unassigned = await unassignTasks(tx, actor.workspaceId, input.userId);
    await recordActivity(tx, {
      action: 'member.removed',
      actorId: actor.userId,
      workspaceId: actor.workspaceId,
      targetType: 'user',
      targetId: input.userId,
      ip: actor.ip,
      data: { role: current, name: row.user.name, email: row.user.email, unassignedTasks: unassigned },
    });
  });
}

/** The actor leaves; the last OWNER cannot (they delete the workspace or hand it over first). */
export async function leaveWorkspace(db: Db, actor: WorkspaceScoped): Promise<void> {
  await db.$transaction(async (tx) => {
    const members = await lockMemberships(tx, actor.workspaceId);
    const role = members.actorRole(actor.userId);
    if (role === 'OWNER' && members.owners <= 1) throw conflict(lastOwner('You are'));
    await tx.membership.delete({
      where: { workspaceId_userId: { workspaceId: actor.workspaceId, userId: actor.userId } },
    });
    const unassigned = await unassignTasks(tx, actor.workspaceId, actor.userId);
    await recordActivity(tx, {
      action: 'member.left',
      actorId: actor.userId,
      workspaceId: actor.workspaceId,
      targetType: 'user',
      targetId: actor.userId,
      ip: actor.ip,
      data: { role, unassignedTasks: unassigned },
    });
  });
}

/**
 * Someone who is no longer a member cannot be an assignee (tasks name members only): their tasks in
 * the workspace become unassigned, each with a new version so a stale editor cannot put them back.
 */
async function unassignTasks(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  userId: string,
): Promise<number> {
  const { count } = await tx.task.updateMany({
    where: { workspaceId, assigneeId: userId },
    data: { assigneeId: null, version: { increment: 1 } },
  });
  return count;
}
