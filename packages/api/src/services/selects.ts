// Column lists every read goes through, so nothing leaks by accident; and their output mapping.
import type { Prisma } from '@taskforge/db';
import type { Role } from '@taskforge/db/enums';
import type { WorkspaceSummary } from '../schemas/common.ts';

export const userSummarySelect = { id: true, name: true, email: true } satisfies Prisma.UserSelect;

export const workspaceSummarySelect = {
  id: true,
  slug: true,
  name: true,
  createdAt: true,
  _count: { select: { memberships: true } },
} satisfies Prisma.WorkspaceSelect;

type WorkspaceSummaryRow = Prisma.WorkspaceGetPayload<{ select: typeof workspaceSummarySelect }>;

/** A workspace as `role` sees it. */
export function toWorkspaceSummary(row: WorkspaceSummaryRow, role: Role): WorkspaceSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    role,
    memberCount: row._count.memberships,
    createdAt: row.createdAt,
  };
}
