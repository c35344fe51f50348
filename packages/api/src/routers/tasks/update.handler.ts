import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { updateTask } from '../../services/tasks-update.ts';
import type { TaskDetail } from './task.schema.ts';
import type { UpdateTaskInput } from './tasks.schema.ts';

export function updateTaskHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: UpdateTaskInput;
}): Promise<TaskDetail> {
  return updateTask(ctx.db, workspaceActorOf(ctx), input);
}
