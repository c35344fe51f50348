import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { createInvitation } from '../../services/invitations.ts';
import type { CreateInvitationInput, CreateInvitationOutput } from './invitations.schema.ts';

/** Until email delivery exists, the inviter is shown the link (token and acceptPath) once. */
export function createInvitationHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: CreateInvitationInput;
}): Promise<CreateInvitationOutput> {
  return createInvitation(ctx.db, workspaceActorOf(ctx), { email: input.email, role: input.role });
}
