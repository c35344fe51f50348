import type { Context } from '../../context.ts';
import { listWorkspaces } from '../../services/workspaces.ts';
import type { ListWorkspacesOutput } from './workspaces.schema.ts';

export async function listWorkspacesHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & { user: { id: string } };
}): Promise<ListWorkspacesOutput> {
  return { items: await listWorkspaces(ctx.db, ctx.user.id) };
}
