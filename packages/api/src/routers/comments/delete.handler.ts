import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { deleteComment } from '../../services/comments.ts';
import type { DeleteCommentInput } from './comments.schema.ts';

export async function deleteCommentHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: DeleteCommentInput;
}): Promise<OkOutput> {
  await deleteComment(ctx.db, workspaceActorOf(ctx), { id: input.id });
  return { ok: true };
}
