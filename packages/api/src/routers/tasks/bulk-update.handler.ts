import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { bulkUpdateTasks } from '../../services/tasks-bulk.ts';
import type { BulkUpdateTasksInput, BulkUpdateTasksOutput } from './tasks.schema.ts';

export function bulkUpdateTasksHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: BulkUpdateTasksInput;
}): Promise<BulkUpdateTasksOutput> {
  return bulkUpdateTasks(ctx.db, workspaceActorOf(ctx), input);
}
