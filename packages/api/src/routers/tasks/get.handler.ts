import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { getTask } from '../../services/tasks-read.ts';
import type { TaskDetail } from './task.schema.ts';
import type { GetTaskInput } from './tasks.schema.ts';

export function getTaskHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: GetTaskInput;
}): Promise<TaskDetail> {
  return getTask(ctx.db, { workspaceId: ctx.workspace.id }, { ref: input.ref });
}
