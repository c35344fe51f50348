import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { deleteTask } from '../../services/tasks-lifecycle.ts';
import type { DeleteTaskInput } from './tasks.schema.ts';

export async function deleteTaskHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: DeleteTaskInput;
}): Promise<OkOutput> {
  await deleteTask(ctx.db, workspaceActorOf(ctx), { id: input.id });
  return { ok: true };
}
