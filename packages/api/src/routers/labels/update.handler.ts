import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { updateLabel } from '../../services/labels.ts';
import type { LabelInfo, UpdateLabelInput } from './labels.schema.ts';

export function updateLabelHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: UpdateLabelInput;
}): Promise<LabelInfo> {
  return updateLabel(ctx.db, workspaceActorOf(ctx), { id: input.id, name: input.name, color: input.color });
}
