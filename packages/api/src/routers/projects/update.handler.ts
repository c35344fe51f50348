import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { updateProject } from '../../services/projects.ts';
import type { ProjectSummary, UpdateProjectInput } from './projects.schema.ts';

export function updateProjectHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: UpdateProjectInput;
}): Promise<ProjectSummary> {
  return updateProject(ctx.db, workspaceActorOf(ctx), {
    key: input.key,
    name: input.name,
    description: input.description,
  });
}
