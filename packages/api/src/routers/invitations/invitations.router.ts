import { PERMISSIONS } from '@taskforge/auth/roles';
import { authedProcedure, publicProcedure, router, sync, workspaceProcedure } from '../../trpc.ts';
import { acceptInvitationHandler } from './accept.handler.ts';
import { createInvitationHandler } from './create.handler.ts';
import {
  acceptInvitationInput,
  acceptInvitationMeta,
  acceptInvitationOutput,
  createInvitationInput,
  createInvitationMeta,
  createInvitationOutput,
  listInvitationsInput,
  listInvitationsOutput,
  previewInvitationInput,
  previewInvitationMeta,
  previewInvitationOutput,
  revokeInvitationInput,
  revokeInvitationOutput,
} from './invitations.schema.ts';
import { listInvitationsHandler } from './list.handler.ts';
import { previewInvitationHandler } from './preview.handler.ts';
import { revokeInvitationHandler } from './revoke.handler.ts';

const manage = PERMISSIONS['invitations.manage'];

export const invitationsRouter = router({
  create: workspaceProcedure(manage)
    .meta(createInvitationMeta)
    .input(sync(createInvitationInput))
    .output(sync(createInvitationOutput))
    .mutation(createInvitationHandler),
  list: workspaceProcedure(manage)
    .input(sync(listInvitationsInput))
    .output(sync(listInvitationsOutput))
    .query(listInvitationsHandler),
  revoke: workspaceProcedure(manage)
    .input(sync(revokeInvitationInput))
    .output(sync(revokeInvitationOutput))
    .mutation(revokeInvitationHandler),
  preview: publicProcedure
    .meta(previewInvitationMeta)
    .input(sync(previewInvitationInput))
    .output(sync(previewInvitationOutput))
    .query(previewInvitationHandler),
  accept: authedProcedure
    .meta(acceptInvitationMeta)
    .input(sync(acceptInvitationInput))
    .output(sync(acceptInvitationOutput))
    .mutation(acceptInvitationHandler),
});
