import { idSchema } from '@taskforge/validators';
import { z } from 'zod';
import { okOutput, roleSchema, userSummary, workspaceInput } from '../../schemas/common.ts';

export const memberInfo = z.object({
  user: userSummary,
  role: roleSchema,
  joinedAt: z.date(),
});
export type MemberInfo = z.infer<typeof memberInfo>;

export const listMembersInput = workspaceInput({});
export const listMembersOutput = z.object({ items: z.array(memberInfo) });
export type ListMembersOutput = z.infer<typeof listMembersOutput>;

export const changeRoleInput = workspaceInput({ userId: idSchema, role: roleSchema });
export const changeRoleOutput = memberInfo;
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const removeMemberInput = workspaceInput({ userId: idSchema });
export const removeMemberOutput = okOutput;
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

export const leaveWorkspaceInput = workspaceInput({});
export const leaveWorkspaceOutput = okOutput;
