import type { Context } from '../../context.ts';
import type { WorkspaceSummary } from '../../schemas/common.ts';
import { createWorkspace } from '../../services/workspaces.ts';
import type { CreateWorkspaceInput } from './workspaces.schema.ts';

/** The caller becomes the new workspace's OWNER. */
export function createWorkspaceHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & { user: { id: string } };
  input: CreateWorkspaceInput;
}): Promise<WorkspaceSummary> {
  return createWorkspace(ctx.db, { userId: ctx.user.id, ip: ctx.ip }, input);
}
