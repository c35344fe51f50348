import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { setTaskArchived } from '../../services/tasks-lifecycle.ts';
import type { TaskSummary } from './task.schema.ts';
import type { ArchiveTaskInput } from './tasks.schema.ts';

type ArchiveContext = Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };

export function archiveTaskHandler({
  ctx,
  input,
}: {
  ctx: ArchiveContext;
  input: ArchiveTaskInput;
}): Promise<TaskSummary> {
  return setTaskArchived(ctx.db, workspaceActorOf(ctx), { id: input.id, archived: true });
}

export function unarchiveTaskHandler({
  ctx,
  input,
}: {
  ctx: ArchiveContext;
  input: ArchiveTaskInput;
}): Promise<TaskSummary> {
  return setTaskArchived(ctx.db, workspaceActorOf(ctx), { id: input.id, archived: false });
}
