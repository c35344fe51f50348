import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { revokeInvitation } from '../../services/invitations.ts';
import type { RevokeInvitationInput } from './invitations.schema.ts';

export async function revokeInvitationHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: RevokeInvitationInput;
}): Promise<OkOutput> {
  await revokeInvitation(ctx.db, workspaceActorOf(ctx), { id: input.id });
  return { ok: true };
}
