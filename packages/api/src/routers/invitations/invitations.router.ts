import { PERMISSIONS } from '@taskforge/auth/roles';
import { authedProcedure, publicProcedure, router, workspaceProcedure } from '../../trpc.ts';
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
    .input(createInvitationInput)
    .output(createInvitationOutput)
    .mutation(createInvitationHandler),
  list: workspaceProcedure(manage)
    .input(listInvitationsInput)
    .output(listInvitationsOutput)
    .query(listInvitationsHandler),
  revoke: workspaceProcedure(manage)
    .input(revokeInvitationInput)
    .output(revokeInvitationOutput)
    .mutation(revokeInvitationHandler),
  preview: publicProcedure
    .meta(previewInvitationMeta)
    .input(previewInvitationInput)
    .output(previewInvitationOutput)
    .query(previewInvitationHandler),
  accept: authedProcedure
    .meta(acceptInvitationMeta)
    .input(acceptInvitationInput)
    .output(acceptInvitationOutput)
    .mutation(acceptInvitationHandler),
});
