import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { createTask } from '../../services/tasks-create.ts';
import type { TaskDetail } from './task.schema.ts';
import type { CreateTaskInput } from './tasks.schema.ts';

export function createTaskHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: CreateTaskInput;
}): Promise<TaskDetail> {
  return createTask(ctx.db, workspaceActorOf(ctx), input);
}
