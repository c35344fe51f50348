import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { deleteWorkspace } from '../../services/workspaces.ts';
import type { DeleteWorkspaceInput } from './workspaces.schema.ts';

/** Everything in the workspace goes with it; `confirm` must be its slug. */
export async function deleteWorkspaceHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: DeleteWorkspaceInput;
}): Promise<OkOutput> {
  await deleteWorkspace(
    ctx.db,
    { userId: ctx.user.id, ip: ctx.ip, workspaceId: ctx.workspace.id },
    { confirm: input.confirm },
  );
  return { ok: true };
}
