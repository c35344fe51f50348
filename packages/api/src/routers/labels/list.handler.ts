import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listLabels } from '../../services/labels.ts';
import type { ListLabelsOutput } from './labels.schema.ts';

export async function listLabelsHandler({
  ctx,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
}): Promise<ListLabelsOutput> {
  return { items: await listLabels(ctx.db, { workspaceId: ctx.workspace.id }) };
}
