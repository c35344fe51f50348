import { hasRole, ROLE_LABELS } from '@taskforge/auth/roles';
import { Role } from '@taskforge/db/enums';
import { slugSchema } from '@taskforge/validators';
import { z } from 'zod';
import { forbidden, notFound } from '../app-errors.ts';
import { sync } from '../parser.ts';
import { authedProcedure } from './authed.ts';

// Loose on purpose: it only picks out `workspace`. The procedure's own strict input
// (schemas/common.ts workspaceInput) validates the whole object, `workspace` included.
const workspaceRef = z.object({ workspace: slugSchema });

const membershipRows = z.array(
  z.object({ role: z.enum(Role), id: z.string(), slug: z.string(), name: z.string(), created_at: z.date() }),
);

/**
 * A procedure on one workspace (cal.com's permission-procedure factory): the caller must be a
 * member with at least `minRole`. A workspace the caller is not in behaves exactly like one that
 * does not exist (NOT_FOUND, no existence leak); too low a role is FORBIDDEN. Narrows the
 * context to `{ user, workspace, membership }`.
 */
export function workspaceProcedure(minRole: Role) {
  return authedProcedure
    .meta({ workspaceRole: minRole })
    .input(sync(workspaceRef))
    .use(async ({ ctx, input, next }) => {
      // One statement (membership and workspace joined), not Prisma's query per relation:
      // every workspace call starts here (ADR 0016).
      const [membership] = membershipRows.parse(
        await ctx.db.$queryRaw`
          SELECT m.role::text AS role, w.id::text AS id, w.slug, w.name, w.created_at
          FROM workspaces w JOIN memberships m ON m.workspace_id = w.id
          WHERE w.slug = ${input.workspace} AND m.user_id = ${ctx.user.id}::uuid`,
      );
      if (!membership) throw notFound('Workspace not found');
      if (!hasRole(membership.role, minRole)) {
        throw forbidden(`Needs the ${ROLE_LABELS[minRole]} role or higher in this workspace`);
      }
      const { role, id, slug, name, created_at: createdAt } = membership;
      return next({ ctx: { workspace: { id, slug, name, createdAt }, membership: { role } } });
    });
}

export type WorkspaceContext = {
  workspace: { id: string; slug: string; name: string; createdAt: Date };
  membership: { role: Role };
};
