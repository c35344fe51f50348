import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { WorkspaceSummary } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { renameWorkspace } from '../../services/workspaces.ts';
import type { RenameWorkspaceInput } from './workspaces.schema.ts';

export function renameWorkspaceHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: RenameWorkspaceInput;
}): Promise<WorkspaceSummary> {
  return renameWorkspace(ctx.db, workspaceActorOf(ctx), { name: input.name });
}
