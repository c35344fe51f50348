import { newInvitationToken } from '@taskforge/auth';
import { can, canGrantRole, ROLE_LABELS } from '@taskforge/auth/roles';
import type { Db, Prisma } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { recordActivity } from '../activity/record.ts';
import { conflict, forbidden, notFound } from '../app-errors.ts';
import { INVITATION_DAYS, type InvitationInfo } from '../routers/invitations/invitations.schema.ts';
import type { WorkspaceActor } from './actor.ts';
import { userSummarySelect } from './selects.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  invitedBy: { select: userSummarySelect },
} satisfies Prisma.InvitationSelect;

type InvitationRow = Prisma.InvitationGetPayload<{ select: typeof invitationSelect }>;

function toInvitationInfo(row: InvitationRow, now: Date): InvitationInfo {
  return { ...row, expired: row.expiresAt <= now };
}

function requireManage(actor: WorkspaceActor): void {
  if (!can(actor.role, 'invitations.manage')) throw forbidden('Invitations need the Admin role or higher');
}

export interface CreatedInvitation {
  invitation: InvitationInfo;
  /** The single-use secret of the link; only its hash is stored. */
  token: string;
  acceptPath: string;
}

/**
 * Invites `email` with `role` (never above the inviter's own). Inviting an address again
 * replaces its invitation: a new token (the old link stops working), role and expiry.
 */
export async function createInvitation(
  db: Db,
  actor: WorkspaceActor,
  input: { email: string; role: Role },
  now = new Date(),
): Promise<CreatedInvitation> {
  requireManage(actor);
  if (!canGrantRole(actor.role, input.role)) {
    throw forbidden(
      `Your role (${ROLE_LABELS[actor.role]}) cannot invite someone as ${ROLE_LABELS[input.role]}`,
    );
  }
  const member = await db.membership.findFirst({
    where: { workspaceId: actor.workspaceId, user: { email: input.email } },
    select: { id: true },
  });
  if (member) throw conflict(`${input.email} is already a member of this workspace`);

  const { token, hash } = newInvitationToken();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS);
  const fresh = {
    role: input.role,
    tokenHash: hash,
    invitedById: actor.userId,
    expiresAt,
    createdAt: now,
    acceptedAt: null,
    acceptedById: null,
    revokedAt: null,
  };
  const invitation = await db.$transaction(async (tx) => {
    const key = { workspaceId: actor.workspaceId, email: input.email };
    const previous = await tx.invitation.findUnique({
      where: { workspaceId_email: key },
      select: { id: true },
    });
    const row = await tx.invitation.upsert({
      where: { workspaceId_email: key },
      create: { ...key, ...fresh },
      update: fresh,
      select: invitationSelect,
    });
    await recordActivity(tx, {
      action: 'invitation.created',
      actorId: actor.userId,
      workspaceId: actor.workspaceId,
      targetType: 'invitation',
      targetId: row.id,
      ip: actor.ip,
      data: { email: row.email, role: row.role, replaced: previous !== null },
    });
    return row;
  });
  return { invitation: toInvitationInfo(invitation, now), token, acceptPath: `/invite/${token}` };
}

/** Invitations nobody has accepted or revoked yet, newest first; expired ones are flagged. */
export async function listInvitations(
  db: Db,
  workspaceId: string,
  now = new Date(),
): Promise<InvitationInfo[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null },
    select: invitationSelect,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  });
  return rows.map((row) => toInvitationInfo(row, now));
}

/** Its link stops working. Revoking a revoked invitation is a no-op; an accepted one is CONFLICT. */
export async function revokeInvitation(
  db: Db,
  actor: WorkspaceActor,
  input: { id: string },
  now = new Date(),
): Promise<void> {
  requireManage(actor);
  await db.$transaction(async (tx) => {
    // Scoped by workspace: another workspace's invitation is as unknown as a made-up id.
    const where = { id: input.id, workspaceId: actor.workspaceId };
    const found = await tx.invitation.findFirst({ where, select: { revokedAt: true } });
    if (!found) throw notFound('Invitation not found');
    if (found.revokedAt) return;
    // Conditional, so an accept racing with this revoke wins or loses as a whole.
    const revoked = await tx.invitation.updateMany({
      where: { ...where, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    const row = await tx.invitation.findUniqueOrThrow({
      where: { id: input.id },
      select: { email: true, role: true, revokedAt: true },
    });
    if (revoked.count === 0) {
      if (row.revokedAt) return; // another admin was quicker
      throw conflict('This invitation was already accepted: remove the member instead');
    }
    await recordActivity(tx, {
      action: 'invitation.revoked',
      actorId: actor.userId,
      workspaceId: actor.workspaceId,
      targetType: 'invitation',
      targetId: input.id,
      ip: actor.ip,
      data: { email: row.email, role: row.role },
    });
  });
}
