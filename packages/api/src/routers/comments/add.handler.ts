import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { addComment } from '../../services/comments.ts';
import type { AddCommentInput, CommentInfo } from './comments.schema.ts';

export function addCommentHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: AddCommentInput;
}): Promise<CommentInfo> {
  return addComment(ctx.db, workspaceActorOf(ctx), { taskId: input.taskId, body: input.body });
}
