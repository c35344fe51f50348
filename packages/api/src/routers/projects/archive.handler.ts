import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { setProjectArchived } from '../../services/projects.ts';
import type { ArchiveProjectInput, ProjectSummary } from './projects.schema.ts';

type ArchiveContext = Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };

export function archiveProjectHandler({
  ctx,
  input,
}: {
  ctx: ArchiveContext;
  input: ArchiveProjectInput;
}): Promise<ProjectSummary> {
  return setProjectArchived(ctx.db, workspaceActorOf(ctx), { key: input.key, archived: true });
}

export function unarchiveProjectHandler({
  ctx,
  input,
}: {
  ctx: ArchiveContext;
  input: ArchiveProjectInput;
}): Promise<ProjectSummary> {
  return setProjectArchived(ctx.db, workspaceActorOf(ctx), { key: input.key, archived: false });
}
