// What the holder of an invitation link can do: see what it is for, and accept it.
import { sha256Hex } from '@taskforge/auth';
import type { Db, Prisma } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { recordActivity } from '../activity/record.ts';
import { conflict, forbidden, notFound, preconditionFailed } from '../app-errors.ts';
import type { WorkspaceSummary } from '../schemas/common.ts';
import type { Actor } from './actor.ts';
import { isUniqueViolation } from './database.ts';
import { toWorkspaceSummary, workspaceSummarySelect } from './selects.ts';

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

interface StatusFields {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationStatus(row: StatusFields, now: Date): InvitationStatus {
  if (row.revokedAt) return 'revoked';
  if (row.acceptedAt) return 'accepted';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

const previewSelect = {
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  workspace: { select: { name: true, slug: true } },
  invitedBy: { select: { name: true } },
} satisfies Prisma.InvitationSelect;

export interface InvitationPreview {
  workspace: { name: string; slug: string };
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
  status: InvitationStatus;
}

/** Knowing the token is the permission: its hash finds the invitation; an unknown one is NOT_FOUND. */
export async function previewInvitation(db: Db, token: string, now = new Date()): Promise<InvitationPreview> {
  const row = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: previewSelect,
  });
  if (!row) throw notFound('Invitation not found: check the link, or ask for a new one');
  return {
    workspace: row.workspace,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt,
    status: invitationStatus(row, now),
  };
}

/** Why a link that is not pending cannot be accepted. */
function refusal(status: Exclude<InvitationStatus, 'pending'>) {
  switch (status) {
    case 'revoked':
      return preconditionFailed('This invitation was revoked: ask for a new one');
    case 'expired':
      return preconditionFailed('This invitation has expired: ask for a new one');
    case 'accepted':
      return conflict('This invitation has already been used');
  }
}

const acceptSelect = {
  id: true,
  workspaceId: true,
  email: true,
  role: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
} satisfies Prisma.InvitationSelect;

/**
 * Joins the workspace with the invited role. Only the invited address may accept (the signed-in
 * user's email must match), and only once: the invitation is claimed by a conditional update,
 * so of two racing accepts exactly one gets past it.
 */
export async function acceptInvitation(
  db: Db,
  actor: Actor & { email: string },
  token: string,
  now = new Date(),
): Promise<WorkspaceSummary> {
  const found = await db.invitation.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: acceptSelect,
  });
  if (!found) throw notFound('Invitation not found: check the link, or ask for a new one');
  const status = invitationStatus(found, now);
  if (status !== 'pending') throw refusal(status);
  if (found.email !== actor.email) {
    throw forbidden(`This invitation is for ${found.email}: sign in with that email to accept it`);
  }
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({
        where: { id: found.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now, acceptedById: actor.userId },
      });
      if (claimed.count === 0) {
        const current = await tx.invitation.findUniqueOrThrow({
          where: { id: found.id },
          select: acceptSelect,
        });
        const after = invitationStatus(current, now);
        throw refusal(after === 'pending' ? 'accepted' : after);
      }
      const existing = await tx.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: found.workspaceId, userId: actor.userId } },
        select: { id: true },
      });
      if (existing) throw conflict('You are already a member of this workspace');
      const membership = await tx.membership.create({
        data: { workspaceId: found.workspaceId, userId: actor.userId, role: found.role },
        select: { role: true, workspace: { select: workspaceSummarySelect } },
      });
      const common = { actorId: actor.userId, workspaceId: found.workspaceId, ip: actor.ip };
      await recordActivity(tx, {
        ...common,
        action: 'invitation.accepted',
        targetType: 'invitation',
        targetId: found.id,
        data: { email: found.email, role: found.role },
      });
      await recordActivity(tx, {
        ...common,
        action: 'member.joined',
        targetType: 'user',
        targetId: actor.userId,
        data: { role: found.role, via: 'invitation' },
      });
      return toWorkspaceSummary(membership.workspace, membership.role);
    });
  } catch (error) {
    // Joined by another path at the same moment (the unique membership index said no).
    if (isUniqueViolation(error)) throw conflict('You are already a member of this workspace');
    throw error;
  }
}
