import { idSchema, pageInput, pageOf } from '@taskforge/validators';
import { z } from 'zod';
import { userSummary, workspaceInput } from '../../schemas/common.ts';

export const activityEntry = z.object({
  id: idSchema,
  action: z.string(),
  actor: userSummary.nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.json()),
  createdAt: z.date(),
});
export type ActivityEntry = z.infer<typeof activityEntry>;

/** The workspace's audit log, newest first. */
export const listAuditInput = workspaceInput({
  ...pageInput,
  /** Only entries whose action starts with this, e.g. `member.` or `invitation.created`. */
  action: z.string().trim().max(64).optional(),
});
export const listAuditOutput = pageOf(activityEntry);
export type ListAuditInput = z.infer<typeof listAuditInput>;
export type ListAuditOutput = z.infer<typeof listAuditOutput>;
