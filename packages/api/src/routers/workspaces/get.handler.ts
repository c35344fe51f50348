import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { getWorkspace } from '../../services/workspaces.ts';
import type { GetWorkspaceOutput } from './workspaces.schema.ts';

export function getWorkspaceHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
}): Promise<GetWorkspaceOutput> {
  return getWorkspace(ctx.db, { workspaceId: ctx.workspace.id, role: ctx.membership.role });
}
