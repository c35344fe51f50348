import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { moveTask } from '../../services/tasks-move.ts';
import type { TaskSummary } from './task.schema.ts';
import type { MoveTaskInput } from './tasks.schema.ts';

export function moveTaskHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: MoveTaskInput;
}): Promise<TaskSummary> {
  return moveTask(ctx.db, workspaceActorOf(ctx), input);
}
