import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { createProject } from '../../services/projects.ts';
import type { CreateProjectInput, ProjectSummary } from './projects.schema.ts';

export function createProjectHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: CreateProjectInput;
}): Promise<ProjectSummary> {
  return createProject(ctx.db, workspaceActorOf(ctx), {
    key: input.key,
    name: input.name,
    description: input.description,
  });
}
