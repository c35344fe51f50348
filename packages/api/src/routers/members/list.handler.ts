import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listMembers } from '../../services/members.ts';
import type { ListMembersOutput } from './members.schema.ts';

export async function listMembersHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
}): Promise<ListMembersOutput> {
  return { items: await listMembers(ctx.db, ctx.workspace.id) };
}
