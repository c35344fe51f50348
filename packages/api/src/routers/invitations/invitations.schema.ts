import { emailSchema, idSchema } from '@taskforge/validators';
import { z } from 'zod';
import type { ProcedureMeta } from '../../meta.ts';
import { okOutput, roleSchema, userSummary, workspaceInput, workspaceSummary } from '../../schemas/common.ts';

export const INVITATION_DAYS = 7;

export const invitationInfo = z.object({
  id: idSchema,
  email: z.string(),
  role: roleSchema,
  invitedBy: userSummary.nullable(),
  createdAt: z.date(),
  expiresAt: z.date(),
  expired: z.boolean(),
});
export type InvitationInfo = z.infer<typeof invitationInfo>;

export const createInvitationInput = workspaceInput({ email: emailSchema, role: roleSchema });
export const createInvitationOutput = z.object({
  invitation: invitationInfo,
  /** Single use, shown to the inviter once (there is no email delivery yet): `/invite/<token>`. */
  token: z.string(),
  acceptPath: z.string(),
});
export const createInvitationMeta = { rateLimit: 'write' } satisfies ProcedureMeta;
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;
export type CreateInvitationOutput = z.infer<typeof createInvitationOutput>;

/** Pending invitations (not accepted, not revoked), newest first. */
export const listInvitationsInput = workspaceInput({});
export const listInvitationsOutput = z.object({ items: z.array(invitationInfo) });
export type ListInvitationsOutput = z.infer<typeof listInvitationsOutput>;

export const revokeInvitationInput = workspaceInput({ id: idSchema });
export const revokeInvitationOutput = okOutput;
export type RevokeInvitationInput = z.infer<typeof revokeInvitationInput>;

const invitationToken = z.string().min(20).max(100);

/** What the invitation link shows before anyone signs in: knowing the token is the permission. */
export const previewInvitationInput = z.strictObject({ token: invitationToken });
export const previewInvitationOutput = z.object({
  workspace: z.object({ name: z.string(), slug: z.string() }),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: z.date(),
  status: z.enum(['pending', 'expired', 'accepted', 'revoked']),
});
export const previewInvitationMeta = { rateLimit: 'auth' } satisfies ProcedureMeta;
export type PreviewInvitationInput = z.infer<typeof previewInvitationInput>;
export type PreviewInvitationOutput = z.infer<typeof previewInvitationOutput>;

export const acceptInvitationInput = z.strictObject({ token: invitationToken });
export const acceptInvitationOutput = z.object({ workspace: workspaceSummary });
export const acceptInvitationMeta = { sessionOnly: true, rateLimit: 'auth' } satisfies ProcedureMeta;
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
export type AcceptInvitationOutput = z.infer<typeof acceptInvitationOutput>;
