import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listTasks } from '../../services/task-list.ts';
import type { ListTasksInput, ListTasksOutput } from './tasks.schema.ts';

export function listTasksHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext & { user: { id: string } };
  input: ListTasksInput;
}): Promise<ListTasksOutput> {
  return listTasks(ctx.db, { userId: ctx.user.id, workspaceId: ctx.workspace.id }, input);
}
