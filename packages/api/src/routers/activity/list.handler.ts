import type { Context } from '../../context.ts';
import type { WorkspaceContext } from '../../procedures/index.ts';
import { listActivityFeed } from '../../services/activity-feed.ts';
import type { ListActivityInput, ListActivityOutput } from './activity.schema.ts';

export function listActivityHandler({
  ctx,
  input,
}: {
  ctx: Pick<Context, 'db'> & WorkspaceContext;
  input: ListActivityInput;
}): Promise<ListActivityOutput> {
  return listActivityFeed(
    ctx.db,
    { workspaceId: ctx.workspace.id },
    { project: input.project, taskId: input.taskId, cursor: input.cursor, limit: input.limit },
  );
}
