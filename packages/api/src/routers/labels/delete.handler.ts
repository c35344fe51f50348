import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import type { OkOutput } from '../../schemas/common.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { deleteLabel } from '../../services/labels.ts';
import type { DeleteLabelInput } from './labels.schema.ts';

export async function deleteLabelHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: DeleteLabelInput;
}): Promise<OkOutput> {
  await deleteLabel(ctx.db, workspaceActorOf(ctx), { id: input.id });
  return { ok: true };
}
