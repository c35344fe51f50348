import type { Context } from '../../context.ts';
import { previewInvitation } from '../../services/invitation-links.ts';
import type { PreviewInvitationInput, PreviewInvitationOutput } from './invitations.schema.ts';

/** Public: what the link is for, before anyone signs in. The token is the permission. */
export function previewInvitationHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'>;
  input: PreviewInvitationInput;
}): Promise<PreviewInvitationOutput> {
  return previewInvitation(ctx.db, input.token);
}
