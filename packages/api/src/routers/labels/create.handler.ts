import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { workspaceActorOf } from '../../services/actor.ts';
import { createLabel } from '../../services/labels.ts';
import type { CreateLabelInput, LabelInfo } from './labels.schema.ts';

export function createLabelHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db' | 'ip'> & WorkspaceContext & { user: { id: string } };
  input: CreateLabelInput;
}): Promise<LabelInfo> {
  return createLabel(ctx.db, workspaceActorOf(ctx), { name: input.name, color: input.color });
}
