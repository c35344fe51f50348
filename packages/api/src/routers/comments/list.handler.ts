import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listComments } from '../../services/comments.ts';
import type { ListCommentsInput, ListCommentsOutput } from './comments.schema.ts';

export function listCommentsHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: ListCommentsInput;
}): Promise<ListCommentsOutput> {
  return listComments(
    ctx.db,
    { workspaceId: ctx.workspace.id },
    { taskId: input.taskId, cursor: input.cursor, limit: input.limit },
  );
}
