import type { Prisma } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import { z } from 'zod';
import { notFound } from '../app-errors.ts';
import { roleSchema } from '../schemas/common.ts';

const lockedRow = z.object({ user_id: z.string(), role: roleSchema });

export interface LockedMemberships {
  /** The member's role as committed when the lock was taken; undefined for a non-member. */
  roleOf(userId: string): Role | undefined;
  /** The caller's role, or NOT_FOUND when they are no longer a member (removed meanwhile). */
  actorRole(userId: string): Role;
  owners: number;
}

/**
 * Locks every membership row of the workspace (SELECT … FOR UPDATE, in id order so two lockers
 * never deadlock) and returns the roles as committed. Every change that could leave a workspace
 * without an OWNER takes this lock first, so two admins racing to demote or remove the last
 * owners run one after the other and the second sees the first's result.
 */
export async function lockMemberships(
  tx: Prisma.TransactionClient,
  workspaceId: string,
): Promise<LockedMemberships> {
  const rows = z.array(lockedRow).parse(
    await tx.$queryRaw`
      SELECT user_id::text AS user_id, role::text AS role
      FROM memberships WHERE workspace_id = ${workspaceId}::uuid
      ORDER BY id FOR UPDATE`,
  );
  const roles = new Map(rows.map((row) => [row.user_id, row.role]));
  return {
    roleOf: (userId) => roles.get(userId),
    actorRole(userId) {
      const role = roles.get(userId);
      if (!role) throw notFound('Workspace not found');
      return role;
    },
    owners: rows.filter((row) => row.role === 'OWNER').length,
  };
}
