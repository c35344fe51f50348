import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { editComment } from '../../services/comments.ts';
import type { CommentInfo, EditCommentInput } from './comments.schema.ts';

export function editCommentHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: EditCommentInput;
}): Promise<CommentInfo> {
  return editComment(ctx.db, workspaceActorOf(ctx), { id: input.id, body: input.body });
}
