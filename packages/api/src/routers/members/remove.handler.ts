import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { removeMember } from '../../services/members.ts';
import type { RemoveMemberInput } from './members.schema.ts';

export async function removeMemberHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: RemoveMemberInput;
}): Promise<OkOutput> {
  await removeMember(ctx.db, workspaceActorOf(ctx), { userId: input.userId });
  return { ok: true };
}
