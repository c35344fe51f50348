import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { getProject } from '../../services/projects.ts';
import type { GetProjectInput, ProjectDetail } from './projects.schema.ts';

export function getProjectHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: GetProjectInput;
}): Promise<ProjectDetail> {
  return getProject(ctx.db, { workspaceId: ctx.workspace.id }, { key: input.key });
}
