import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { leaveWorkspace } from '../../services/members.ts';

export async function leaveWorkspaceHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
}): Promise<OkOutput> {
  await leaveWorkspace(ctx.db, workspaceActorOf(ctx));
  return { ok: true };
}
