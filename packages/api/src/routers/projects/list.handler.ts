import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listProjects } from '../../services/projects.ts';
import type { ListProjectsInput, ListProjectsOutput } from './projects.schema.ts';

export async function listProjectsHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: ListProjectsInput;
}): Promise<ListProjectsOutput> {
  const items = await listProjects(
    ctx.db,
    { workspaceId: ctx.workspace.id },
    { includeArchived: input.includeArchived },
  );
  return { items };
}
