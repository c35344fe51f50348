import { hasRole, ROLE_LABELS } from '@taskforge/auth/roles';
import type { Role } from '@taskforge/db/enums';
import { slugSchema } from '@taskforge/validators';
import { z } from 'zod';
import { forbidden, notFound } from '../app-errors.ts';
import { authedProcedure } from './authed.ts';

// Loose on purpose: it only picks out `workspace`. The procedure's own strict input
// (schemas/common.ts workspaceInput) validates the whole object, `workspace` included.
const workspaceRef = z.object({ workspace: slugSchema });

/**
 * A procedure on one workspace (cal.com's permission-procedure factory): the caller must be a
 * member with at least `minRole`. A workspace the caller is not in behaves exactly like one that
 * does not exist (NOT_FOUND, no existence leak); too low a role is FORBIDDEN. Narrows the
 * context to `{ user, workspace, membership }`.
 */
export function workspaceProcedure(minRole: Role) {
  return authedProcedure
    .meta({ workspaceRole: minRole })
    .input(workspaceRef)
    .use(async ({ ctx, input, next }) => {
      const membership = await ctx.db.membership.findFirst({
        where: { userId: ctx.user.id, workspace: { slug: input.workspace } },
        select: {
          role: true,
          workspace: { select: { id: true, slug: true, name: true, createdAt: true } },
        },
      });
      if (!membership) throw notFound('Workspace not found');
      if (!hasRole(membership.role, minRole)) {
        throw forbidden(`Needs the ${ROLE_LABELS[minRole]} role or higher in this workspace`);
      }
      return next({ ctx: { workspace: membership.workspace, membership: { role: membership.role } } });
    });
}

export type WorkspaceContext = {
  workspace: { id: string; slug: string; name: string; createdAt: Date };
  membership: { role: Role };
};
