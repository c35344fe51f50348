import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { changeMemberRole } from '../../services/members.ts';
import type { ChangeRoleInput, MemberInfo } from './members.schema.ts';

export function changeRoleHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: ChangeRoleInput;
}): Promise<MemberInfo> {
  return changeMemberRole(ctx.db, workspaceActorOf(ctx), { userId: input.userId, role: input.role });
}
