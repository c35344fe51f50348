import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listInvitations } from '../../services/invitations.ts';
import type { ListInvitationsOutput } from './invitations.schema.ts';

export async function listInvitationsHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
}): Promise<ListInvitationsOutput> {
  return { items: await listInvitations(ctx.db, ctx.workspace.id) };
}
