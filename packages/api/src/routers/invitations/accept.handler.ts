import type { AuthUser } from '../../auth/resolve.ts';
import type { Context } from '../../context.ts';
import { acceptInvitation } from '../../services/invitation-links.ts';
import type { AcceptInvitationInput, AcceptInvitationOutput } from './invitations.schema.ts';

/** Signed in (a browser session) as the invited address: joins with the invited role. */
export async function acceptInvitationHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & { user: AuthUser };
  input: AcceptInvitationInput;
}): Promise<AcceptInvitationOutput> {
  const workspace = await acceptInvitation(
    ctx.db,
    { userId: ctx.user.id, ip: ctx.ip, email: ctx.user.email },
    input.token,
  );
  return { workspace };
}
